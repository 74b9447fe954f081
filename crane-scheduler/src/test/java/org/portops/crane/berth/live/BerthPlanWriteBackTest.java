package org.portops.crane.berth.live;

import org.junit.jupiter.api.Test;
import org.portops.crane.berth.quay.QuayLayout;
import org.portops.crane.berth.quay.QuayPlacement;
import org.portops.model.container.Container;
import org.portops.model.container.ContainerCategory;
import org.portops.model.container.ContainerNumber;
import org.portops.model.container.LineOperator;
import org.portops.model.container.SizeTypeCode;
import org.portops.model.container.UnLocode;
import org.portops.model.container.VgmWeight;
import org.portops.model.layout.TerminalLayoutLoader;
import org.portops.model.quay.BerthId;
import org.portops.model.vessel.BayPlan;
import org.portops.model.vessel.BayPlanAction;
import org.portops.model.vessel.BayPlanEntry;
import org.portops.model.vessel.ImoNumber;
import org.portops.model.vessel.StowageSlot;
import org.portops.model.vessel.Vessel;
import org.portops.model.vessel.VesselCall;
import org.portops.model.vessel.VesselCallId;
import org.portops.model.vessel.Voyage;
import org.portops.state.VesselCallChange;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** Which placements of a berth plan are written into live state, and how (sample quay: B1 0–400, B2 400–750, B3 750–1100, B4 1100–1400). */
class BerthPlanWriteBackTest {
    private static final QuayLayout QUAY = QuayLayout.of(TerminalLayoutLoader.sample(), 55, 20);
    private static final Instant NOW = Instant.parse("2026-11-24T06:00:00Z");
    private static final VesselCallId ID = new VesselCallId("C1");
    private static final Instant ETA = NOW.plus(Duration.ofHours(2));

    private static VesselCall live(BerthId berth, Instant etb) {
        return new VesselCall(ID, new Vessel(new ImoNumber("9074729"), "TEST CARRIER", 300, 48, 14),
                new Voyage("001W"), new LineOperator("MSCU"), berth, ETA, etb, ETA.plus(Duration.ofHours(20)),
                BayPlan.EMPTY);
    }

    private static BerthChart chart(int fromMeter, Instant berthing, Duration stay, boolean alongside, boolean fixed) {
        QuayPlacement placement = new QuayPlacement(ID, "TEST CARRIER", fromMeter, fromMeter + 300, berthing,
                berthing.plus(stay), 4, alongside, List.of());
        return new BerthChart(1, "test", NOW, Duration.ZERO, QUAY,
                List.of(new BerthChart.Box(placement, ETA, ETA.plus(Duration.ofHours(1)), fixed)), List.of(), "",
                List.of());
    }

    @Test
    void aFreePlacementBecomesTheBerthItOverlapsMostAndItsEtbAndEtdNoEarlierThanItsDeparture() {
        Instant berthing = ETA.plus(Duration.ofMinutes(45));
        List<BerthPlanWriteBack.Update> updates = BerthPlanWriteBack.updates(
                chart(700, berthing, Duration.ofHours(30), false, false), Map.of(ID, live(null, null)), NOW);

        assertThat(updates).hasSize(1);
        VesselCall written = updates.getFirst().call();
        assertThat(written.berth()).as("700–1000 m lies 250 m in B3, 50 m in B2").isEqualTo(new BerthId("B3"));
        assertThat(written.etb()).isEqualTo(berthing);
        assertThat(written.etd()).as("the plan leaves after the line's ETD").isEqualTo(berthing.plus(Duration.ofHours(30)));
        assertThat(written.eta()).isEqualTo(ETA);
        assertThat(written.quayFromMeter()).as("where on the quay the plan placed it").isEqualTo(700.0);
        assertThat(updates.getFirst().written()).isEqualTo(new BerthPlanWriteBack.Written(new BerthId("B3"), berthing,
                ETA, ETA.plus(Duration.ofHours(1))));

        VesselCall shortStay = BerthPlanWriteBack.updates(chart(1100, berthing, Duration.ofHours(5), false, false),
                Map.of(ID, live(null, null)), NOW).getFirst().call();
        assertThat(shortStay.berth()).isEqualTo(new BerthId("B4"));
        assertThat(shortStay.etd()).as("a plan leaving earlier keeps the line's ETD").isEqualTo(ETA.plus(Duration.ofHours(20)));
    }

    @Test
    void nothingIsWrittenForAVesselHeldOrAPlacementLiveStateAlreadyHasOrCannotTakeNow() {
        Instant berthing = ETA.plus(Duration.ofMinutes(45));
        Map<VesselCallId, VesselCall> free = Map.of(ID, live(null, null));
        assertThat(BerthPlanWriteBack.updates(chart(400, berthing, Duration.ofHours(5), true, false), free, NOW))
                .as("alongside").isEmpty();
        assertThat(BerthPlanWriteBack.updates(chart(400, berthing, Duration.ofHours(5), true, true), free, NOW))
                .as("fixed").isEmpty();
        assertThat(BerthPlanWriteBack.updates(chart(400, berthing, Duration.ofHours(5), false, false),
                Map.of(ID, live(null, null).berthedAt(new BerthId("B2"), berthing, 400.0)), NOW)).as("already so")
                .isEmpty();
        assertThat(BerthPlanWriteBack.updates(chart(400, berthing, Duration.ofHours(5), false, false),
                Map.of(ID, live(new BerthId("B2"), berthing)), NOW)).as("the same berth and time, not the place")
                .extracting(update -> update.call().quayFromMeter()).containsExactly(400.0);
        assertThat(BerthPlanWriteBack.updates(chart(400, NOW, Duration.ofHours(5), false, false), free, NOW))
                .as("berthing not after now").isEmpty();
        assertThat(BerthPlanWriteBack.updates(chart(400, ETA.minusSeconds(60), Duration.ofHours(5), false, false),
                free, ETA.minus(Duration.ofHours(1)))).as("before the ETA live state has now").isEmpty();
        assertThat(BerthPlanWriteBack.updates(chart(400, berthing, Duration.ofHours(5), false, false), Map.of(), NOW))
                .as("not in live state").isEmpty();
    }

    @Test
    void theWriteLaysThePlansBerthOntoTheCallAsHeldThenKeepingWhatOthersChangedUnlessTheEtaMovedOn() {
        Instant berthing = ETA.plus(Duration.ofMinutes(45));
        BerthPlanWriteBack.Update update = BerthPlanWriteBack.updates(chart(700, berthing, Duration.ofHours(30), false,
                false), Map.of(ID, live(null, null)), NOW).getFirst();
        // since the plan read the call, a line uploaded a bay plan and moved its ETD later still
        VesselCall held = live(null, null);
        BayPlan uploaded = new BayPlan(List.of(new BayPlanEntry(StowageSlot.parse("0010282"), new Container(
                ContainerNumber.fromParts("MSC", 'U', 123_456), new SizeTypeCode("22G1"), new VgmWeight(12_000),
                new LineOperator("MSCU"), new UnLocode("NLRTM"), new UnLocode("DEHAM"), ContainerCategory.EXPORT,
                null, null), BayPlanAction.LOAD)));
        VesselCall changed = new VesselCall(ID, held.vessel(), held.voyage(), held.line(), null, ETA, null,
                berthing.plus(Duration.ofHours(40)), uploaded);

        VesselCallChange.Decision decision = update.applyTo(changed);
        assertThat(decision).isInstanceOf(VesselCallChange.Store.class);
        VesselCall stored = ((VesselCallChange.Store) decision).call();
        assertThat(stored.bayPlan()).as("the line's bay plan kept").isEqualTo(uploaded);
        assertThat(stored.etd()).as("the later of the two ETDs").isEqualTo(berthing.plus(Duration.ofHours(40)));
        assertThat(stored.berth()).isEqualTo(new BerthId("B3"));
        assertThat(stored.etb()).isEqualTo(berthing);
        assertThat(stored.quayFromMeter()).isEqualTo(700.0);

        assertThat(update.applyTo(stored)).as("already so").isEqualTo(new VesselCallChange.Keep());
        VesselCall later = new VesselCall(ID, held.vessel(), held.voyage(), held.line(), null,
                ETA.plus(Duration.ofHours(3)), null, ETA.plus(Duration.ofHours(30)), BayPlan.EMPTY);
        assertThat(update.applyTo(later)).isInstanceOfSatisfying(VesselCallChange.Refuse.class,
                refuse -> assertThat(refuse.reason()).contains("ETA moved from " + ETA));
    }

    @Test
    void aStretchOutsideEveryBerthHasNoBerth() {
        QuayLayout gappy = new QuayLayout("Gappy", 1000, List.of(new QuayLayout.Section("B1", 0, 400, 16),
                new QuayLayout.Section(QuayLayout.NO_BERTH, 400, 600, 0), new QuayLayout.Section("B2", 600, 1000, 16)),
                4, new QuayLayout.CraneReach(0, 1000, 55), 20);
        assertThat(BerthPlanWriteBack.berthOf(gappy, 420, 580)).isEmpty();
        assertThat(BerthPlanWriteBack.berthOf(gappy, 350, 650)).as("50 m each: the nearer the start")
                .isEqualTo(Optional.of(new BerthId("B1")));
    }
}
