package org.portops.crane.solver;

import ai.timefold.solver.test.api.score.stream.ConstraintVerifier;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

/** The two re-planning constraints on hand-set crane lists: pinned started work and plan stability. */
class ReplanConstraintProviderTest {
    private static final PlannedCrane.QuayRules RULES = new PlannedCrane.QuayRules(1, 2);

    private final ConstraintVerifier<ReplanConstraintProvider, ReplanSolution> verifier = ConstraintVerifier.build(
            new ReplanConstraintProvider(), ReplanSolution.class, PlannedCrane.class, PlannedTask.class);

    private final PlannedCrane crane1 = new PlannedCrane(1, 0, 1, new PlannedCrane.BayRange(1, 8), RULES);
    private final PlannedCrane crane2 = new PlannedCrane(2, 0, 6, new PlannedCrane.BayRange(3, 10), RULES);
    private int nextNumber = 1;

    private PlannedTask task(PlannedCrane crane, int bay) {
        PlannedTask task = new PlannedTask(nextNumber++, bay, 10);
        List<PlannedTask> tasks = new ArrayList<>(crane.getTasks());
        task.setPrevious(tasks.isEmpty() ? null : tasks.getLast());
        task.setCrane(crane);
        tasks.add(task);
        crane.setTasks(tasks);
        return task;
    }

    @Test
    void pinnedWorkAcceptsATaskOnItsCraneAfterItsPinnedPredecessor() {
        PlannedTask first = task(crane1, 2);
        PlannedTask second = task(crane1, 3);

        verifier.verifyThat(ReplanConstraintProvider::pinnedWork)
                .given(new PinnedPlace(first.getNumber(), 1, 0), new PinnedPlace(second.getNumber(), 1, first.getNumber()),
                        first, second)
                .penalizesBy(0);
    }

    @Test
    void pinnedWorkPenalisesATaskOnAnotherCrane() {
        PlannedTask moved = task(crane2, 7);

        verifier.verifyThat(ReplanConstraintProvider::pinnedWork)
                .given(new PinnedPlace(moved.getNumber(), 1, 0), moved)
                .penalizesBy(1);
        verifier.verifyThat(ReplanConstraintProvider::pinnedWork)
                .given(new PinnedPlace(moved.getNumber(), 1, 0), moved)
                .justifiesWith(new PinMoved(moved.getNumber(), 1, 0, 2, 0));
    }

    @Test
    void pinnedWorkPenalisesATaskPushedBackOnItsOwnCrane() {
        PlannedTask inserted = task(crane1, 4);
        PlannedTask pinned = task(crane1, 2);

        verifier.verifyThat(ReplanConstraintProvider::pinnedWork)
                .given(new PinnedPlace(pinned.getNumber(), 1, 0), inserted, pinned)
                .penalizesBy(1);
        verifier.verifyThat(ReplanConstraintProvider::pinnedWork)
                .given(new PinnedPlace(pinned.getNumber(), 1, 0), inserted, pinned)
                .justifiesWith(new PinMoved(pinned.getNumber(), 1, 0, 1, inserted.getNumber()));
    }

    @Test
    void planStabilityChargesEachTaskOnAnotherCraneItsCost() {
        PlannedTask stayed = task(crane1, 4);
        PlannedTask moved = task(crane2, 6);
        PlannedTask movedToo = task(crane2, 7);

        verifier.verifyThat(ReplanConstraintProvider::planStability)
                .given(new PublishedAssignment(stayed.getNumber(), 1, 300),
                        new PublishedAssignment(moved.getNumber(), 1, 300),
                        new PublishedAssignment(movedToo.getNumber(), 1, 120), stayed, moved, movedToo)
                .penalizesBy(420);
    }

    @Test
    void planStabilityIsFreeForTasksOnTheirPublishedCraneAndAtCostZero() {
        PlannedTask stayed = task(crane2, 6);
        PlannedTask movedForFree = task(crane1, 4);

        verifier.verifyThat(ReplanConstraintProvider::planStability)
                .given(new PublishedAssignment(stayed.getNumber(), 2, 300),
                        new PublishedAssignment(movedForFree.getNumber(), 2, 0), stayed, movedForFree)
                .penalizesBy(0);
    }

    @Test
    void planStabilityJustifiesWithBothCranes() {
        PlannedTask moved = task(crane2, 6);

        verifier.verifyThat(ReplanConstraintProvider::planStability)
                .given(new PublishedAssignment(moved.getNumber(), 1, 300), moved)
                .justifiesWith(new PlanStability(moved.getNumber(), 1, 2, 300));
    }
}
