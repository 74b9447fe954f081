package org.portops.crane.dispatch.mapping;

import java.util.List;

/**
 * What publishing a dispatch plan changes: the instruction updates to apply, in order, and the difference to what
 * was assigned before ({@code moves}), which the decision journal stores. {@code untouched} names the planned jobs
 * left as they are and why (in progress, committed, a vehicle that is not available).
 */
public record DispatchChanges(List<InstructionUpdate> updates, List<JobMove> moves, List<String> untouched) {

    public DispatchChanges {
        updates = List.copyOf(updates);
        moves = List.copyOf(moves);
        untouched = List.copyOf(untouched);
    }

    public long reassignments() {
        return moves.stream().filter(JobMove::isReassignment).count();
    }
}
