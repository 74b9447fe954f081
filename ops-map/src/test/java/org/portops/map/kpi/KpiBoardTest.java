package org.portops.map.kpi;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.portops.model.container.ContainerNumber;
import org.portops.model.container.LineOperator;
import org.portops.model.equipment.EquipmentId;
import org.portops.model.equipment.EquipmentKind;
import org.portops.model.equipment.EquipmentState;
import org.portops.model.equipment.EquipmentStatus;
import org.portops.model.equipment.Position;
import org.portops.model.equipment.Spreader;
import org.portops.model.quay.BerthId;
import org.portops.model.vessel.BayPlan;
import org.portops.model.vessel.ImoNumber;
import org.portops.model.vessel.StowageSlot;
import org.portops.model.vessel.Vessel;
import org.portops.model.vessel.VesselCall;
import org.portops.model.vessel.VesselCallId;
import org.portops.model.vessel.Voyage;
import org.portops.model.work.ExceptionReason;
import org.portops.model.work.MoveKind;
import org.portops.model.work.VesselLocation;
import org.portops.model.work.WorkInstruction;
import org.portops.model.work.WorkInstructionId;
import org.portops.model.work.YardLocation;
import org.portops.model.yard.YardSlot;

class KpiBoardTest {

    private static final Instant NOW = Instant.parse("2026-11-24T10:00:00Z");
    private static final EquipmentId QC01 = new EquipmentId("QC01");
    private static final EquipmentId QC02 = new EquipmentId("QC02");
    private static final VesselCallId CALL = new VesselCallId("CALL1");

    private final List<WorkInstruction> work = new ArrayList<>();
    private int serial;

    @Test
    void grossMovesPerHourCountEachCranesCompletedMovesOfTheLastHourOnly() {
        done(QC01, "09:10");
        done(QC01, "09:30");
        done(QC01, "09:59");
        done(QC01, "08:59");
        done(QC02, "09:45");
        open(QC01, false);

        QuayKpis kpis = KpiBoard.reckon(work, List.of(crane(QC01, EquipmentStatus.WORKING),
                crane(QC02, EquipmentStatus.WORKING)), List.of(call("10:20")), NOW);

        assertThat(kpis.cranes()).extracting(QuayKpis.CraneKpi::crane, QuayKpis.CraneKpi::moves,
                        QuayKpis.CraneKpi::movesPerHour)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("QC01", 3, 3.0),
                        org.assertj.core.groups.Tuple.tuple("QC02", 1, 1.0));
        assertThat(kpis.vessels()).singleElement().satisfies(v -> {
            assertThat(v.moves()).as("both cranes' moves of the hour").isEqualTo(4);
            assertThat(v.done()).as("every completed move of the call").isEqualTo(5);
            assertThat(v.total()).isEqualTo(6);
        });
    }

    @Test
    void aCallWhoseRemainingMovesOutlastItsDepartureIsForecastLate() {
        for (String at : List.of("09:15", "09:30", "09:45", "09:50")) {
            done(QC01, at);
        }
        open(QC01, false);
        open(QC02, true);
        cancelled(QC02);

        QuayKpis.VesselKpi late = only(KpiBoard.reckon(work, List.of(), List.of(call("10:20")), NOW));
        assertThat(late.forecastFinish()).as("2 moves left at 4 an hour").isEqualTo(Instant.parse("2026-11-24T10:30:00Z"));
        assertThat(late.late()).isTrue();
        assertThat(only(KpiBoard.reckon(work, List.of(), List.of(call("10:30")), NOW)).late())
                .as("finishing at its departure time is in time").isFalse();
    }

    @Test
    void aCallWithoutMovesInTheHourHasNoForecast() {
        done(QC01, "08:00");
        QuayKpis.VesselKpi idle = only(KpiBoard.reckon(work, List.of(), List.of(call("12:00")), NOW));
        assertThat(idle.forecastFinish()).isNull();
        assertThat(idle.late()).isFalse();
    }

    @Test
    void anIdleCraneHoldingADispatchedMoveIsWaitingForTransport() {
        WorkInstruction waitingFor = open(QC01, false);
        open(QC02, true);

        QuayKpis kpis = KpiBoard.reckon(work, List.of(crane(QC01, EquipmentStatus.IDLE),
                crane(QC02, EquipmentStatus.WORKING), crane(new EquipmentId("QC03"), EquipmentStatus.IDLE)),
                List.of(), NOW);

        assertThat(kpis.cranes()).extracting(QuayKpis.CraneKpi::crane, QuayKpis.CraneKpi::waitingForTransport,
                        QuayKpis.CraneKpi::current)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("QC01", true, waitingFor.id().value()),
                        org.assertj.core.groups.Tuple.tuple("QC02", false, "WI-1"),
                        org.assertj.core.groups.Tuple.tuple("QC03", false, null));
    }

    private static QuayKpis.VesselKpi only(QuayKpis kpis) {
        assertThat(kpis.vessels()).hasSize(1);
        return kpis.vessels().getFirst();
    }

    private WorkInstruction planned(EquipmentId crane) {
        int n = serial++;
        WorkInstruction planned = WorkInstruction.planned(new WorkInstructionId("WI-" + n),
                ContainerNumber.fromParts("MSC", 'U', 100_000 + n), MoveKind.DISCHARGE,
                new VesselLocation(CALL, StowageSlot.parse("0340282")), new YardLocation(YardSlot.of("A01", 1, 1, 1)),
                n, NOW.minus(Duration.ofHours(3)));
        return planned.dispatch(List.of(crane), NOW.minus(Duration.ofHours(2)));
    }

    private void done(EquipmentId crane, String at) {
        Instant time = Instant.parse("2026-11-24T" + at + ":00Z");
        work.add(planned(crane).start(time.minusSeconds(60)).complete(time));
    }

    private WorkInstruction open(EquipmentId crane, boolean started) {
        WorkInstruction dispatched = planned(crane);
        WorkInstruction instruction = started ? dispatched.start(NOW.minusSeconds(30)) : dispatched;
        work.add(instruction);
        return instruction;
    }

    private void cancelled(EquipmentId crane) {
        work.add(planned(crane).cancel(new ExceptionReason("PLAN", "re-planned"), NOW.minusSeconds(10)));
    }

    private static EquipmentState crane(EquipmentId id, EquipmentStatus status) {
        return new EquipmentState(id, EquipmentKind.QUAY_CRANE, new Position(100, 3), 0, 0, status,
                Spreader.UNLOCKED, null, List.of(), NOW);
    }

    private static VesselCall call(String etd) {
        return new VesselCall(CALL, new Vessel(new ImoNumber("9074729"), "TEST CARRIER", 299.9, 48, 14),
                new Voyage("001W"), new LineOperator("MSCU"), new BerthId("B1"), NOW.minus(Duration.ofHours(12)),
                NOW.minus(Duration.ofHours(10)), Instant.parse("2026-11-24T" + etd + ":00Z"), new BayPlan(List.of()));
    }
}
