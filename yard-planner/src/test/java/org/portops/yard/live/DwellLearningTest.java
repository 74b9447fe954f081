package org.portops.yard.live;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.portops.model.container.Container;
import org.portops.model.container.ContainerCategory;
import org.portops.model.work.MoveKind;
import org.portops.state.json.ModelJson;
import org.portops.state.store.LogEntry;
import org.portops.yard.slot.Departure;

class DwellLearningTest {
    private static final Instant END = Instant.parse("2026-11-24T00:00:00Z");

    @Test
    void staysPairAnArrivalWithItsDepartureAndSkipInventoryAndContainersStillIn() {
        Container left = SimulatedStays.container(1, "MSK", ContainerCategory.IMPORT);
        Container stillIn = SimulatedStays.container(2, "MSK", ContainerCategory.EMPTY);
        Container foundAtGoLive = SimulatedStays.container(3, "CMA", ContainerCategory.IMPORT);
        Instant t = END.minus(Duration.ofDays(10));
        List<LogEntry> log = SimulatedStays.numbered(List.of(
                arrival(foundAtGoLive, LogEntry.INVENTORY, t),
                arrival(left, MoveKind.DISCHARGE.name(), t.plusSeconds(60)),
                arrival(stillIn, MoveKind.GATE_IN.name(), t.plusSeconds(120)),
                move(left, MoveKind.YARD_SHIFT, t.plus(Duration.ofHours(5))),
                move(left, MoveKind.LOAD, t.plus(Duration.ofHours(30))),
                move(foundAtGoLive, MoveKind.GATE_OUT, t.plus(Duration.ofHours(40))),
                new LogEntry(0, null, LogEntry.SLOT_CLOSED, null, "yard:A01-01-01-1", null, t, new JsonObject())));
        MoveLogStays stays = new MoveLogStays(10);

        log.forEach(stays::accept);

        assertThat(stays.stays()).containsExactly(new Stay(left, t.plusSeconds(60), t.plus(Duration.ofHours(30))));
        assertThat(stays.lastSeq()).isEqualTo(7);
    }

    @Test
    void onlyTheNewestStaysAreKept() {
        MoveLogStays stays = new MoveLogStays(50);
        SimulatedStays.numbered(SimulatedStays.entries(new Random(3), 80, 100, END)).forEach(stays::accept);

        List<Stay> kept = stays.stays();
        assertThat(kept).hasSize(50);
        assertThat(kept.getLast().left()).isAfterOrEqualTo(kept.getFirst().left());
    }

    @Test
    void aModelThatLearnsTheLinesAndCategoriesErrsLessThanTheDefaultsAndIsAdopted() {
        for (long seed : new long[] {1, 2, 3}) {
            List<Stay> stays = stays(seed, 1_000);

            DwellLearning.Outcome outcome = DwellLearning.learn(stays, DepartureForecast.categoryDefaults());
            DwellLearning.Report report = outcome.report();
            String context = "seed " + seed + ": " + report;

            assertThat(report.adopted()).as(context).isTrue();
            assertThat(report.trainedOn()).as(context).isEqualTo(800);
            assertThat(report.heldBack()).as(context).isEqualTo(200);
            assertThat(report.modelMaeHours()).as(context).isLessThan(0.75 * report.currentMaeHours());
            assertThat(report.modelMedianMaeHours()).as(context).isLessThan(0.75 * report.currentMaeHours());
            assertThat(report.modelCoverage80()).as(context).isBetween(0.65, 0.95);
            Container slowEmpty = SimulatedStays.container(9_999, "CMA", ContainerCategory.EMPTY);
            Departure window = outcome.forecast().orElseThrow().departure(slowEmpty, END);
            double middleDays = (Duration.between(END, window.earliest()).toHours()
                    + Duration.between(END, window.latest()).toHours()) / 48.0;
            assertThat(middleDays).as(context + ", the slow line's empties stay 20 days").isBetween(16.0, 26.0);
        }
    }

    @Test
    void aModelNoBetterThanTheForecastInUseIsNotAdopted() {
        // every stay lasts exactly the middle of the defaults' window: they cannot be beaten
        List<Stay> stays = new ArrayList<>();
        Random random = new Random(5);
        for (int i = 0; i < 300; i++) {
            ContainerCategory category = random.nextBoolean() ? ContainerCategory.IMPORT : ContainerCategory.EMPTY;
            Container box = SimulatedStays.container(i, random.nextBoolean() ? "MSK" : "CMA", category);
            Instant arrived = END.minus(Duration.ofDays(60)).plusSeconds(random.nextInt(50 * 86_400));
            Duration dwell = category == ContainerCategory.IMPORT ? Duration.ofHours(84) : Duration.ofDays(8);
            stays.add(new Stay(box, arrived, arrived.plus(dwell)));
        }

        DwellLearning.Outcome outcome = DwellLearning.learn(stays, DepartureForecast.categoryDefaults());

        assertThat(outcome.report().currentMaeHours()).isZero();
        assertThat(outcome.report().adopted()).isFalse();
        assertThat(outcome.forecast()).isEmpty();
    }

    @Test
    void tooShortAHistoryTrainsNothingAndSaysHowManyStaysItNeeds() {
        DwellLearning.Outcome outcome = DwellLearning.learn(stays(4, DwellLearning.LEAST_STAYS - 1),
                DepartureForecast.categoryDefaults());

        assertThat(outcome.forecast()).isEmpty();
        assertThat(outcome.report().reason()).isEqualTo("only 124 stays in the move log, 125 needed");
        assertThat(DwellLearning.learn(stays(4, DwellLearning.LEAST_STAYS), DepartureForecast.categoryDefaults())
                .report().trainedOn()).isEqualTo(100);
    }

    private static List<Stay> stays(long seed, int count) {
        MoveLogStays stays = new MoveLogStays(count);
        SimulatedStays.numbered(SimulatedStays.entries(new Random(seed), count, 1, END)).forEach(stays::accept);
        assertThat(stays.stays()).as("seed " + seed).hasSize(count);
        return stays.stays();
    }

    private static LogEntry arrival(Container box, String kind, Instant at) {
        return new LogEntry(0, box.number().value(), kind, null, "yard:A01-01-01-1", null, at,
                new JsonObject().put("container", ModelJson.container(box)));
    }

    private static LogEntry move(Container box, MoveKind kind, Instant at) {
        return new LogEntry(0, box.number().value(), kind.name(), "yard:A01-01-01-1", null, null, at,
                new JsonObject());
    }
}
