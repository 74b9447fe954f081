package org.portops.model.work;

/** The kind of a container move. */
public enum MoveKind {
    DISCHARGE,
    LOAD,
    YARD_SHIFT,
    REHANDLE,
    GATE_IN,
    GATE_OUT
}
