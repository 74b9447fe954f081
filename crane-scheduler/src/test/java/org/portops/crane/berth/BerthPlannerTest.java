package org.portops.crane.berth;

import org.junit.jupiter.api.Test;
import org.portops.crane.berth.solver.BerthConstraintProvider;

import java.time.Clock;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class BerthPlannerTest {
    private final BerthPlanner planner = new BerthPlanner(Clock.systemUTC());

    /**
     * tiny-01: berths 1 and 2 open 0..100; vessel 1 arrives at 0 (20 at berth 1, 22 at berth 2), vessel 2 at 1
     * (5, berth 1 only), vessel 3 at 3 (6 at either). Vessel 2 needs berth 1. By hand, over every assignment and
     * order: vessel 1 at berth 2 and vessels 2, 3 at berth 1 in that order gives 22 + 5 + 9 = 36; vessel 1 at berth 1
     * with vessel 3 at berth 2 gives at best 31 + 6 = 37; all three at berth 1 at best 5 + 9 + 32 = 46; vessels 1
     * and 3 at berth 2 at best 37 + 5 = 42. The optimum is 36; first-come-first-served gives 50.
     */
    @Test
    void findsTheOptimumOfASmallInstanceComputedByHand() {
        BerthInstance instance = LallaRuizReader.read(LallaRuizReaderTest.resource("tiny-01.txt"));

        BerthPlanner.Plan plan = planner.plan(instance, BerthPlanner.PlanLimits.of(Duration.ofSeconds(2)));

        assertThat(plan.plan().objective()).isEqualTo(36);
        assertThat(plan.plan().assignments()).containsExactly(
                new BerthAssignment(1, 2, 0), new BerthAssignment(2, 1, 1), new BerthAssignment(3, 1, 6));
        assertThat(plan.feasible()).isTrue();
        assertThat(BerthPlanChecker.check(instance, plan.plan())).isEmpty();
    }

    @Test
    void improvesOnFirstComeFirstServedOnAPublishedInstanceAndPassesTheChecker() {
        BerthInstance instance = LallaRuizReader.read(LallaRuizReaderTest.resource("f30x3-01.txt"));

        BerthPlanner.Plan plan = planner.plan(instance, BerthPlanner.PlanLimits.of(Duration.ofSeconds(2)));

        assertThat(BerthPlanChecker.check(instance, plan.plan())).isEmpty();
        assertThat(plan.plan().objective()).isLessThan(FirstComeFirstServed.plan(instance).objective());
    }

    @Test
    void explainsEachVesselsServiceTime() {
        BerthInstance instance = LallaRuizReader.read(LallaRuizReaderTest.resource("tiny-01.txt"));

        BerthPlanExplanation explanation = planner.explain(instance, FirstComeFirstServed.plan(instance));

        assertThat(explanation.score()).isEqualTo("0hard/-50soft");
        BerthPlanExplanation.ConstraintCost service = explanation.constraints().stream()
                .filter(c -> c.constraint().equals(BerthConstraintProvider.SERVICE_TIME)).findFirst().orElseThrow();
        assertThat(service.scoreByVessel()).containsEntry(2, "0hard/-24soft");
        assertThat(service.reasons()).contains("vessel 2 spends 24 in port: waits 19 for berth 1, then is handled for 5");
    }
}
