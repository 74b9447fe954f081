package org.portops.state;

/** What became of a change to equipment state, a work instruction, a vessel call or a slot. */
public sealed interface ChangeResult {

    ChangeResult APPLIED = new Applied();

    boolean applied();

    /** The change is in the live yard (and in PostgreSQL where it is kept there). */
    record Applied() implements ChangeResult {
        public boolean applied() {
            return true;
        }
    }

    /** The change was refused and changed nothing. */
    record Refused(String reason) implements ChangeResult {
        public boolean applied() {
            return false;
        }
    }
}
