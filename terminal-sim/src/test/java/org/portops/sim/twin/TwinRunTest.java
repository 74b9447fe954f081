package org.portops.sim.twin;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.portops.model.equipment.EquipmentId;
import org.portops.model.layout.Inventory;
import org.portops.model.layout.SampleInventory;
import org.portops.model.layout.TerminalLayout;
import org.portops.model.layout.TerminalLayoutLoader;
import org.portops.model.vessel.VesselCallId;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What-if runs of the sample terminal for 3 simulated hours: each scenario moves the KPIs the way it must against the
 * baseline of the same run, and a run is a pure function of start, scenario and seed.
 */
class TwinRunTest {
    private static final Instant START = Instant.parse("2026-11-24T06:00:00Z");
    private static final TerminalLayout LAYOUT = TerminalLayoutLoader.sample();
    private static final Inventory INVENTORY = SampleInventory.generate(LAYOUT, 7, START);
    private static final Duration HOURS = Duration.ofHours(3);
    private static final VesselCallId CALL1 = new VesselCallId("CALL1");
    private static final VesselCallId CALL2 = new VesselCallId("CALL2");
    private static final TwinRun RUN = new TwinRun(LAYOUT, INVENTORY, START, 11);

    private static List<TwinKpis> results;
    private static final Map<String, List<Double>> PROGRESS = new ConcurrentHashMap<>();
    private static EquipmentId busiest;

    @BeforeAll
    static void runTheScenariosSideBySide() {
        // the crane of CALL1 (alongside at the start) that moves the most boxes in the baseline breaks down
        TwinKpis baseline = RUN.run(Scenario.BASELINE, Duration.ofMinutes(30), done -> { });
        busiest = baseline.craneMoves().entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
        List<Scenario> scenarios = List.of(
                Scenario.parse("breakdown=breakdown:" + busiest.value() + "@0s+3h"),
                Scenario.parse("tractors=tractors-out:30@0s+3h"),
                Scenario.parse("surge=gate-surge:5@0s+3h"),
                Scenario.parse("early=vessel:CALL2-7h"));
        results = new WhatIf(RUN, 2).compare(scenarios, HOURS, progress -> PROGRESS
                .computeIfAbsent(progress.scenario(), s -> new ArrayList<>()).add(progress.done()));
    }

    private static TwinKpis result(String scenario) {
        return results.stream().filter(k -> k.scenario().equals(scenario)).findFirst().orElseThrow();
    }

    @Test
    void theBaselineWorksTheVesselAlongsideAndTheGate() {
        TwinKpis baseline = results.getFirst();
        assertThat(baseline.scenario()).isEqualTo("baseline");
        assertThat(baseline.vesselMoves()).isPositive();
        assertThat(baseline.grossMovesPerCraneHour()).isBetween(10.0, 60.0);
        assertThat(baseline.trucksServed()).isPositive();
        assertThat(baseline.truckTurnP95Minutes()).isGreaterThanOrEqualTo(baseline.truckTurnMeanMinutes());
        assertThat(baseline.vessel(CALL1).berthedHour()).isZero();
        assertThat(baseline.vessel(CALL2).berthedHour()).as("CALL2 berths 8 h in, after the run").isNull();
        assertThat(baseline.yardFill()).isBetween(0.01, 1.0);
        assertThat(PROGRESS.get("baseline")).isSorted().last().isEqualTo(1.0);
    }

    @Test
    void aBrokenCraneMovesNothingWhileItIsDown() {
        assertThat(results.getFirst().craneMoves().get(busiest)).isPositive();
        assertThat(result("breakdown").craneMoves().get(busiest)).isZero();
        assertThat(result("breakdown").vesselMoves()).isLessThan(results.getFirst().vesselMoves());
    }

    @Test
    void withFewTractorsCranesWaitLongerForTransport() {
        assertThat(result("tractors").craneWaitingHours()).isGreaterThan(results.getFirst().craneWaitingHours());
        assertThat(result("tractors").craneWaitingShare()).isGreaterThan(results.getFirst().craneWaitingShare());
    }

    @Test
    void aGateSurgeServesMoreTrucks() {
        assertThat(result("surge").trucksServed()).isGreaterThan(2 * results.getFirst().trucksServed());
    }

    @Test
    void aVesselArrivingEarlyBerthsEarly() {
        Double berthed = result("early").vessel(CALL2).berthedHour();
        assertThat(berthed).as("CALL2 due at 8 h, 7 h early").isNotNull().isBetween(1.0, 1.1);
    }

    @Test
    void theSameStartScenarioAndSeedGiveTheSameFigures() {
        Scenario mixed = Scenario.parse("mixed=breakdown:QC02@20m+30m;gate-surge:3@10m+30m;tractors-out:5@30m+20m;"
                + "block-closed:" + LAYOUT.blocks().getFirst().id().value() + "@0s+1h");
        TwinKpis once = RUN.run(mixed, Duration.ofHours(1), done -> { });
        TwinKpis again = RUN.run(mixed, Duration.ofHours(1), done -> { });
        TwinKpis otherSeed = new TwinRun(LAYOUT, INVENTORY, START, 12).run(mixed, Duration.ofHours(1), done -> { });

        assertThat(again).isEqualTo(once);
        assertThat(otherSeed).as("another seed, another day").isNotEqualTo(once);
    }

    @Test
    void eventsTheTerminalCannotHaveAreRefusedWithTheReason() {
        assertThatThrownBy(() -> RUN.run(Scenario.parse("x=breakdown:QC99@0s+1h"), HOURS, done -> { }))
                .hasMessage("scenario x: no machine QC99 in the terminal");
        assertThatThrownBy(() -> RUN.run(Scenario.parse("x=block-closed:ZZ9@0s+1h"), HOURS, done -> { }))
                .hasMessage("scenario x: no block ZZ9 in the terminal");
        assertThatThrownBy(() -> RUN.run(Scenario.parse("x=vessel:CALL1+1h"), HOURS, done -> { }))
                .hasMessageContaining("vessel call CALL1 is alongside at the start");
        assertThatThrownBy(() -> RUN.run(Scenario.parse("x=vessel:CALL9+1h"), HOURS, done -> { }))
                .hasMessage("scenario x: no vessel call [CALL9] in the starting state");
        assertThatThrownBy(() -> RUN.run(Scenario.parse("x=tractors-out:999@0s+1h"), HOURS, done -> { }))
                .hasMessageContaining("999 tractors out, but the terminal has");
        assertThatThrownBy(() -> new WhatIf(RUN, 1).compare(List.of(Scenario.parse("baseline")), HOURS, p -> { }))
                .hasMessageContaining("scenario names must differ");
    }
}
