package org.portops.crane.berth;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** Timefold against the enumerated optimum of small random instances (7 vessels, 2 berths). */
class BerthPlannerOptimalityTest {

    @Test
    void reachesTheEnumeratedOptimumOfSmallRandomInstances() {
        BerthPlanner planner = new BerthPlanner(Clock.systemUTC());
        int beatingFirstComeFirstServed = 0;
        for (long seed = 21; seed <= 24; seed++) {
            BerthInstance instance = RandomBerthInstances.of(seed, 7, 2);
            long optimum = ExhaustiveBerthSearch.optimum(instance);

            BerthPlanner.Plan plan = planner.plan(instance, new BerthPlanner.PlanLimits(Duration.ofSeconds(1), seed));

            assertThat(BerthPlanChecker.check(instance, plan.plan())).as("seed " + seed).isEmpty();
            assertThat(plan.plan().objective()).as("seed " + seed).isEqualTo(optimum);
            if (optimum < FirstComeFirstServed.plan(instance).objective()) {
                beatingFirstComeFirstServed++;
            }
        }
        // the instances are not ones where the baseline is already optimal
        assertThat(beatingFirstComeFirstServed).isGreaterThanOrEqualTo(2);
    }

    @Test
    void theEnumerationFindsTheHandComputedOptimum() {
        assertThat(ExhaustiveBerthSearch.optimum(LallaRuizReader.read(LallaRuizReaderTest.resource("tiny-01.txt"))))
                .isEqualTo(36);
    }
}
