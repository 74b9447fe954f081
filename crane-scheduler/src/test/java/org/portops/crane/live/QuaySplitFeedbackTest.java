package org.portops.crane.live;

import org.junit.jupiter.api.Test;
import org.portops.crane.split.CraneSplitPlanner;
import org.portops.crane.split.VesselOutlook;
import org.portops.model.container.LineOperator;
import org.portops.model.equipment.Equipment;
import org.portops.model.equipment.EquipmentId;
import org.portops.model.equipment.EquipmentKind;
import org.portops.model.layout.TerminalLayout;
import org.portops.model.vessel.BayPlan;
import org.portops.model.vessel.ImoNumber;
import org.portops.model.vessel.Vessel;
import org.portops.model.vessel.VesselCall;
import org.portops.model.vessel.Voyage;
import org.portops.state.testsupport.TestLayouts;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The split's completion estimate fed back by the detailed plan: a call whose detailed plan overruns the estimate
 * weighs its work by the overrun in the next split, without compounding over several plans of one split.
 */
class QuaySplitFeedbackTest {
    private static final Instant T0 = Instant.parse("2026-11-24T06:00:00Z");
    private final TerminalLayout layout = TestLayouts.sample();
    private final SteppingClock clock = new SteppingClock(T0);

    @Test
    void aDetailedPlanThatOverrunsTheEstimateWeighsTheCallsWorkInTheNextSplit() {
        // one crane in service: the split cannot add cranes, so the overrun shows in the estimate itself
        List<EquipmentId> quayCranes = layout.allEquipment().stream()
                .filter(e -> e.kind() == EquipmentKind.QUAY_CRANE).map(Equipment::id)
                .sorted(Comparator.comparing(EquipmentId::value)).toList();
        Set<EquipmentId> out = new HashSet<>(quayCranes.subList(1, quayCranes.size()));
        CallWork work = GeneratedCalls.generate(31, "CALL31", 120, 10, 1, T0)
                .withCranes(List.of(quayCranes.getFirst()));
        QuaySplit split = new QuaySplit(layout, new QuaySplit.Settings(3600, 48, 6, 30,
                new CraneSplitPlanner.Limits(Duration.ofMillis(500), 3)), clock);
        VesselCall probe = call(work, T0.plus(Duration.ofDays(1)));
        split.split(List.of(new QuaySplit.CallOnQuay(probe, work)), out);
        int estimate = outlook(split).estimatedCompletion();
        assertThat(split.detailedCompletion(work.call(), T0.plusSeconds(estimate).plus(Duration.ofMinutes(10))))
                .as("within the tolerance").isEmpty();

        // the planned departure lies between the estimate and the detailed plan's completion
        VesselCall call = call(work, T0.plusSeconds(estimate).plus(Duration.ofHours(1)));
        split.split(List.of(new QuaySplit.CallOnQuay(call, work)), out);
        assertThat(outlook(split).estimatedCompletion()).isEqualTo(estimate);
        Instant detailed = T0.plusSeconds(estimate).plus(Duration.ofHours(3));
        Optional<QuaySplit.Overrun> overrun = split.detailedCompletion(work.call(), detailed);
        assertThat(overrun).hasValueSatisfying(o -> {
            assertThat(o.overrun()).isEqualTo(Duration.ofHours(3));
            assertThat(o.missesDeparture()).isTrue();
        });
        // a second plan of the same split says the same: the weight does not compound
        assertThat(split.detailedCompletion(work.call(), detailed)).isEqualTo(overrun);

        split.split(List.of(new QuaySplit.CallOnQuay(call, work)), out);
        int weighed = outlook(split).estimatedCompletion();
        assertThat(Duration.ofSeconds(weighed - estimate)).as("estimate after the feedback, was %d s", estimate)
                .isBetween(Duration.ofHours(3).minus(QuaySplit.OVERRUN_TOLERANCE),
                        Duration.ofHours(3).plus(QuaySplit.OVERRUN_TOLERANCE));
        assertThat(outlook(split).lateSeconds()).as("the split now sees the call late").isPositive();
        assertThat(split.detailedCompletion(work.call(), detailed)).as("estimate and detailed plan agree").isEmpty();

        split.forget(work.call());
        split.split(List.of(new QuaySplit.CallOnQuay(call, work)), out);
        assertThat(outlook(split).estimatedCompletion()).isEqualTo(estimate);
    }

    private static VesselOutlook outlook(QuaySplit split) {
        return split.inForce().vessels().getFirst();
    }

    private VesselCall call(CallWork work, Instant etd) {
        Vessel vessel = new Vessel(new ImoNumber("9074729"), "TEST SHIP", 200, 32, 12);
        return new VesselCall(work.call(), vessel, new Voyage("101E"), new LineOperator("MAEU"),
                layout.quay().berths().getFirst().id(), T0.minusSeconds(3600), T0.minusSeconds(1800), etd,
                BayPlan.EMPTY);
    }
}
