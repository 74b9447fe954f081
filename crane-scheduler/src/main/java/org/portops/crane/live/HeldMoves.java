package org.portops.crane.live;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.portops.model.equipment.EquipmentId;
import org.portops.model.work.ExceptionReason;
import org.portops.model.work.WorkInstruction;
import org.portops.model.work.WorkInstructionState;
import org.portops.state.hold.ContainerHold;

/**
 * A held container's move is not dispatched: the version the plan would send out stays PLANNED on its crane, marked
 * {@code HELD} with the holds' reasons (what the machine panel and the plan's explanation show); once no hold is
 * left, the mark goes and the plan's own version is written. Holds are the gate's ({@code container_holds}).
 */
final class HeldMoves {

    /** The exception code of a move kept back by a hold. */
    static final String HELD = "HELD";

    private HeldMoves() {
    }

    /** Whether the holds of {@code version}'s container must be read before it is written. */
    static boolean mayConcern(WorkInstruction version) {
        return version.state() == WorkInstructionState.DISPATCHED || isMarked(version);
    }

    static boolean isMarked(WorkInstruction version) {
        return version.state() == WorkInstructionState.PLANNED && version.exception() != null
                && HELD.equals(version.exception().code());
    }

    /**
     * The version to write given the container's active holds: a dispatch of a held container stays PLANNED with
     * only its quay crane (a vehicle named for it is let go, as at a recall); a move no longer held loses its mark.
     */
    static WorkInstruction respecting(WorkInstruction version, List<ContainerHold> holds, Set<EquipmentId> callCranes) {
        if (holds.isEmpty()) {
            return isMarked(version) ? with(version, version.assigned(), null) : version;
        }
        if (version.state() != WorkInstructionState.DISPATCHED && !isMarked(version)) {
            return version;
        }
        List<EquipmentId> crane = version.assigned().stream().filter(callCranes::contains).limit(1).toList();
        String reasons = holds.stream().map(hold -> hold.reason() + " (" + hold.kind().name().toLowerCase()
                + " hold by " + hold.placedBy() + ")").collect(Collectors.joining("; "));
        return with(version, crane, new ExceptionReason(HELD, reasons));
    }

    private static WorkInstruction with(WorkInstruction version, List<EquipmentId> assigned, ExceptionReason mark) {
        return new WorkInstruction(version.id(), version.container(), version.kind(), version.from(), version.to(),
                assigned, version.sequence(), WorkInstructionState.PLANNED, mark, version.updatedAt(),
                version.twinWith());
    }
}
