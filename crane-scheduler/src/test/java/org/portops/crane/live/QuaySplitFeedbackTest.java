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
import org.portops.model.vessel.VesselCallId;
import org.portops.model.vessel.Voyage;
import org.portops.state.testsupport.TestLayouts;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

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
        Optional<QuaySplit.Deviation> overrun = split.detailedCompletion(work.call(), detailed);
        assertThat(overrun).hasValueSatisfying(o -> {
            assertThat(o.late()).isEqualTo(Duration.ofHours(3));
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

    @Test
    void aDetailedPlanAheadOfTheEstimateLightensTheCallsWorkInTheNextSplit() {
        List<EquipmentId> quayCranes = quayCranes();
        Set<EquipmentId> out = new HashSet<>(quayCranes.subList(1, quayCranes.size()));
        CallWork work = GeneratedCalls.generate(32, "CALL32", 120, 10, 1, T0)
                .withCranes(List.of(quayCranes.getFirst()));
        QuaySplit split = new QuaySplit(layout, new QuaySplit.Settings(3600, 48, 6, 30,
                new CraneSplitPlanner.Limits(Duration.ofMillis(500), 3)), clock);
        VesselCall call = call(work, T0.plus(Duration.ofDays(1)));
        split.split(List.of(new QuaySplit.CallOnQuay(call, work)), out);
        int estimate = outlook(split).estimatedCompletion();
        assertThat(estimate).as("an estimate with room to be ahead of").isGreaterThan(3 * 3600);

        Instant detailed = T0.plusSeconds(estimate).minus(Duration.ofHours(2));
        assertThat(split.detailedCompletion(work.call(), detailed)).hasValueSatisfying(deviation -> {
            assertThat(deviation.late()).isEqualTo(Duration.ofHours(-2));
            assertThat(deviation.ahead()).isTrue();
            assertThat(deviation.missesDeparture()).isFalse();
        });

        // a lead counts half: the next estimate is an hour earlier
        split.split(List.of(new QuaySplit.CallOnQuay(call, work)), out);
        int lightened = outlook(split).estimatedCompletion();
        assertThat(Duration.ofSeconds(estimate - lightened)).as("estimate after the feedback, was %d s", estimate)
                .isBetween(Duration.ofHours(1).minus(QuaySplit.OVERRUN_TOLERANCE),
                        Duration.ofHours(1).plus(QuaySplit.OVERRUN_TOLERANCE));
        assertThat(split.detailedCompletion(work.call(), detailed)).as("the rest of the lead, next time")
                .hasValueSatisfying(deviation -> assertThat(deviation.ahead()).isTrue());

        split.forget(work.call());
        split.split(List.of(new QuaySplit.CallOnQuay(call, work)), out);
        assertThat(outlook(split).estimatedCompletion()).isEqualTo(estimate);
    }

    @Test
    void bayWeightsFollowHowLongEachCraneTakesForItsWork() {
        Instant now = T0;
        EquipmentId fast = new EquipmentId("QC01");
        EquipmentId slow = new EquipmentId("QC02");
        // QC01 works bays 2 and 4 back to back; QC02 waits an hour before bay 8 and an hour between bays 8 and 10
        LivePlan plan = new LivePlan(new VesselCallId("CALL33"), 4, now, "0hard/0medium/0soft", now.plusSeconds(4 * 3600),
                List.of(new LivePlan.CraneQueue(fast, List.of(task(2, now, 0, 1), task(4, now, 1, 2))),
                        new LivePlan.CraneQueue(slow, List.of(task(8, now, 1, 2), task(10, now, 3, 4)))),
                List.of());

        Map<Integer, Double> weights = QuaySplit.bayWeights(plan);

        // QC01 takes 2 h for 2 h of work, QC02 4 h: mean 1.5 per hour of work
        assertThat(weights).containsOnlyKeys(2, 4, 8, 10);
        assertThat(weights.get(2)).isCloseTo(1 / 1.5, within(1e-9));
        assertThat(weights.get(4)).isCloseTo(1 / 1.5, within(1e-9));
        assertThat(weights.get(8)).isCloseTo(2 / 1.5, within(1e-9));
        assertThat(weights.get(10)).isCloseTo(2 / 1.5, within(1e-9));
        double work = weights.values().stream().mapToDouble(Double::doubleValue).sum();
        assertThat(work).as("the call's total work is kept").isCloseTo(4, within(1e-9));
    }

    private static LivePlan.PlannedTask task(int bay, Instant now, int fromHour, int toHour) {
        return new LivePlan.PlannedTask(new CallWork.TaskId("B" + bay), bay, now.plusSeconds(fromHour * 3600L),
                now.plusSeconds(toHour * 3600L), false);
    }

    private List<EquipmentId> quayCranes() {
        return layout.allEquipment().stream().filter(e -> e.kind() == EquipmentKind.QUAY_CRANE).map(Equipment::id)
                .sorted(Comparator.comparing(EquipmentId::value)).toList();
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
