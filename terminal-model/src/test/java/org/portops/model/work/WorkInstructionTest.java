package org.portops.model.work;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.portops.model.container.ContainerNumber;
import org.portops.model.equipment.EquipmentId;

class WorkInstructionTest {

    private static final Instant T0 = Instant.parse("2026-11-24T06:00:00Z");
    private static final List<EquipmentId> MACHINES = List.of(new EquipmentId("QC01"), new EquipmentId("TT042"));

    private static WorkInstruction planned() {
        return WorkInstruction.planned(new WorkInstructionId("WI-7"), new ContainerNumber("CSQU3054383"),
                MoveKind.DISCHARGE, Location.parse("vessel:CALL1/0340282"), Location.parse("yard:A01-05-03-2"), 7, T0);
    }

    @Test
    void aDischargeGoesThroughItsHappyPath() {
        WorkInstruction done = planned().dispatch(MACHINES, T0.plusSeconds(1)).start(T0.plusSeconds(2))
                .complete(T0.plusSeconds(3));

        assertThat(done.state()).isEqualTo(WorkInstructionState.DONE);
        assertThat(done.assigned()).isEqualTo(MACHINES);
        assertThat(done.exception()).isNull();
        assertThat(done.updatedAt()).isEqualTo(T0.plusSeconds(3));
        assertThat(done.sequence()).isEqualTo(7);
    }

    @Test
    void suspensionKeepsTheReasonUntilResumed() {
        ExceptionReason reason = new ExceptionReason("SEAL_BROKEN", "seal 12345 missing");
        WorkInstruction suspended = planned().dispatch(MACHINES, T0).start(T0).suspend(reason, T0);

        assertThat(suspended.exception()).isEqualTo(reason);
        assertThat(suspended.assigned()).isEqualTo(MACHINES);
        WorkInstruction resumed = suspended.dispatch(MACHINES, T0.plusSeconds(5));
        assertThat(resumed.exception()).isNull();
        assertThat(resumed.state()).isEqualTo(WorkInstructionState.DISPATCHED);
    }

    @Test
    void recallUnassignsTheMachines() {
        WorkInstruction recalled = planned().dispatch(MACHINES, T0).recall(T0);

        assertThat(recalled.state()).isEqualTo(WorkInstructionState.PLANNED);
        assertThat(recalled.assigned()).isEmpty();
    }

    @Test
    void failureRecordsTheReason() {
        WorkInstruction failed = planned().dispatch(MACHINES, T0).start(T0).fail(ExceptionReason.of("NOT_FOUND"), T0);

        assertThat(failed.exception()).hasToString("NOT_FOUND");
        assertThat(failed.state().isTerminal()).isTrue();
    }

    @Test
    void refusesDispatchToNobodyAndMissingReasons() {
        assertThatThrownBy(() -> planned().dispatch(List.of(), T0)).hasMessageContaining("at least one machine");
        assertThatThrownBy(() -> planned().dispatch(MACHINES, T0).suspend(null, T0))
                .hasMessage("suspension reason must not be null");
    }

    @Test
    void refusesAMoveThatGoesNowhere() {
        Location here = Location.parse("yard:A01-05-03-2");
        assertThatThrownBy(() -> WorkInstruction.planned(new WorkInstructionId("WI-8"), new ContainerNumber("CSQU3054383"),
                MoveKind.YARD_SHIFT, here, here, 1, T0)).hasMessageContaining("must move somewhere");
    }

    @Test
    void refusesBadExceptionCodes() {
        assertThatThrownBy(() -> new ExceptionReason("damaged", "")).hasMessageContaining("exception code must be");
    }

    @Test
    void assignedListIsACopy() {
        List<EquipmentId> machines = new ArrayList<>(MACHINES);
        WorkInstruction dispatched = planned().dispatch(machines, T0);
        machines.clear();

        assertThat(dispatched.assigned()).hasSize(2);
    }
}
