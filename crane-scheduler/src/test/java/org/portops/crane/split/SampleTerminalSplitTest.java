package org.portops.crane.split;

import org.junit.jupiter.api.Test;
import org.portops.crane.QuayCranePlanner;
import org.portops.crane.qcsp.QcspInstance;
import org.portops.crane.qcsp.ScheduleChecker;
import org.portops.crane.vessel.CraneSetup;
import org.portops.crane.vessel.DischargeOrder;
import org.portops.crane.vessel.LoadOrder;
import org.portops.crane.vessel.VesselCallMapper;
import org.portops.crane.vessel.VesselProblem;
import org.portops.crane.vessel.VesselWork;
import org.portops.crane.vessel.VesselWorkRules;
import org.portops.model.equipment.EquipmentId;
import org.portops.model.layout.Inventory;
import org.portops.model.layout.SampleInventory;
import org.portops.model.layout.TerminalLayout;
import org.portops.model.layout.TerminalLayoutLoader;
import org.portops.model.vessel.BayPlanEntry;
import org.portops.model.vessel.VesselBay;
import org.portops.model.vessel.VesselCall;
import org.portops.model.work.YardLocation;
import org.portops.model.yard.YardSlot;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sample terminal: 14 quay cranes on the 1,400 m rail, its three vessel calls mapped by the vessel mapper and
 * laid along the quay at their berths (the third, not yet allocated, at berth B3), split over 48 hour slots.
 */
class SampleTerminalSplitTest {
    private static final Instant NOW = Instant.parse("2026-11-24T06:00:00Z");
    private static final YardLocation YARD = new YardLocation(YardSlot.parse("A01-01-01-1"));

    @Test
    void theSampleQuaySplitKeepsEveryRuleAndHandsEachVesselToTheQcsp() {
        TerminalLayout layout = TerminalLayoutLoader.sample();
        Inventory inventory = SampleInventory.generate(layout, 42, NOW);
        List<SplitCrane> cranes = new ArrayList<>();
        for (int k = 0; k < 14; k++) {
            cranes.add(SplitCrane.standard(String.format("QC%02d", k + 1), 50 + 100 * k));
        }
        Map<String, Double> bowAt = Map.of("CALL1", 10.0, "CALL2", 420.0, "CALL3", 760.0);
        List<SplitVessel> vessels = new ArrayList<>();
        List<VesselProblem> problems = new ArrayList<>();
        for (VesselCall call : inventory.vesselCalls()) {
            VesselProblem mapped = VesselCallMapper.map(work(call), List.of(new CraneSetup(new EquipmentId("QC01"),
                    new VesselBay(2), NOW, 30, 20.0, List.of())), VesselWorkRules.defaults(NOW));
            double bow = bowAt.get(call.id().value());
            Instant berthing = call.etb() != null ? call.etb() : call.eta();
            vessels.add(SplitVessel.of(mapped, call.vessel().name(), bow, bow + call.vessel().lengthOverallMeters(),
                    seconds(berthing), seconds(call.etd())));
            problems.add(mapped);
        }
        SplitProblem problem = SplitProblem.of(NOW, layout.quay().lengthMeters(), 3600, 48, 6, cranes, vessels);

        CraneSplit split = new CraneSplitPlanner(Clock.fixed(NOW, ZoneOffset.UTC))
                .plan(problem, new CraneSplitPlanner.Limits(Duration.ofSeconds(6), 11));

        assertThat(split.feasible()).as(split.score()).isTrue();
        assertThat(SplitChecker.check(problem, split.cranes())).isEmpty();
        assertThat(split.vessels()).allSatisfy(v -> assertThat(v.lateSeconds()).as(v.name()).isZero());
        QuayCranePlanner detail = new QuayCranePlanner(Clock.systemUTC());
        for (VesselProblem mapped : problems) {
            QcspInstance instance = CraneSplitPlanner.detailedInstance(problem, split, mapped.call(),
                    VesselWorkPlan.of(mapped));
            QuayCranePlanner.Plan plan = detail.plan(instance, QuayCranePlanner.PlanLimits.of(Duration.ofSeconds(2)));
            assertThat(ScheduleChecker.check(instance, plan.schedule())).as(mapped.call().value()).isEmpty();
        }
    }

    private static int seconds(Instant time) {
        return (int) Math.max(0, Duration.between(NOW, time).toSeconds());
    }

    /** The call with every discharge and restow going to, and every load coming from, one yard slot. */
    private static VesselWork work(VesselCall call) {
        List<DischargeOrder> discharges = new ArrayList<>();
        List<LoadOrder> loads = new ArrayList<>();
        for (BayPlanEntry entry : call.bayPlan().entries()) {
            switch (entry.action()) {
                case DISCHARGE, RESTOW -> discharges.add(new DischargeOrder(entry.container().number(), YARD));
                case LOAD -> loads.add(new LoadOrder(entry.container().number(), YARD));
                case REMAIN_ON_BOARD -> { }
            }
        }
        return new VesselWork(call, discharges, loads);
    }
}
