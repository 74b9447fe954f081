package org.portops.crane;

import org.portops.crane.qcsp.Disruption;
import org.portops.crane.qcsp.GreedyDispatcher;
import org.portops.crane.qcsp.PlanExplanation;
import org.portops.crane.qcsp.QcspInstance;
import org.portops.crane.qcsp.QcspSchedule;
import org.portops.crane.qcsp.Replanning;
import org.portops.crane.qcsp.ScheduleChecker;
import org.portops.crane.qcsp.ScheduleViolation;
import org.portops.crane.qcsp.SequenceDecoder;
import org.portops.crane.solver.CraneSequencing;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

/**
 * Quay crane scheduling for one vessel: starts from the greedy dispatch plan, improves the crane sequences with
 * Timefold local search within the time limit, and returns a timed schedule with its score explanation.
 */
public final class QuayCranePlanner {
    private final Clock clock;

    public QuayCranePlanner(Clock clock) {
        this.clock = clock;
    }

    /** Limits of one planning run; {@code stopAtMakespan} 0 means run for the whole time limit. */
    public record PlanLimits(Duration timeLimit, int stopAtMakespan, long randomSeed) {
        public static PlanLimits of(Duration timeLimit) {
            return new PlanLimits(timeLimit, 0, 0);
        }

        public PlanLimits stoppingAt(int makespan) {
            return new PlanLimits(timeLimit, makespan, randomSeed);
        }
    }

    /**
     * A plan: the schedule, its score, whether it keeps every hard rule, when the best was found, and why. The
     * schedule is checked with {@link ScheduleChecker}: {@code violations} lists what it breaks (empty for a good
     * plan; after a disruption, cranes that must stand still too close together, see docs/crane-scheduling.md).
     */
    public record Plan(QcspSchedule schedule, String score, boolean feasible, Duration timeToBest,
                       PlanExplanation explanation, List<ScheduleViolation> violations) {
        public Plan {
            violations = List.copyOf(violations);
        }
    }

    public Plan plan(QcspInstance instance, PlanLimits limits) {
        QcspSchedule start = GreedyDispatcher.schedule(instance);
        List<List<Integer>> initial = start.sequences(instance.cranes().size());
        CraneSequencing.Outcome outcome = CraneSequencing.solve(instance, initial,
                new CraneSequencing.Limits(limits.timeLimit(), limits.stopAtMakespan(), limits.randomSeed()), clock);
        QcspSchedule schedule = SequenceDecoder.decode(instance, outcome.sequences()).toSchedule();
        List<ScheduleViolation> violations = ScheduleChecker.check(instance, schedule);
        return new Plan(schedule, outcome.score(), outcome.feasible() && violations.isEmpty(), outcome.timeToBest(),
                CraneSequencing.explain(instance, outcome.sequences()), violations);
    }

    /** A plan made after a disruption, with the problem it solved (the one to disrupt next) and the tasks it cut. */
    public record Replan(QcspInstance instance, Plan plan, List<Replanning.Split> splits) {
        public Replan {
            splits = List.copyOf(splits);
        }
    }

    /**
     * Plans again at {@code now} after {@code disruption}: the tasks {@code current} started before {@code now} stay
     * where they are, the rest is planned on the cranes that can still work (see {@link Replanning}).
     */
    public Replan replan(QcspInstance instance, QcspSchedule current, int now, Disruption disruption, PlanLimits limits) {
        Replanning.Outcome changed = Replanning.replan(instance, current, now, disruption);
        return new Replan(changed.instance(), plan(changed.instance(), limits), changed.splits());
    }

    /** Explains a schedule: its crane sequences, timed as the planner times them, scored constraint by constraint. */
    public PlanExplanation explain(QcspInstance instance, QcspSchedule schedule) {
        return CraneSequencing.explain(instance, schedule.sequences(instance.cranes().size()));
    }
}
