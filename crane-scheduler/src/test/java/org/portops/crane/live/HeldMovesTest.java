package org.portops.crane.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.portops.model.equipment.EquipmentId;
import org.portops.model.work.ExceptionReason;
import org.portops.model.work.WorkInstruction;
import org.portops.model.work.WorkInstructionState;
import org.portops.state.hold.ContainerHold;
import org.portops.state.hold.HoldKind;

/** What the publisher writes for a move given its container's holds. */
class HeldMovesTest {

    private static final Instant T0 = Instant.parse("2026-11-24T06:00:00Z");
    private static final EquipmentId QC01 = new EquipmentId("QC01");
    private static final EquipmentId TT07 = new EquipmentId("TT07");
    private static final Set<EquipmentId> CALL_CRANES = Set.of(QC01);

    private final WorkInstruction planned = GeneratedCalls.generate(1, "CALL1", 20, 4, 2, T0).tasks().getFirst()
            .moves().getFirst();
    private final WorkInstruction dispatched = planned.dispatch(List.of(QC01, TT07), T0);
    private final List<ContainerHold> customs = List.of(
            new ContainerHold(planned.container(), HoldKind.CUSTOMS, "x-ray", "customs.eva", T0),
            new ContainerHold(planned.container(), HoldKind.TERMINAL, "seal broken", "sam", T0));

    @Test
    void aDispatchOfAHeldBoxStaysPlannedOnItsCraneWithEveryHoldsReason() {
        WorkInstruction kept = HeldMoves.respecting(dispatched, customs, CALL_CRANES);

        assertThat(kept.state()).isEqualTo(WorkInstructionState.PLANNED);
        assertThat(kept.assigned()).as("the vehicle is let go, the crane kept").containsExactly(QC01);
        assertThat(kept.exception()).isEqualTo(new ExceptionReason("HELD",
                "x-ray (customs hold by customs.eva); seal broken (terminal hold by sam)"));
        assertThat(kept.sequence()).isEqualTo(dispatched.sequence());
        assertThat(kept.updatedAt()).isEqualTo(dispatched.updatedAt());
    }

    @Test
    void aFreeBoxIsWrittenAsPlanned() {
        assertThat(HeldMoves.respecting(dispatched, List.of(), CALL_CRANES)).isSameAs(dispatched);
        assertThat(HeldMoves.mayConcern(planned)).as("a plain PLANNED move needs no look at the holds").isFalse();
        assertThat(HeldMoves.respecting(planned, customs, CALL_CRANES)).isSameAs(planned);
    }

    @Test
    void aReleasedMoveLosesItsMark() {
        WorkInstruction marked = HeldMoves.respecting(dispatched, customs, CALL_CRANES);
        assertThat(HeldMoves.mayConcern(marked)).isTrue();

        WorkInstruction released = HeldMoves.respecting(marked, List.of(), CALL_CRANES);

        assertThat(released.exception()).isNull();
        assertThat(released.state()).isEqualTo(WorkInstructionState.PLANNED);
        assertThat(released.assigned()).containsExactly(QC01);
    }

    @Test
    void aDriversExceptionOnAPlannedMoveIsNotAHoldsMark() {
        WorkInstruction flagged = new WorkInstruction(planned.id(), planned.container(), planned.kind(),
                planned.from(), planned.to(), List.of(QC01), 0, WorkInstructionState.PLANNED,
                ExceptionReason.of("DAMAGED"), T0, null);

        assertThat(HeldMoves.mayConcern(flagged)).isFalse();
        assertThat(HeldMoves.respecting(flagged, List.of(), CALL_CRANES)).isSameAs(flagged);
    }
}
