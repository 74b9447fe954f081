package org.portops.state.hold;

/** Who holds a container: customs, its line, or the terminal itself (a supervisor on the ops map). */
public enum HoldKind {
    CUSTOMS, LINE, TERMINAL
}
