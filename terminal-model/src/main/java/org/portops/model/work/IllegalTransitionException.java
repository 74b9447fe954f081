package org.portops.model.work;

import java.util.Set;
import java.util.stream.Collectors;

/** A work instruction was asked to move to a state its current state does not lead to. */
public final class IllegalTransitionException extends IllegalStateException {

    private final transient WorkInstructionId instruction;
    private final WorkInstructionState from;
    private final WorkInstructionState to;

    public IllegalTransitionException(WorkInstructionId instruction, WorkInstructionState from,
                                      WorkInstructionState to) {
        super("work instruction " + instruction + " cannot go from " + from + " to " + to + " (allowed from "
                + from + ": " + describe(from.next()) + ")");
        this.instruction = instruction;
        this.from = from;
        this.to = to;
    }

    public WorkInstructionId instruction() {
        return instruction;
    }

    public WorkInstructionState from() {
        return from;
    }

    public WorkInstructionState to() {
        return to;
    }

    private static String describe(Set<WorkInstructionState> allowed) {
        return allowed.isEmpty() ? "none"
                : allowed.stream().map(Enum::name).collect(Collectors.joining(", "));
    }
}
