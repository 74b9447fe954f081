package org.portops.crane.vessel;

import org.junit.jupiter.api.Test;
import org.portops.crane.QuayCranePlanner;
import org.portops.crane.qcsp.CraneTask;
import org.portops.crane.qcsp.Precedence;
import org.portops.crane.qcsp.QcspInstance;
import org.portops.crane.qcsp.ScheduleChecker;
import org.portops.crane.qcsp.Unavailability;
import org.portops.model.container.ContainerNumber;
import org.portops.model.equipment.EquipmentId;
import org.portops.model.vessel.BayPlanEntry;
import org.portops.model.vessel.StowageSlot;
import org.portops.model.vessel.VesselBay;
import org.portops.model.work.MoveKind;
import org.portops.model.work.VesselLocation;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;
import static org.portops.crane.vessel.VesselCalls.START;
import static org.portops.crane.vessel.VesselCalls.crane;
import static org.portops.crane.vessel.VesselCalls.entry;
import static org.portops.crane.vessel.VesselCalls.forty;
import static org.portops.crane.vessel.VesselCalls.twenty;
import static org.portops.crane.vessel.VesselCalls.work;
import static org.portops.model.vessel.BayPlanAction.DISCHARGE;
import static org.portops.model.vessel.BayPlanAction.LOAD;
import static org.portops.model.vessel.BayPlanAction.REMAIN_ON_BOARD;
import static org.portops.model.vessel.BayPlanAction.RESTOW;

class VesselCallMapperTest {
    private static final VesselWorkRules RULES = VesselWorkRules.defaults(START);
    private static final List<CraneSetup> ONE_CRANE = List.of(crane("QC01", 2, 30));

    private static VesselProblem map(List<BayPlanEntry> entries) {
        return VesselCallMapper.map(work(entries), ONE_CRANE, RULES);
    }

    @Test
    void twentyFootBaysUnderAFortyFootBayAreOneCranePosition() {
        CranePositions positions = CranePositions.STANDARD;

        assertThat(List.of(1, 2, 3, 5, 6, 7, 9, 74, 75).stream().map(bay -> positions.position(new VesselBay(bay))))
                .containsExactly(1, 1, 1, 2, 2, 2, 3, 19, 19);
    }

    @Test
    void shipsWithFortyFootBaysOnMultiplesOfFourPairTheTwentiesTheOtherWay() {
        CranePositions positions = CranePositions.of(List.of(StowageSlot.parse("0040282"), StowageSlot.parse("0030282")));

        assertThat(positions.fortyFootRemainder()).isZero();
        assertThat(List.of(1, 3, 4, 5, 7, 8, 9).stream().map(bay -> positions.position(new VesselBay(bay))))
                .containsExactly(1, 2, 2, 2, 3, 3, 3);
    }

    @Test
    void worksEachPositionDeckDischargeThenHoldDischargeThenHoldLoadThenDeckLoad() {
        VesselProblem problem = map(List.of(
                forty("0020482", 1, LOAD), forty("0020204", 2, LOAD), forty("0020102", 3, DISCHARGE),
                forty("0020184", 4, DISCHARGE), forty("0060182", 5, DISCHARGE)));

        assertThat(problem.tasks()).extracting(VesselTask::position, VesselTask::phase).containsExactly(
                tuple(1, WorkPhase.DISCHARGE_DECK),
                tuple(1, WorkPhase.DISCHARGE_HOLD),
                tuple(1, WorkPhase.LOAD_HOLD),
                tuple(1, WorkPhase.LOAD_DECK),
                tuple(2, WorkPhase.DISCHARGE_DECK));
        assertThat(problem.instance().precedences())
                .containsExactly(new Precedence(1, 2), new Precedence(2, 3), new Precedence(3, 4));
        assertThat(problem.instance().tasks()).extracting(CraneTask::bay).containsExactly(1, 1, 1, 1, 2);
    }

    @Test
    void dischargesTopDownAndLoadsBottomUp() {
        VesselProblem problem = map(List.of(
                forty("0020182", 1, DISCHARGE), forty("0020186", 2, DISCHARGE), forty("0020184", 3, DISCHARGE),
                forty("0060184", 4, LOAD), forty("0060182", 5, LOAD)));

        assertThat(problem.task(1).moves()).extracting(move -> ((VesselLocation) move.from()).slot().toString())
                .containsExactly("0020186", "0020184", "0020182");
        assertThat(problem.task(2).moves()).extracting(move -> ((VesselLocation) move.to()).slot().toString())
                .containsExactly("0060182", "0060184");
        assertThat(problem.task(2).moves()).allMatch(move -> move.kind() == MoveKind.LOAD);
    }

    @Test
    void foreAndAftTwentiesOfOneRowAndTierGoUpAsATwin() {
        VesselProblem problem = map(List.of(twenty("0010282", 1, DISCHARGE), twenty("0030282", 2, DISCHARGE),
                twenty("0010482", 3, DISCHARGE)));

        VesselTask task = problem.task(1);
        assertThat(task.cycles()).hasSize(2);
        assertThat(task.cycles().getFirst().isTwin()).isTrue();
        assertThat(task.cycles().getFirst().moves()).extracting(CraneMove::container)
                .containsExactly(ContainerNumber.fromParts("MSC", 'U', 1), ContainerNumber.fromParts("MSC", 'U', 2));
        assertThat(problem.instance().task(1).processingTime()).isEqualTo(2);
    }

    @Test
    void noTwinAcrossTiersDirectionsOrPositions() {
        VesselProblem problem = map(List.of(twenty("0010282", 1, DISCHARGE), twenty("0030284", 2, DISCHARGE),
                twenty("0010482", 3, LOAD), twenty("0030482", 4, DISCHARGE), twenty("0050682", 5, DISCHARGE),
                twenty("0030682", 6, DISCHARGE)));

        assertThat(problem.tasks()).flatExtracting(VesselTask::cycles).noneMatch(CraneCycle::isTwin);
    }

    @Test
    void twinsKeepToTheWeightRule() {
        VesselWorkRules strict = new VesselWorkRules(START, 1, Duration.ofSeconds(60), 40,
                new VesselWorkRules.TwinLiftRule(40_000, 5_000));
        List<BayPlanEntry> entries = List.of(
                entry("0010282", 1, "22G1", 21_000, DISCHARGE), entry("0030282", 2, "22G1", 20_000, DISCHARGE),
                entry("0010482", 3, "22G1", 20_000, DISCHARGE), entry("0030482", 4, "22G1", 19_000, DISCHARGE),
                entry("0010682", 5, "22G1", 24_000, DISCHARGE), entry("0030682", 6, "22G1", 10_000, DISCHARGE));

        VesselProblem problem = VesselCallMapper.map(work(entries), ONE_CRANE, strict);

        // 21 + 20 t is over 40 t; 20 + 19 t twins (exactly within); 24 and 10 t differ by more than 5 t
        assertThat(problem.task(1).cycles()).extracting(CraneCycle::isTwin).containsExactly(false, false, true, false, false);
    }

    @Test
    void aRestowComesOffWithTheDischargesAndGoesBackWithTheLoads() {
        VesselProblem problem = map(List.of(forty("0020182", 1, RESTOW), forty("0020102", 2, DISCHARGE),
                forty("0020282", 3, REMAIN_ON_BOARD)));

        assertThat(problem.tasks()).extracting(VesselTask::phase)
                .containsExactly(WorkPhase.DISCHARGE_DECK, WorkPhase.DISCHARGE_HOLD, WorkPhase.LOAD_DECK);
        CraneMove back = problem.task(3).moves().getFirst();
        assertThat(back.kind()).isEqualTo(MoveKind.LOAD);
        assertThat(back.to()).isEqualTo(problem.task(1).moves().getFirst().from());
        assertThat(back.from()).isEqualTo(problem.task(1).moves().getFirst().to());
    }

    @Test
    void longPhasesAreCutIntoChainedTasks() {
        List<BayPlanEntry> entries = new ArrayList<>();
        for (int row = 1; row <= 5; row++) {
            entries.add(forty(String.format("002%02d82", row), row, DISCHARGE));
        }
        VesselWorkRules small = new VesselWorkRules(START, 1, Duration.ofSeconds(60), 2,
                VesselWorkRules.TwinLiftRule.NONE);

        VesselProblem problem = VesselCallMapper.map(work(entries), ONE_CRANE, small);

        assertThat(problem.instance().tasks()).extracting(CraneTask::processingTime).containsExactly(2, 2, 1);
        assertThat(problem.instance().precedences()).containsExactly(new Precedence(1, 2), new Precedence(2, 3));
    }

    @Test
    void cycleCountAndCraneRateGiveTheTaskTime() {
        List<BayPlanEntry> entries = new ArrayList<>();
        for (int row = 1; row <= 10; row++) {
            entries.add(forty(String.format("002%02d82", row), row, DISCHARGE));
        }
        List<CraneSetup> cranes = List.of(crane("QC01", 2, 30), crane("QC02", 10, 24));

        QcspInstance instance = VesselCallMapper.map(work(entries), cranes, RULES).instance();

        assertThat(instance.duration(1, 1)).isEqualTo(1200);
        assertThat(instance.duration(1, 2)).isEqualTo(1500);
        assertThat(instance.travelTimePerBay()).isEqualTo(60);
    }

    @Test
    void outagesBecomeUnavailabilityWindowsFromThePlanStart() {
        CraneSetup withBreak = new CraneSetup(new EquipmentId("QC01"), new VesselBay(2), START, 30, 18.0,
                List.of(new CraneSetup.Outage(START.plusSeconds(3600), START.plusSeconds(5400), Unavailability.Reason.BREAK),
                        new CraneSetup.Outage(START.minusSeconds(600), START.minusSeconds(60), Unavailability.Reason.MAINTENANCE)));

        QcspInstance instance = VesselCallMapper.map(work(List.of(forty("0020182", 1, DISCHARGE))), List.of(withBreak),
                RULES).instance();

        assertThat(instance.crane(1).unavailable())
                .containsExactly(new Unavailability(3600, 5400, Unavailability.Reason.BREAK));
        assertThat(instance.crane(1).windLimit()).isEqualTo(18.0);
    }

    @Test
    void refusesMixedFortyFootBayNumberingNamingTheSlot() {
        assertThatThrownBy(() -> map(List.of(forty("0020182", 1, DISCHARGE), forty("0080182", 2, DISCHARGE))))
                .isInstanceOf(VesselWorkException.class)
                .hasMessageContaining("slot 0080182: 40' bay 008 does not lie over the same pair of 20' bays as 40' bay 002");
    }

    @Test
    void refusesWorkMissingFromTheListsNamingEverySlot() {
        List<BayPlanEntry> entries = List.of(forty("0020182", 1, DISCHARGE), forty("0060182", 2, LOAD),
                forty("0100182", 3, LOAD));
        VesselWork complete = work(entries);
        VesselWork missing = new VesselWork(complete.call(), List.of(),
                List.of(complete.loadList().get(1), new LoadOrder(ContainerNumber.fromParts("MSC", 'U', 1), VesselCalls.yard(1))));

        assertThatThrownBy(() -> VesselCallMapper.map(missing, ONE_CRANE, RULES))
                .isInstanceOf(VesselWorkException.class)
                .satisfies(e -> assertThat(((VesselWorkException) e).problems()).containsExactlyInAnyOrder(
                        "slot 0020182: MSCU0000012 is to be discharged but is not on the discharge list",
                        "slot 0060182: MSCU0000028 is to be loaded but is not on the load list",
                        "MSCU0000012 is on the load list but the bay plan has it at slot 0020182 as DISCHARGE"));
    }

    @Test
    void aPlannedVesselGivesEachCraneItsMovesInOrder() {
        List<BayPlanEntry> entries = new ArrayList<>();
        int serial = 1;
        for (int bay = 2; bay <= 38; bay += 4) {
            for (int row = 1; row <= 3; row++) {
                entries.add(forty(String.format("%03d%02d82", bay, row), serial++, DISCHARGE));
                entries.add(forty(String.format("%03d%02d02", bay, row), serial++, DISCHARGE));
                entries.add(forty(String.format("%03d%02d04", bay, row), serial++, LOAD));
            }
        }
        VesselProblem problem = VesselCallMapper.map(work(entries),
                List.of(crane("QC01", 2, 30), crane("QC02", 18, 25), crane("QC03", 34, 35)), RULES);

        QuayCranePlanner.Plan plan = new QuayCranePlanner(Clock.systemUTC())
                .plan(problem.instance(), QuayCranePlanner.PlanLimits.of(Duration.ofMillis(500)));

        assertThat(ScheduleChecker.check(problem.instance(), plan.schedule())).isEmpty();
        List<VesselProblem.CraneWorkList> lists = problem.workLists(plan.schedule());
        assertThat(lists).extracting(VesselProblem.CraneWorkList::crane)
                .containsExactly(new EquipmentId("QC01"), new EquipmentId("QC02"), new EquipmentId("QC03"));
        assertThat(lists).flatExtracting(VesselProblem.CraneWorkList::moves).hasSize(entries.size());
        for (VesselProblem.CraneWorkList list : lists) {
            assertThat(list.moves()).isSortedAccordingTo(Comparator.comparing(VesselProblem.PlannedMove::taskStart));
        }
    }
}
