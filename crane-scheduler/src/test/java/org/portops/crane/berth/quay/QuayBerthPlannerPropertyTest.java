package org.portops.crane.berth.quay;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * On seeded random problems on the sample quay: the planner's plan keeps every rule the independent checker knows
 * whenever the first-fit start does, never spends more time in port than it, and leaves vessels alongside as they lie.
 */
class QuayBerthPlannerPropertyTest {
    private static final Instant NOW = Instant.parse("2026-11-24T06:07:00Z");
    private static final BerthSettings SETTINGS = BerthSettings.defaults().withSolveTime(Duration.ofMillis(500));

    @Test
    void plansKeepTheRulesAndImproveOnFirstFit() {
        for (long seed = 1; seed <= 8; seed++) {
            QuayBerthProblem problem = RandomQuayProblems.generate(seed, QuayBerthPlannerTest.QUAY, SETTINGS, NOW,
                    4 + (int) (seed % 6));
            QuayBerthPlan firstFit = QuayBerthPlanner.planOf(problem, FirstFitQuayPlacement.place(problem, Map.of()));
            QuayBerthPlan plan = QuayBerthPlanner.plan(problem, Map.of(), seed);

            String context = "seed " + seed;
            if (firstFit.conflicts().isEmpty()) {
                assertThat(plan.conflicts()).as(context).isEmpty();
            }
            assertThat(QuayBerthPlannerTest.timeInPort(problem, plan)).as(context)
                    .isLessThanOrEqualTo(QuayBerthPlannerTest.timeInPort(problem, firstFit));
            for (BerthCall call : problem.calls()) {
                QuayPlacement placement = plan.placement(call.id()).orElseThrow();
                if (call.isAlongside()) {
                    assertThat(placement.fromMeter()).as(context).isEqualTo(call.alongside().fromMeter());
                    assertThat(placement.berthing()).as(context).isEqualTo(call.alongside().since());
                    assertThat(placement.cranes()).as(context).isEqualTo(call.alongside().cranes());
                } else {
                    assertThat(placement.berthing()).as(context).isAfterOrEqualTo(call.eta());
                }
            }
        }
    }
}
