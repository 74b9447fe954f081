package org.portops.crane.vessel;

import org.junit.jupiter.api.Test;
import org.portops.crane.QuayCranePlanner;
import org.portops.crane.qcsp.Disruption;
import org.portops.crane.qcsp.Replanning;
import org.portops.crane.qcsp.ScheduleChecker;
import org.portops.crane.qcsp.ScheduledTask;
import org.portops.crane.qcsp.Unavailability;
import org.portops.model.equipment.EquipmentId;
import org.portops.model.vessel.BayPlanEntry;
import org.portops.model.vessel.VesselBay;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.portops.crane.vessel.VesselCalls.START;
import static org.portops.crane.vessel.VesselCalls.forty;
import static org.portops.crane.vessel.VesselCalls.twenty;
import static org.portops.crane.vessel.VesselCalls.work;
import static org.portops.model.vessel.BayPlanAction.DISCHARGE;
import static org.portops.model.vessel.BayPlanAction.LOAD;

/** A vessel call planned, then a crane breaks down mid-vessel: the plan goes on without it. */
class VesselReplanTest {
    private final QuayCranePlanner planner = new QuayCranePlanner(Clock.systemUTC());
    private static final QuayCranePlanner.PlanLimits LIMITS = QuayCranePlanner.PlanLimits.of(Duration.ofMillis(800));

    /** 12 positions; on each, 40' and twin 20' deck discharges, hold discharges, hold loads and deck loads. */
    private static List<BayPlanEntry> entries() {
        List<BayPlanEntry> entries = new ArrayList<>();
        int serial = 1;
        for (int forty = 2; forty <= 46; forty += 4) {
            for (int row = 1; row <= 4; row++) {
                entries.add(forty(String.format("%03d%02d84", forty, row), serial++, DISCHARGE));
                entries.add(twenty(String.format("%03d%02d82", forty - 1, row), serial++, DISCHARGE));
                entries.add(twenty(String.format("%03d%02d82", forty + 1, row), serial++, DISCHARGE));
                entries.add(forty(String.format("%03d%02d04", forty, row), serial++, DISCHARGE));
                entries.add(forty(String.format("%03d%02d04", forty, row + 8), serial++, LOAD));
                entries.add(forty(String.format("%03d%02d86", forty, row), serial++, LOAD));
            }
        }
        return entries;
    }

    @Test
    void aCraneBreakingDownMidVesselHandsItsBaysToTheOthersWithoutCrossing() {
        CraneSetup qc1 = new CraneSetup(new EquipmentId("QC01"), new VesselBay(2), START, 28, 20, List.of(
                new CraneSetup.Outage(START.plusSeconds(3 * 3600), START.plusSeconds(3 * 3600 + 1800),
                        Unavailability.Reason.BREAK)));
        CraneSetup qc2 = new CraneSetup(new EquipmentId("QC02"), new VesselBay(22), START, 32, 22, List.of());
        CraneSetup qc3 = new CraneSetup(new EquipmentId("QC03"), new VesselBay(42), START, 25, 18, List.of());
        VesselProblem problem = VesselCallMapper.map(work(entries()), List.of(qc1, qc2, qc3),
                VesselWorkRules.defaults(START));
        QuayCranePlanner.Plan before = planner.plan(problem.instance(), LIMITS);
        assertThat(before.violations()).isEmpty();
        int breakdown = before.schedule().makespan() / 3;

        QuayCranePlanner.Replan after = planner.replan(problem.instance(), before.schedule(), breakdown,
                new Disruption.Breakdown(2, breakdown), LIMITS);

        assertThat(after.plan().violations()).isEmpty();
        assertThat(ScheduleChecker.check(after.instance(), after.plan().schedule())).isEmpty();
        List<ScheduledTask> qc2Tasks = after.plan().schedule().cranes().get(1).tasks();
        assertThat(qc2Tasks).allMatch(task -> task.start() < breakdown);
        assertThat(before.schedule().cranes().get(1).tasks()).filteredOn(task -> task.start() < breakdown)
                .containsExactlyElementsOf(qc2Tasks);
        List<VesselProblem.CraneWorkList> lists = problem.workLists(after.plan().schedule());
        assertThat(lists).flatExtracting(VesselProblem.CraneWorkList::moves).hasSize(entries().size());
        assertThat(lists.get(1).moves()).allMatch(move -> !move.taskStart().isAfter(problem.timeOf(breakdown)));
    }

    @Test
    void aWindStopHaltsTheExposedCranesMidTaskAndTheirRemainingCyclesArePlannedAfterIt() {
        CraneSetup qc1 = new CraneSetup(new EquipmentId("QC01"), new VesselBay(2), START, 28, 18, List.of());
        CraneSetup qc2 = new CraneSetup(new EquipmentId("QC02"), new VesselBay(22), START, 32, 25, List.of());
        CraneSetup qc3 = new CraneSetup(new EquipmentId("QC03"), new VesselBay(42), START, 25, 18, List.of());
        VesselProblem problem = VesselCallMapper.map(work(entries()), List.of(qc1, qc2, qc3),
                VesselWorkRules.defaults(START));
        QuayCranePlanner.Plan before = planner.plan(problem.instance(), LIMITS);
        // wind from the middle of crane 1's first task, for an hour
        ScheduledTask inHand = before.schedule().cranes().getFirst().tasks().getFirst();
        int gust = (inHand.start() + inHand.end()) / 2;

        QuayCranePlanner.Replan after = planner.replan(problem.instance(), before.schedule(), gust,
                new Disruption.WindStop(21, gust, gust + 3600), LIMITS);
        VesselProblem replanned = problem.replanned(after.instance(), after.splits());

        assertThat(after.plan().violations()).isEmpty();
        assertThat(after.splits()).extracting(Replanning.Split::task).contains(inHand.task());
        Unavailability wind = new Unavailability(gust, gust + 3600, Unavailability.Reason.WIND);
        for (int crane : new int[] {1, 3}) {
            assertThat(after.plan().schedule().cranes().get(crane - 1).tasks()).as("QC0%d", crane)
                    .noneMatch(task -> wind.overlaps(task.start(), task.end()));
        }
        assertThat(after.plan().schedule().cranes().get(1).tasks())
                .anyMatch(task -> wind.overlaps(task.start(), task.end()));
        List<VesselProblem.PlannedMove> moves = replanned.workLists(after.plan().schedule()).stream()
                .flatMap(list -> list.moves().stream()).toList();
        assertThat(moves).hasSize(entries().size());
        assertThat(moves.stream().map(move -> move.move().container()).distinct()).hasSize(entries().size());
    }
}
