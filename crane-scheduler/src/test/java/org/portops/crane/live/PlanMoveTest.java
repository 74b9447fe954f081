package org.portops.crane.live;

import org.junit.jupiter.api.Test;
import org.portops.model.equipment.EquipmentId;
import org.portops.model.work.WorkInstruction;
import org.portops.model.work.WorkInstructionState;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How a re-plan publishes one move ({@link Replanner#planMove}): the crane loop owns the quay crane only, keeps work
 * under way where it is, and never leaves a crane more than its dispatch window of moves out.
 */
class PlanMoveTest {
    private static final Instant T0 = Instant.parse("2026-11-24T06:00:00Z");
    private static final Instant LATER = T0.plusSeconds(60);
    private static final EquipmentId QC01 = GeneratedCalls.craneId(1);
    private static final EquipmentId QC02 = GeneratedCalls.craneId(2);
    private static final EquipmentId TT07 = new EquipmentId("TT07");
    private static final Set<EquipmentId> CALL_CRANES = Set.of(QC01, QC02);

    private final WorkInstruction planned = GeneratedCalls.generate(1, "CALL1", 20, 4, 2, T0).tasks().getFirst()
            .moves().getFirst();
    private final WorkInstruction dispatched = planned.dispatch(List.of(QC01, TT07), T0);

    @Test
    void aDispatchedMoveBeyondItsNewCranesWindowIsRecalledAndItsVehicleLetGo() {
        WorkInstruction next = Replanner.planMove(dispatched, QC02, CALL_CRANES, 12, false, LATER);

        assertThat(next.state()).isEqualTo(WorkInstructionState.PLANNED);
        assertThat(next.assigned()).containsExactly(QC02);
        assertThat(dispatched.state().canGoTo(next.state())).isTrue();
    }

    @Test
    void aDispatchedMoveWithinTheWindowStaysOutWithItsVehicleOnItsNewCrane() {
        WorkInstruction next = Replanner.planMove(dispatched, QC02, CALL_CRANES, 12, true, LATER);

        assertThat(next.state()).isEqualTo(WorkInstructionState.DISPATCHED);
        assertThat(next.assigned()).containsExactly(QC02, TT07);
        assertThat(Replanner.planMove(dispatched, QC01, CALL_CRANES, dispatched.sequence(), true, LATER))
                .as("nothing changed: the same version").isSameAs(dispatched);
    }

    @Test
    void aMoveUnderWayStaysUnderWayWhereverThePlanPutsIt() {
        WorkInstruction started = dispatched.start(T0);

        WorkInstruction next = Replanner.planMove(started, QC01, CALL_CRANES, 40, false, LATER);

        assertThat(next.state()).isEqualTo(WorkInstructionState.IN_PROGRESS);
        assertThat(next.assigned()).containsExactly(QC01, TT07);
    }

    @Test
    void aPlannedMoveIsDispatchedOnlyWithinTheWindow() {
        assertThat(Replanner.planMove(planned, QC01, CALL_CRANES, 1, true, LATER).state())
                .isEqualTo(WorkInstructionState.DISPATCHED);
        assertThat(Replanner.planMove(planned, QC01, CALL_CRANES, 1, false, LATER).state())
                .isEqualTo(WorkInstructionState.PLANNED);
    }
}
