package org.portops.crane.berth.quay;

import org.junit.jupiter.api.Test;
import org.portops.model.layout.TerminalLayoutLoader;
import org.portops.model.quay.Bollard;
import org.portops.model.vessel.VesselCallId;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * Berth planning on the sample terminal's quay: 1,400 m, berths B1 0..400 m 17.5 m deep, B2 400..750 m 16.5 m,
 * B3 750..1,100 m 16 m, B4 1,100..1,400 m 14.5 m; 14 quay cranes.
 */
class QuayBerthPlannerTest {
    static final Instant NOW = Instant.parse("2026-11-24T06:00:00Z");
    static final QuayLayout QUAY = QuayLayout.of(TerminalLayoutLoader.sample(), 55, 20);
    private static final BerthSettings SETTINGS = BerthSettings.defaults().withSolveTime(Duration.ofSeconds(1));

    static BerthCall call(String id, int length, double draft, Duration eta, int moves) {
        Instant arrival = NOW.plus(eta);
        return new BerthCall(new VesselCallId(id), "MV " + id, length, 40, draft, arrival, arrival, moves,
                SETTINGS.maxCranes(length), null);
    }

    @Test
    void sampleQuayIsReadAsItsBerthsWithTheirDepthsAndTheFleetsQuayCranes() {
        assertThat(QUAY.lengthMeters()).isEqualTo(1400);
        assertThat(QUAY.quayCranes()).isEqualTo(14);
        assertThat(QUAY.sections()).extracting(QuayLayout.Section::berth).containsExactly("B1", "B2", "B3", "B4");
        assertThat(QUAY.sections()).extracting(QuayLayout.Section::fromMeter, QuayLayout.Section::depthMeters)
                .containsExactly(tuple(0, 17.5), tuple(400, 16.5), tuple(750, 16.0), tuple(1100, 14.5));
    }

    @Test
    void plansEveryCallWithoutConflictAndExplainsEachPlacement() {
        QuayBerthProblem problem = new QuayBerthProblem(QUAY, SETTINGS, NOW, List.of(
                call("C1", 366, 15.5, Duration.ZERO, 3000),
                call("C2", 300, 14.0, Duration.ofHours(1), 1800),
                call("C3", 200, 11.0, Duration.ofHours(2), 600),
                call("C4", 334, 15.0, Duration.ofHours(3), 2400),
                call("C5", 150, 9.0, Duration.ofHours(3), 300)), Map.of());

        QuayBerthPlan plan = QuayBerthPlanner.plan(problem, Map.of(), 1);

        assertThat(plan.conflicts()).isEmpty();
        assertThat(QuayPlanChecker.check(problem, plan.placements())).isEmpty();
        assertThat(plan.placements()).hasSize(5).allSatisfy(placement -> {
            assertThat(placement.explanation()).anyMatch(reason -> reason.startsWith("Time in port: "
                    + placement.call() + " spends"));
            assertThat(placement.berthing()).isAfterOrEqualTo(problem.calls().stream()
                    .filter(c -> c.id().equals(placement.call())).findFirst().orElseThrow().eta());
        });
        assertThat(plan.score()).startsWith("[0]hard");
    }

    @Test
    void aDeepDraftVesselLiesOnlyOverWaterDeepEnough() {
        QuayBerthProblem problem = new QuayBerthProblem(QUAY, SETTINGS, NOW, List.of(
                call("DEEP", 350, 17.0, Duration.ZERO, 1500),
                call("SMALL", 200, 10.0, Duration.ZERO, 500)), Map.of());

        QuayBerthPlan plan = QuayBerthPlanner.plan(problem, Map.of(), 1);

        QuayPlacement deep = plan.placement(new VesselCallId("DEEP")).orElseThrow();
        assertThat(deep.toMeter()).as("only B1 (0..400 m) is 17.5 m deep").isLessThanOrEqualTo(400);
        assertThat(plan.conflicts()).isEmpty();
    }

    @Test
    void aVesselLiesWhereItCanMakeItsLinesFast() {
        // bollards every 25 m from 700 m on only: the deep berth B1 would do for the vessel's draft, but it has none
        List<Bollard> bollards = new ArrayList<>();
        for (int meter = 700; meter <= 1400; meter += 25) {
            bollards.add(new Bollard(Integer.toString(meter / 25), meter));
        }
        QuayLayout quay = new QuayLayout(QUAY.name(), QUAY.lengthMeters(), QUAY.sections(), QUAY.quayCranes(),
                QUAY.reach(), QUAY.clearanceMeters(), bollards);
        QuayBerthProblem problem = new QuayBerthProblem(quay, SETTINGS, NOW, List.of(
                call("MOORS", 250, 12.0, Duration.ZERO, 800)), Map.of());

        QuayBerthPlan plan = QuayBerthPlanner.plan(problem, Map.of(), 1);

        QuayPlacement placed = plan.placement(new VesselCallId("MOORS")).orElseThrow();
        assertThat(placed.fromMeter()).as("its bow within 30 m of the first bollard at 700 m")
                .isGreaterThanOrEqualTo(670);
        assertThat(plan.conflicts()).isEmpty();
        assertThat(placed.explanation()).anyMatch(reason -> reason.startsWith("Bollards: MOORS lies from "));
    }

    @Test
    void vesselsArrivingTogetherShareTheQuaysCranesAndTheFirstFitStartIsImprovedOn() {
        List<BerthCall> calls = List.of(
                call("A", 300, 12, Duration.ZERO, 1500), call("B", 300, 12, Duration.ZERO, 1500),
                call("C", 300, 12, Duration.ZERO, 1500), call("D", 300, 12, Duration.ZERO, 300));
        QuayBerthProblem problem = new QuayBerthProblem(QUAY, SETTINGS, NOW, calls, Map.of());

        QuayBerthPlan firstFit = QuayBerthPlanner.planOf(problem, FirstFitQuayPlacement.place(problem, Map.of()));
        QuayBerthPlan plan = QuayBerthPlanner.plan(problem, Map.of(), 1);

        assertThat(firstFit.conflicts()).isEmpty();
        assertThat(plan.conflicts()).isEmpty();
        assertThat(timeInPort(problem, plan)).isLessThanOrEqualTo(timeInPort(problem, firstFit));
        for (QuayPlacement at : plan.placements()) {
            int working = plan.placements().stream()
                    .filter(p -> !p.berthing().isAfter(at.berthing()) && p.departure().isAfter(at.berthing()))
                    .mapToInt(QuayPlacement::cranes).sum();
            assertThat(working).as("cranes at work when %s berths", at.call()).isLessThanOrEqualTo(14);
        }
    }

    @Test
    void aVesselAlongsideStaysWhereAndWhenItLies() {
        Instant since = NOW.minus(Duration.ofHours(3));
        BerthCall alongside = new BerthCall(new VesselCallId("MOORED"), "MV Moored", 300, 45, 14, since, since, 3000,
                6, new BerthCall.Alongside(415, since, 4));
        QuayBerthProblem problem = new QuayBerthProblem(QUAY, SETTINGS, NOW,
                List.of(alongside, call("NEXT", 300, 12, Duration.ZERO, 900)), Map.of());

        QuayBerthPlan plan = QuayBerthPlanner.plan(problem, Map.of(), 1);

        QuayPlacement moored = plan.placement(new VesselCallId("MOORED")).orElseThrow();
        assertThat(moored.fromMeter()).isEqualTo(415);
        assertThat(moored.berthing()).isEqualTo(since);
        assertThat(moored.cranes()).isEqualTo(4);
        assertThat(moored.alongside()).isTrue();
        assertThat(plan.conflicts()).isEmpty();
    }

    static long timeInPort(QuayBerthProblem problem, QuayBerthPlan plan) {
        return plan.placements().stream().mapToLong(p -> Duration.between(problem.calls().stream()
                .filter(c -> c.id().equals(p.call())).findFirst().orElseThrow().eta(), p.departure()).toMinutes()).sum();
    }
}
