package org.portops.crane.solver;

import ai.timefold.solver.core.api.score.buildin.hardmediumsoft.HardMediumSoftScore;
import ai.timefold.solver.core.api.score.stream.Constraint;
import ai.timefold.solver.core.api.score.stream.ConstraintCollectors;
import ai.timefold.solver.core.api.score.stream.ConstraintFactory;
import ai.timefold.solver.core.api.score.stream.ConstraintProvider;
import ai.timefold.solver.core.api.score.stream.Joiners;
import ai.timefold.solver.core.api.score.stream.uni.UniConstraintStream;
import org.portops.crane.qcsp.Precedence;

import java.util.Comparator;
import java.util.Locale;

/**
 * The QCSP constraints. Hard: the model (precedence, one crane per bay at a time, safety margin between cranes and
 * to their start bays, crane reach, no work in a crane's unavailability windows or once it is out of service). The decoder keeps most of them by construction; they are scored anyway so that
 * a plan handed in from outside (pinned work, an operator's edit) is judged by the same rules and explained. Medium:
 * the vessel's completion time (makespan). Soft: crane travel and waiting, the tie-breakers.
 */
public final class QcspConstraintProvider implements ConstraintProvider {
    public static final String PRECEDENCE = "Precedence";
    public static final String ONE_CRANE_PER_BAY = "One crane per bay at a time";
    public static final String CRANES_KEEP_CLEAR = "Cranes keep the safety margin";
    public static final String START_BAYS_CLEAR = "Cranes keep clear of start bays";
    public static final String CRANE_REACH = "Crane reach";
    public static final String CRANE_UNAVAILABLE = "Crane unavailable";
    public static final String CRANE_OUT_OF_SERVICE = "Crane out of service";
    public static final String VESSEL_COMPLETION = "Vessel completion";
    public static final String CRANE_TRAVEL = "Crane travel";
    public static final String CRANE_WAITING = "Crane waiting";

    @Override
    public Constraint[] defineConstraints(ConstraintFactory factory) {
        return new Constraint[] {
                precedence(factory),
                oneCranePerBay(factory),
                cranesKeepClear(factory),
                startBaysClear(factory),
                craneReach(factory),
                craneUnavailable(factory),
                craneOutOfService(factory),
                vesselCompletion(factory),
                craneTravel(factory),
                craneWaiting(factory)
        };
    }

    Constraint precedence(ConstraintFactory factory) {
        return factory.forEach(Precedence.class)
                .join(scheduled(factory), Joiners.equal(Precedence::before, PlannedTask::getNumber))
                .join(scheduled(factory), Joiners.equal((precedence, before) -> precedence.after(), PlannedTask::getNumber))
                .filter((precedence, before, after) -> before.getEnd() > after.getStart())
                .penalize(HardMediumSoftScore.ONE_HARD, (precedence, before, after) -> before.getEnd() - after.getStart())
                .justifyWith((precedence, before, after, score) -> new CraneJustification.PrecedenceBroken(
                        before.getNumber(), before.getCrane().getNumber(), after.getNumber(), after.getCrane().getNumber(),
                        before.getEnd() - after.getStart()))
                .asConstraint(PRECEDENCE);
    }

    Constraint oneCranePerBay(ConstraintFactory factory) {
        return scheduled(factory)
                .join(scheduled(factory),
                        Joiners.equal(PlannedTask::getBay),
                        Joiners.lessThan(PlannedTask::getNumber))
                // a bay holds a handful of tasks: filtering beats an interval index that churns on every time shift
                .filter((task, other) -> task.getStart() < other.getEnd() && other.getStart() < task.getEnd())
                .penalize(HardMediumSoftScore.ONE_HARD, (task, other) -> Math.max(1, overlap(task, other)))
                .justifyWith((task, other, score) -> new CraneJustification.BayShared(task.getBay(),
                        task.getNumber(), task.getCrane().getNumber(), other.getNumber(), other.getCrane().getNumber(),
                        overlap(task, other)))
                .asConstraint(ONE_CRANE_PER_BAY);
    }

    Constraint cranesKeepClear(ConstraintFactory factory) {
        return scheduled(factory)
                .join(scheduled(factory), Joiners.lessThan(task -> task.getCrane().getNumber()))
                .filter((lower, upper) -> clearanceShortfall(lower, upper) > 0)
                .penalize(HardMediumSoftScore.ONE_HARD, QcspConstraintProvider::clearanceShortfall)
                .justifyWith((lower, upper, score) -> new CraneJustification.CranesTooClose(
                        lower.getCrane().getNumber(), lower.getNumber(), upper.getCrane().getNumber(), upper.getNumber(),
                        neededGap(lower.getBay(), lower.getCrane(), upper.getBay(), upper.getCrane()),
                        gap(lower.getStart(), lower.getEnd(), upper.getStart(), upper.getEnd())))
                .asConstraint(CRANES_KEEP_CLEAR);
    }

    Constraint startBaysClear(ConstraintFactory factory) {
        return scheduled(factory)
                .join(PlannedCrane.class, Joiners.filtering((task, crane) -> crane != task.getCrane()))
                .filter((task, crane) -> startBayShortfall(task, crane) > 0)
                .penalize(HardMediumSoftScore.ONE_HARD, QcspConstraintProvider::startBayShortfall)
                .justifyWith((task, crane, score) -> new CraneJustification.StartBayBlocked(
                        task.getCrane().getNumber(), task.getNumber(), crane.getNumber(),
                        startBayNeededGap(task, crane), gap(task.getStart(), task.getEnd(), 0, crane.getReadyTime())))
                .asConstraint(START_BAYS_CLEAR);
    }

    Constraint craneReach(ConstraintFactory factory) {
        return scheduled(factory)
                .filter(task -> !task.getCrane().reaches(task.getBay()))
                .penalize(HardMediumSoftScore.ONE_HARD, task -> task.getCrane().baysOutOfReach(task.getBay()))
                .justifyWith((task, score) -> new CraneJustification.OutOfReach(task.getCrane().getNumber(),
                        task.getNumber(), task.getBay(), task.getCrane().getLowestBay(), task.getCrane().getHighestBay()))
                .asConstraint(CRANE_REACH);
    }

    Constraint craneUnavailable(ConstraintFactory factory) {
        return scheduled(factory)
                .join(CraneWindow.class, Joiners.equal(task -> task.getCrane().getNumber(), CraneWindow::crane))
                .filter((task, window) -> window.window().overlaps(task.getStart(), task.getEnd()))
                .penalize(HardMediumSoftScore.ONE_HARD,
                        (task, window) -> window.window().overlap(task.getStart(), task.getEnd()))
                .justifyWith((task, window, score) -> new CraneJustification.CraneUnavailable(window.crane(),
                        task.getNumber(), task.getStart(), task.getEnd(), window.window().reason().name().toLowerCase(Locale.ROOT),
                        window.window().from(), window.window().until(),
                        window.window().overlap(task.getStart(), task.getEnd())))
                .asConstraint(CRANE_UNAVAILABLE);
    }

    Constraint craneOutOfService(ConstraintFactory factory) {
        return scheduled(factory)
                .filter(task -> task.getCrane().outOfServiceAt(task.getStart()))
                .penalize(HardMediumSoftScore.ONE_HARD, QcspConstraintProvider::outOfServiceTime)
                .justifyWith((task, score) -> new CraneJustification.CraneOutOfService(task.getCrane().getNumber(),
                        task.getNumber(), task.getStart(), task.getCrane().getOutOfServiceFrom()))
                .asConstraint(CRANE_OUT_OF_SERVICE);
    }

    /** The time a task keeps a crane busy after it went out of service, at least 1. */
    private static int outOfServiceTime(PlannedTask task) {
        return Math.max(1, task.getEnd() - task.getCrane().getOutOfServiceFrom());
    }

    Constraint vesselCompletion(ConstraintFactory factory) {
        return scheduled(factory)
                .groupBy(ConstraintCollectors.max(
                        (PlannedTask task) -> new Completion(task.getEnd(), task.getNumber(), task.getCrane().getNumber()),
                        Completion.ORDER))
                .penalize(HardMediumSoftScore.ONE_MEDIUM, Completion::end)
                .justifyWith((last, score) -> new CraneJustification.VesselCompletion(last.crane(), last.task(), last.end()))
                .asConstraint(VESSEL_COMPLETION);
    }

    Constraint craneTravel(ConstraintFactory factory) {
        return scheduled(factory)
                .filter(task -> task.getTravelTime() > 0)
                .penalize(HardMediumSoftScore.ONE_SOFT, PlannedTask::getTravelTime)
                .justifyWith((task, score) -> new CraneJustification.CraneTravel(task.getCrane().getNumber(),
                        task.getNumber(), task.fromBay(), task.getBay(), task.getTravelTime()))
                .asConstraint(CRANE_TRAVEL);
    }

    Constraint craneWaiting(ConstraintFactory factory) {
        return scheduled(factory)
                .filter(task -> task.getWaitingTime() > 0)
                .penalize(HardMediumSoftScore.ONE_SOFT, PlannedTask::getWaitingTime)
                .justifyWith((task, score) -> new CraneJustification.CraneWaiting(task.getCrane().getNumber(),
                        task.getNumber(), task.getWaitingTime()))
                .asConstraint(CRANE_WAITING);
    }

    /**
     * A task's end as an immutable value: the max collector keeps what it was given until it is retracted, so it
     * must not see the task's later start and end.
     */
    record Completion(int end, int task, int crane) {
        static final Comparator<Completion> ORDER =
                Comparator.comparingInt(Completion::end).thenComparingInt(Completion::task);
    }

    private static UniConstraintStream<PlannedTask> scheduled(ConstraintFactory factory) {
        return factory.forEach(PlannedTask.class).filter(PlannedTask::isScheduled);
    }

    private static int overlap(PlannedTask task, PlannedTask other) {
        return Math.min(task.getEnd(), other.getEnd()) - Math.max(task.getStart(), other.getStart());
    }

    /** How much the time between two cranes' tasks falls short of the travel that keeping the margin needs. */
    static int clearanceShortfall(PlannedTask lower, PlannedTask upper) {
        if (bayShortfall(lower.getBay(), lower.getCrane(), upper.getBay(), upper.getCrane()) <= 0) {
            return 0;
        }
        int needed = neededGap(lower.getBay(), lower.getCrane(), upper.getBay(), upper.getCrane());
        return Math.max(0, needed - gap(lower.getStart(), lower.getEnd(), upper.getStart(), upper.getEnd()));
    }

    static int startBayShortfall(PlannedTask task, PlannedCrane other) {
        PlannedCrane crane = task.getCrane();
        boolean otherIsUpper = other.getNumber() > crane.getNumber();
        int shortfall = otherIsUpper ? bayShortfall(task.getBay(), crane, other.getInitialBay(), other)
                : bayShortfall(other.getInitialBay(), other, task.getBay(), crane);
        if (shortfall <= 0) {
            return 0;
        }
        return Math.max(0, startBayNeededGap(task, other) - gap(task.getStart(), task.getEnd(), 0, other.getReadyTime()));
    }

    private static int startBayNeededGap(PlannedTask task, PlannedCrane other) {
        PlannedCrane crane = task.getCrane();
        return other.getNumber() > crane.getNumber() ? neededGap(task.getBay(), crane, other.getInitialBay(), other)
                : neededGap(other.getInitialBay(), other, task.getBay(), crane);
    }

    /** Bays the upper crane would have to be further up to keep the margin, 0 or less when clear. */
    private static int bayShortfall(int lowerBay, PlannedCrane lower, int upperBay, PlannedCrane upper) {
        return lowerBay + lower.getClearance() * (upper.getNumber() - lower.getNumber()) - upperBay;
    }

    private static int neededGap(int lowerBay, PlannedCrane lower, int upperBay, PlannedCrane upper) {
        return lower.getTravelTimePerBay() * Math.max(0, bayShortfall(lowerBay, lower, upperBay, upper));
    }

    /** Time between two stops: positive when apart, negative when they overlap. */
    private static int gap(int start, int end, int otherStart, int otherEnd) {
        return Math.max(otherStart - end, start - otherEnd);
    }
}
