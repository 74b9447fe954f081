package org.portops.bench.bap;

import com.google.ortools.sat.CpSolverStatus;
import org.junit.jupiter.api.Test;
import org.portops.crane.berth.Berth;
import org.portops.crane.berth.BerthAssignment;
import org.portops.crane.berth.BerthInstance;
import org.portops.crane.berth.BerthPlan;
import org.portops.crane.berth.BerthPlanChecker;
import org.portops.crane.berth.BerthPlanner;
import org.portops.crane.berth.CallingVessel;
import org.portops.crane.berth.FirstComeFirstServed;
import org.portops.crane.berth.LallaRuizReader;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class CpSatBerthModelTest {

    private static BerthInstance tiny() throws URISyntaxException {
        return LallaRuizReader.read(Path.of(CpSatBerthModelTest.class.getResource("/bap/tiny-01.txt").toURI()));
    }

    /**
     * tiny-01: berths 1 and 2 open 0..100; vessel 1 arrives at 0 (20 at berth 1, 22 at berth 2), vessel 2 at 1
     * (5, berth 1 only), vessel 3 at 3 (6 at either). By hand over every assignment and order the optimum is 36:
     * vessel 1 at berth 2 from 0, vessels 2 and 3 at berth 1 from 1 and 6 (22 + 5 + 9); the next best is 37.
     */
    @Test
    void provesTheHandComputedOptimumAndTimefoldMatchesIt() throws Exception {
        BerthInstance instance = tiny();

        CpSatBerthModel.Outcome cpSat = CpSatBerthModel.solve(instance, Duration.ofSeconds(10), 2,
                FirstComeFirstServed.plan(instance));
        BerthPlanner.Plan timefold = new BerthPlanner(Clock.systemUTC())
                .plan(instance, BerthPlanner.PlanLimits.of(Duration.ofSeconds(2)));

        assertThat(cpSat.status()).isEqualTo(CpSolverStatus.OPTIMAL);
        BerthPlan plan = cpSat.plan().orElseThrow();
        assertThat(plan.objective()).isEqualTo(36);
        assertThat(plan.assignments()).containsExactly(
                new BerthAssignment(1, 2, 0), new BerthAssignment(2, 1, 1), new BerthAssignment(3, 1, 6));
        assertThat(BerthPlanChecker.check(instance, plan)).isEmpty();
        assertThat(timefold.plan().objective()).isEqualTo(plan.objective());
    }

    @Test
    void respectsBerthWindowsAndLatestDepartures() {
        // vessel 2 must be gone by 20: berth 1 opens too late for it (30), and at berth 2 it must go before vessel 1.
        // Vessel 1 then leaves berth 2 at 25, earlier than berth 1 could serve it (30..40)
        BerthInstance instance = new BerthInstance("windows", List.of(
                new CallingVessel(1, 0, 100, Map.of(1, 10, 2, 10)),
                new CallingVessel(2, 0, 20, Map.of(1, 10, 2, 15))),
                List.of(new Berth(1, 30, 45), new Berth(2, 0, 100)));

        CpSatBerthModel.Outcome outcome = CpSatBerthModel.solve(instance, Duration.ofSeconds(10), 2, null);

        assertThat(outcome.provedOptimal()).isTrue();
        assertThat(outcome.plan().orElseThrow().assignments()).containsExactly(
                new BerthAssignment(1, 2, 15), new BerthAssignment(2, 2, 0));
        assertThat(outcome.plan().orElseThrow().objective()).isEqualTo(25 + 15);
        assertThat(BerthPlanChecker.check(instance, outcome.plan().orElseThrow())).isEmpty();
    }

    @Test
    void reportsAnInstanceWithNoPlanAsInfeasible() {
        BerthInstance instance = new BerthInstance("impossible", List.of(
                new CallingVessel(1, 0, 10, Map.of(1, 10)),
                new CallingVessel(2, 0, 10, Map.of(1, 10))),
                List.of(new Berth(1, 0, 100)));

        CpSatBerthModel.Outcome outcome = CpSatBerthModel.solve(instance, Duration.ofSeconds(10), 2, null);

        assertThat(outcome.status()).isEqualTo(CpSolverStatus.INFEASIBLE);
        assertThat(outcome.plan()).isEmpty();
    }
}
