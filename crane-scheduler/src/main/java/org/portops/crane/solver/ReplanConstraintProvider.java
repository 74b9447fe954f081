package org.portops.crane.solver;

import ai.timefold.solver.core.api.score.buildin.hardmediumsoft.HardMediumSoftScore;
import ai.timefold.solver.core.api.score.stream.Constraint;
import ai.timefold.solver.core.api.score.stream.ConstraintFactory;
import ai.timefold.solver.core.api.score.stream.ConstraintProvider;
import ai.timefold.solver.core.api.score.stream.Joiners;

import java.util.Arrays;

/**
 * The QCSP constraints of {@link QcspConstraintProvider} plus the two rules of re-planning: started work stays pinned
 * (hard), and plan stability: moving planned work to another crane pays for it at the vessel-completion level, so a
 * re-plan does so only when the vessel finishes at least that much earlier and drivers are not whipsawed.
 */
public final class ReplanConstraintProvider implements ConstraintProvider {
    public static final String PINNED_WORK = "Started work stays pinned";
    public static final String PLAN_STABILITY = "Plan stability";

    @Override
    public Constraint[] defineConstraints(ConstraintFactory factory) {
        Constraint[] model = new QcspConstraintProvider().defineConstraints(factory);
        Constraint[] all = Arrays.copyOf(model, model.length + 2);
        all[model.length] = pinnedWork(factory);
        all[model.length + 1] = planStability(factory);
        return all;
    }

    /**
     * Hard: a pinned task keeps its crane and its predecessor in the crane's list, so a chain of pins keeps the
     * started prefix exactly. A constraint rather than {@code @PlanningPinToIndex}: the crane entity is shared with
     * the one-off planner and Timefold 1.32 refuses a pinning subclass of it (the list variable would exist on two
     * entity classes). Penalty 1 per misplaced pin: any broken pin makes the plan infeasible.
     */
    Constraint pinnedWork(ConstraintFactory factory) {
        return factory.forEach(PinnedPlace.class)
                .join(PlannedTask.class, Joiners.equal(PinnedPlace::task, PlannedTask::getNumber))
                .filter((pin, task) -> craneOf(task) != pin.crane() || previousOf(task) != pin.previousTask())
                .penalize(HardMediumSoftScore.ONE_HARD)
                .justifyWith((pin, task, score) -> new PinMoved(pin.task(), pin.crane(), pin.previousTask(),
                        craneOf(task), previousOf(task)))
                .asConstraint(PINNED_WORK);
    }

    Constraint planStability(ConstraintFactory factory) {
        return factory.forEach(PublishedAssignment.class)
                .join(PlannedTask.class, Joiners.equal(PublishedAssignment::task, PlannedTask::getNumber))
                .filter((published, task) -> craneOf(task) != 0 && craneOf(task) != published.crane())
                .penalize(HardMediumSoftScore.ONE_MEDIUM, (published, task) -> published.cost())
                .justifyWith((published, task, score) -> new PlanStability(task.getNumber(), published.crane(),
                        craneOf(task), published.cost()))
                .asConstraint(PLAN_STABILITY);
    }

    private static int craneOf(PlannedTask task) {
        return task.getCrane() == null ? 0 : task.getCrane().getNumber();
    }

    private static int previousOf(PlannedTask task) {
        return task.getPrevious() == null ? 0 : task.getPrevious().getNumber();
    }
}
