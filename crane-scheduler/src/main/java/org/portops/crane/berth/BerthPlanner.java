package org.portops.crane.berth;

import org.portops.crane.berth.solver.BerthAllocation;

import java.time.Clock;
import java.time.Duration;

/**
 * Berth allocation for a set of vessel calls: starts from the first-come-first-served plan, improves the order of
 * vessels at each berth with Timefold local search within the time limit, and returns a timed plan with its score
 * explanation.
 */
public final class BerthPlanner {
    private final Clock clock;

    public BerthPlanner(Clock clock) {
        this.clock = clock;
    }

    /** Limits of one planning run. */
    public record PlanLimits(Duration timeLimit, long randomSeed) {
        public static PlanLimits of(Duration timeLimit) {
            return new PlanLimits(timeLimit, 0);
        }
    }

    /** A plan: the timed berth plan, its score, whether it keeps every hard rule, when the best was found, and why. */
    public record Plan(BerthPlan plan, String score, boolean feasible, Duration timeToBest,
                       BerthPlanExplanation explanation) {
    }

    public Plan plan(BerthInstance instance, PlanLimits limits) {
        BerthPlan start = FirstComeFirstServed.plan(instance);
        BerthAllocation.Outcome outcome = BerthAllocation.solve(instance, start.sequences(instance.berths().size()),
                new BerthAllocation.Limits(limits.timeLimit(), limits.randomSeed()), clock);
        BerthPlan plan = BerthSequences.decode(instance, outcome.sequences());
        return new Plan(plan, outcome.score(), outcome.feasible(), outcome.timeToBest(),
                BerthAllocation.explain(instance, outcome.sequences()));
    }

    /** Explains a plan: its berth orders, timed as the planner times them, scored constraint by constraint. */
    public BerthPlanExplanation explain(BerthInstance instance, BerthPlan plan) {
        return BerthAllocation.explain(instance, plan.sequences(instance.berths().size()));
    }
}
