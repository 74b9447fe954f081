package org.portops.crane.berth.solver;

import ai.timefold.solver.core.api.solver.Solver;
import ai.timefold.solver.core.api.solver.SolverFactory;
import ai.timefold.solver.core.config.solver.EnvironmentMode;
import org.junit.jupiter.api.Test;
import org.portops.crane.berth.Berth;
import org.portops.crane.berth.BerthInstance;
import org.portops.crane.berth.BerthPlan;
import org.portops.crane.berth.BerthPlanChecker;
import org.portops.crane.berth.BerthSequences;
import org.portops.crane.berth.CallingVessel;
import org.portops.crane.berth.FirstComeFirstServed;
import org.portops.crane.berth.RandomBerthInstances;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class BerthAllocationTest {

    /**
     * FULL_ASSERT recomputes the score from scratch after every move and compares it with the incremental one: a
     * berthing time the listener fails to update (or updates without telling Timefold) fails the run.
     */
    @Test
    void incrementalBerthingTimesMatchAFullRecalculation() {
        long seed = 11;
        BerthInstance instance = RandomBerthInstances.of(seed, 12, 3);
        Solver<BerthSolution> solver = SolverFactory.<BerthSolution>create(
                BerthAllocation.solverConfig(new BerthAllocation.Limits(Duration.ofSeconds(2), seed), 0)
                        .withEnvironmentMode(EnvironmentMode.FULL_ASSERT)).buildSolver();

        BerthSolution solved = solver.solve(BerthAllocation.problem(instance,
                FirstComeFirstServed.plan(instance).sequences(3)));

        assertThat(solved.getScore().isFeasible()).as("seed " + seed).isTrue();
    }

    @Test
    void theSolversScoreIsTheDecodedPlansTotalServiceTime() {
        for (long seed = 1; seed <= 3; seed++) {
            BerthInstance instance = RandomBerthInstances.of(seed, 15, 3);
            BerthAllocation.Outcome outcome = BerthAllocation.solve(instance,
                    FirstComeFirstServed.plan(instance).sequences(3),
                    new BerthAllocation.Limits(Duration.ofMillis(500), seed), Clock.systemUTC());
            BerthPlan plan = BerthSequences.decode(instance, outcome.sequences());

            assertThat(outcome.score()).as("seed " + seed).isEqualTo("0hard/-" + plan.objective() + "soft");
            assertThat(BerthPlanChecker.check(instance, plan)).as("seed " + seed).isEmpty();
            assertThat(plan.objective()).as("seed " + seed)
                    .isLessThanOrEqualTo(FirstComeFirstServed.plan(instance).objective());
        }
    }

    @Test
    void stopsAtTheLowerBoundWhenEveryVesselCanBerthOnArrivalAtItsQuickestBerth() {
        BerthInstance instance = new BerthInstance("spread", List.of(
                new CallingVessel(1, 0, 100, Map.of(1, 10, 2, 30)),
                new CallingVessel(2, 0, 100, Map.of(1, 30, 2, 10))),
                List.of(new Berth(1, 0, 100), new Berth(2, 0, 100)));

        BerthAllocation.Outcome outcome = BerthAllocation.solve(instance, List.of(List.of(1, 2), List.of()),
                new BerthAllocation.Limits(Duration.ofSeconds(30), 0), Clock.systemUTC());

        assertThat(outcome.sequences()).containsExactly(List.of(1), List.of(2));
        assertThat(outcome.timeToBest()).isLessThan(Duration.ofSeconds(30));
    }
}
