package org.portops.crane.berth.live;

import org.junit.jupiter.api.Test;
import org.portops.crane.berth.live.LiveBerthPlanner.Published;
import org.portops.crane.berth.live.LiveBerthPlanner.Refused;
import org.portops.crane.berth.quay.BerthCall;
import org.portops.crane.berth.quay.BerthSettings;
import org.portops.crane.berth.quay.QuayLayout;
import org.portops.crane.berth.quay.QuayPlacement;
import org.portops.model.layout.TerminalLayoutLoader;
import org.portops.model.vessel.VesselCallId;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The continuous berth planner: problem changes, vessels alongside pinned, the stability cost. */
class LiveBerthPlannerTest {
    private static final Instant NOW = Instant.parse("2026-11-24T06:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    private static final BerthSettings SETTINGS = BerthSettings.defaults().withSolveTime(Duration.ofSeconds(1));
    private static final QuayLayout SAMPLE_QUAY = QuayLayout.of(TerminalLayoutLoader.sample(), 55, 20);
    /** One 500 m berth, 16 m deep, 4 cranes: two 300 m vessels never lie there together. */
    private static final QuayLayout SHORT_QUAY = new QuayLayout("short", 500,
            List.of(new QuayLayout.Section("S", 0, 500, 16)), 4, new QuayLayout.CraneReach(0, 500, 55), 20);

    private static BerthCall due(String id, int length, Duration eta, int moves) {
        Instant arrival = NOW.plus(eta);
        return new BerthCall(new VesselCallId(id), "MV " + id, length, 40, 12, arrival, arrival, moves,
                SETTINGS.maxCranes(length), null);
    }

    private static BerthCall alongside(String id, int from, int cranes, int moves) {
        Instant since = NOW.minus(Duration.ofHours(2));
        return new BerthCall(new VesselCallId(id), "MV " + id, 300, 40, 12, since, since, moves, 6,
                new BerthCall.Alongside(from, since, cranes));
    }

    private static QuayPlacement placement(BerthChart chart, String call) {
        return chart.vessels().stream().map(BerthChart.Box::placement)
                .filter(p -> p.call().equals(new VesselCallId(call))).findFirst().orElseThrow();
    }

    private static long timeInPort(BerthChart chart, String call) {
        BerthChart.Box box = chart.vessels().stream().filter(b -> b.placement().call().value().equals(call))
                .findFirst().orElseThrow();
        return Duration.between(box.eta(), box.placement().departure()).toMinutes();
    }

    /**
     * Two vessels alongside hold 10 of the 14 cranes for about 40 hours; V3 and V4 (300 m each) are due in an hour
     * and compete for the 4 cranes left. When V3's ETA slips by a day, V3 moves to its new ETA, V4 takes the cranes
     * and leaves sooner, and the vessels alongside keep their place, time and cranes.
     */
    @Test
    void lateEtaMovesTheVesselAndRebalancesCranesWithoutTouchingVesselsAlongside() {
        LiveBerthPlanner planner = new LiveBerthPlanner(SAMPLE_QUAY, SETTINGS, CLOCK);
        BerthChart before = planner.start(List.of(alongside("V1", 0, 6, 6000), alongside("V2", 320, 4, 4000),
                due("V3", 300, Duration.ofHours(1), 1200), due("V4", 300, Duration.ofHours(1), 1200)), "start");
        assertThat(before.conflicts()).isEmpty();

        Instant lateEta = NOW.plus(Duration.ofHours(25));
        LiveBerthPlanner.Outcome outcome = planner.apply(new BerthChange.EtaUpdated(new VesselCallId("V3"), lateEta,
                NOW));

        BerthChart after = ((Published) outcome).chart();
        assertThat(after.conflicts()).isEmpty();
        assertThat(after.version()).isEqualTo(before.version() + 1);
        assertThat(placement(after, "V3").berthing()).isAfterOrEqualTo(lateEta);
        QuayPlacement v4Before = placement(before, "V4");
        QuayPlacement v4After = placement(after, "V4");
        assertThat(v4After.cranes()).as("V4 takes the 4 free cranes").isEqualTo(4);
        assertThat(v4After.berthing()).as("V4 berths on arrival").isEqualTo(NOW.plus(Duration.ofHours(1)));
        assertThat(timeInPort(after, "V4")).isLessThan(timeInPort(before, "V4"));
        assertThat(v4After.departure()).isBefore(v4Before.departure());
        for (String moored : List.of("V1", "V2")) {
            assertThat(placement(after, moored)).as(moored).isEqualTo(placement(before, moored));
        }
        assertThat(placement(after, "V1").cranes() + placement(after, "V2").cranes()).isEqualTo(10);
        assertThat(after.replanTime()).isLessThan(Duration.ofSeconds(10));
    }

    /**
     * On a quay with room for one of them, a short call goes first and a long one berths when it leaves. Cancelling
     * the short call lets the long one come in at once: 60 minutes earlier is less than the stability cost (60 +
     * a quarter of 60), so its published time stays; 630 minutes earlier is worth it, so it moves.
     */
    @Test
    void aPublishedBerthingTimeMovesOnlyForEnoughGain() {
        LiveBerthPlanner small = new LiveBerthPlanner(SHORT_QUAY, SETTINGS, CLOCK);
        BerthChart first = small.start(List.of(due("SHORT", 300, Duration.ZERO, 50),
                due("LONG", 300, Duration.ZERO, 2000)), "start");
        assertThat(placement(first, "LONG").berthing()).isEqualTo(NOW.plus(Duration.ofMinutes(60)));

        BerthChart kept = ((Published) small.apply(new BerthChange.Cancelled(new VesselCallId("SHORT"), NOW))).chart();
        assertThat(placement(kept, "LONG").berthing()).isEqualTo(NOW.plus(Duration.ofMinutes(60)));
        assertThat(kept.vessels()).hasSize(1);

        LiveBerthPlanner large = new LiveBerthPlanner(SHORT_QUAY, SETTINGS, CLOCK);
        BerthChart before = large.start(List.of(due("SHORT", 300, Duration.ZERO, 1000),
                due("LONG", 300, Duration.ZERO, 2000)), "start");
        assertThat(placement(before, "LONG").berthing()).isEqualTo(NOW.plus(Duration.ofMinutes(630)));

        BerthChart moved = ((Published) large.apply(new BerthChange.Cancelled(new VesselCallId("SHORT"), NOW))).chart();
        assertThat(placement(moved, "LONG").berthing()).isEqualTo(NOW);
        assertThat(placement(moved, "LONG").explanation())
                .anyMatch(reason -> reason.equals(
                        "Published berthing time moved: LONG berths 630 min earlier than last published; moving a"
                                + " published time costs 217 min"));
    }

    @Test
    void aNewCallIsPlannedAndAnEarlierDelayIsAppliedToTheEta() {
        LiveBerthPlanner planner = new LiveBerthPlanner(SAMPLE_QUAY, SETTINGS, CLOCK);
        planner.start(List.of(due("A", 300, Duration.ofHours(2), 600)), "start");

        BerthChart added = ((Published) planner.apply(new BerthChange.CallChanged(
                due("B", 250, Duration.ofHours(4), 400), NOW))).chart();
        assertThat(added.vessels()).extracting(box -> box.placement().call().value()).containsExactly("A", "B");
        assertThat(placement(added, "B").berthing()).isEqualTo(NOW.plus(Duration.ofHours(4)));

        BerthChart early = ((Published) planner.apply(new BerthChange.Delayed(new VesselCallId("B"),
                Duration.ofMinutes(-60), NOW))).chart();
        assertThat(early.vessels().get(1).eta()).isEqualTo(NOW.plus(Duration.ofHours(3)));
        assertThat(early.trigger()).isEqualTo("vessel call B delayed by -60 min");
        assertThat(early.conflicts()).isEmpty();
    }

    @Test
    void aBurstOfChangesIsOneReplanWithEachChangeCheckedAfterTheOnesBeforeIt() {
        LiveBerthPlanner planner = new LiveBerthPlanner(SAMPLE_QUAY, SETTINGS, CLOCK);
        BerthChart start = planner.start(List.of(due("A", 300, Duration.ofHours(2), 600)), "start");

        List<LiveBerthPlanner.Outcome> outcomes = planner.applyAll(List.of(
                new BerthChange.CallChanged(due("B", 250, Duration.ofHours(4), 400), NOW),
                new BerthChange.Cancelled(new VesselCallId("A"), NOW),
                new BerthChange.Delayed(new VesselCallId("A"), Duration.ofHours(1), NOW)));

        BerthChart chart = ((Published) outcomes.get(0)).chart();
        assertThat(outcomes.get(1)).isEqualTo(outcomes.get(0));
        assertThat(chart.version()).isEqualTo(start.version() + 1);
        assertThat(chart.trigger()).isEqualTo("vessel call B (MV B) changed: ETA " + NOW.plus(Duration.ofHours(4))
                + "; vessel call A cancelled");
        assertThat(((Refused) outcomes.get(2)).reasons()).containsExactly("the berth plan has no vessel call A");
        assertThat(chart.vessels()).extracting(box -> box.placement().call().value()).containsExactly("B");
    }

    @Test
    void refusesChangesToUnknownCallsAndToVesselsAlongsideAndKeepsThePlan() {
        LiveBerthPlanner planner = new LiveBerthPlanner(SAMPLE_QUAY, SETTINGS, CLOCK);
        BerthChart plan = planner.start(List.of(alongside("V1", 0, 6, 3000)), "start");

        LiveBerthPlanner.Outcome unknown = planner.apply(new BerthChange.Cancelled(new VesselCallId("GHOST"), NOW));
        LiveBerthPlanner.Outcome moored = planner.apply(new BerthChange.EtaUpdated(new VesselCallId("V1"),
                NOW.plus(Duration.ofHours(5)), NOW));

        assertThat(((Refused) unknown).reasons()).containsExactly("the berth plan has no vessel call GHOST");
        assertThat(((Refused) moored).reasons()).containsExactly("vessel call V1 is alongside since "
                + NOW.minus(Duration.ofHours(2)) + "; a vessel alongside is not re-planned");
        assertThat(planner.current()).isSameAs(plan);
    }

    @Test
    void aCallFixedByAnOperatorIsHeldThereRefusesCommandsAndKeepsItsCranesWhenItMoors() {
        LiveBerthPlanner planner = new LiveBerthPlanner(SHORT_QUAY, SETTINGS, CLOCK);
        Instant eta = NOW.plus(Duration.ofHours(1));
        Instant fixedAt = NOW.plus(Duration.ofHours(3));
        VesselCallId id = new VesselCallId("F");
        BerthChart plan = planner.start(List.of(new BerthCall(id, "MV F", 300, 40, 12, eta, eta, 600, 4,
                new BerthCall.Alongside(100, fixedAt, 2, true))), "start");

        QuayPlacement held = placement(plan, "F");
        assertThat(held.fromMeter()).isEqualTo(100);
        assertThat(held.berthing()).as("not at its ETA, where the operator put it").isEqualTo(fixedAt);
        assertThat(held.cranes()).isEqualTo(2);
        assertThat(plan.vessels().getFirst().fixed()).isTrue();
        assertThat(((Refused) planner.apply(new BerthChange.Delayed(id, Duration.ofHours(2), NOW))).reasons())
                .containsExactly("vessel call F is fixed by an operator from metre 100 at " + fixedAt
                        + "; the berth planner does not move it (change its berth or ETB in live state instead)");

        // moored where it was fixed: live state offers all the cranes it can take, it keeps the plan's two
        BerthChart moored = ((Published) planner.apply(new BerthChange.CallChanged(new BerthCall(id, "MV F", 300, 40,
                12, eta, eta, 600, 4, new BerthCall.Alongside(100, fixedAt, 4)), NOW))).chart();
        assertThat(placement(moored, "F").cranes()).isEqualTo(2);
        assertThat(moored.vessels().getFirst().fixed()).isFalse();
    }
}
