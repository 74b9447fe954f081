package org.portops.crane.solver;

import ai.timefold.solver.core.api.score.stream.ConstraintJustification;

import java.util.List;

/** Pinned task {@code task} belongs on crane {@code pinnedCrane} after task {@code pinnedPrevious} (0: first). */
public record PinMoved(int task, int pinnedCrane, int pinnedPrevious, int crane, int previous)
        implements ConstraintJustification {

    public List<Integer> cranes() {
        return List.of(pinnedCrane, crane).stream().distinct().toList();
    }

    public String describe() {
        return "task " + task + " is started or set by the operator on crane " + pinnedCrane
                + (pinnedPrevious == 0 ? " as its first task" : " after task " + pinnedPrevious) + ", the plan has it on crane "
                + crane + (previous == 0 ? " first" : " after task " + previous);
    }
}
