package org.portops.model.work;

import java.util.EnumSet;
import java.util.Set;

/**
 * The life of a work instruction. Legal transitions: PLANNED → DISPATCHED | CANCELLED; DISPATCHED → IN_PROGRESS |
 * SUSPENDED | PLANNED (recalled) | CANCELLED; IN_PROGRESS → DONE | FAILED | SUSPENDED; SUSPENDED → PLANNED |
 * DISPATCHED | CANCELLED. DONE, FAILED and CANCELLED are terminal.
 */
public enum WorkInstructionState {
    PLANNED,
    DISPATCHED,
    IN_PROGRESS,
    SUSPENDED,
    DONE,
    FAILED,
    CANCELLED;

    /** The states this one may move to, in declaration order; empty when terminal. */
    public Set<WorkInstructionState> next() {
        return switch (this) {
            case PLANNED -> EnumSet.of(DISPATCHED, CANCELLED);
            case DISPATCHED -> EnumSet.of(IN_PROGRESS, SUSPENDED, PLANNED, CANCELLED);
            case IN_PROGRESS -> EnumSet.of(DONE, FAILED, SUSPENDED);
            case SUSPENDED -> EnumSet.of(PLANNED, DISPATCHED, CANCELLED);
            case DONE, FAILED, CANCELLED -> EnumSet.noneOf(WorkInstructionState.class);
        };
    }

    public boolean isTerminal() {
        return next().isEmpty();
    }

    public boolean canGoTo(WorkInstructionState target) {
        return next().contains(target);
    }
}
