package org.portops.model.work;

import java.time.Instant;
import java.util.List;
import org.portops.model.Validation;
import org.portops.model.container.ContainerNumber;
import org.portops.model.equipment.EquipmentId;

/**
 * One container move from a location to a location, with the machines assigned, its place in the sequence, its
 * state and, where a driver or the system flagged one, the exception reason. Immutable: each transition method
 * returns the next version or throws {@link IllegalTransitionException} when the state machine of
 * {@link WorkInstructionState} does not allow it.
 *
 * <p>{@code twinWith} names the other move of a twin lift (two 20' containers of one 40' position lifted together
 * by one crane cycle), null for a single lift; the crane driver must know to set the spreader to twin.
 */
public record WorkInstruction(WorkInstructionId id, ContainerNumber container, MoveKind kind, Location from,
                              Location to, List<EquipmentId> assigned, long sequence, WorkInstructionState state,
                              ExceptionReason exception, Instant updatedAt, WorkInstructionId twinWith) {

    public WorkInstruction {
        Validation.notNull(id, "work instruction id");
        Validation.notNull(container, "container of " + id);
        Validation.notNull(kind, "move kind of " + id);
        Validation.notNull(from, "from location of " + id);
        Validation.notNull(to, "to location of " + id);
        if (from.equals(to)) {
            throw new IllegalArgumentException("work instruction " + id + " must move somewhere, from and to are "
                    + from);
        }
        assigned = List.copyOf(Validation.notNull(assigned, "assigned equipment of " + id));
        if (sequence < 0) {
            throw new IllegalArgumentException("sequence of " + id + " must be >= 0, was " + sequence);
        }
        Validation.notNull(state, "state of " + id);
        Validation.notNull(updatedAt, "update time of " + id);
        if (id.equals(twinWith)) {
            throw new IllegalArgumentException("work instruction " + id + " cannot be its own twin");
        }
    }

    /** A single lift: no twin partner. */
    public WorkInstruction(WorkInstructionId id, ContainerNumber container, MoveKind kind, Location from, Location to,
                           List<EquipmentId> assigned, long sequence, WorkInstructionState state,
                           ExceptionReason exception, Instant updatedAt) {
        this(id, container, kind, from, to, assigned, sequence, state, exception, updatedAt, null);
    }

    /** This version lifted together with {@code partner} (null: a single lift). */
    public WorkInstruction withTwin(WorkInstructionId partner) {
        return new WorkInstruction(id, container, kind, from, to, assigned, sequence, state, exception, updatedAt,
                partner);
    }

    /** A new instruction in state PLANNED, nothing assigned. */
    public static WorkInstruction planned(WorkInstructionId id, ContainerNumber container, MoveKind kind,
                                          Location from, Location to, long sequence, Instant at) {
        return new WorkInstruction(id, container, kind, from, to, List.of(), sequence, WorkInstructionState.PLANNED,
                null, at);
    }

    /** To DISPATCHED with these machines; clears an earlier exception. */
    public WorkInstruction dispatch(List<EquipmentId> equipment, Instant at) {
        Validation.notNull(equipment, "equipment");
        if (equipment.isEmpty()) {
            throw new IllegalArgumentException("work instruction " + id + " must be dispatched to at least one machine");
        }
        return moveTo(WorkInstructionState.DISPATCHED, equipment, null, at);
    }

    /** To IN_PROGRESS: the machine has picked the job up. */
    public WorkInstruction start(Instant at) {
        return moveTo(WorkInstructionState.IN_PROGRESS, assigned, null, at);
    }

    /** To DONE: the container is at {@code to}. */
    public WorkInstruction complete(Instant at) {
        return moveTo(WorkInstructionState.DONE, assigned, null, at);
    }

    /** To FAILED, with the reason. */
    public WorkInstruction fail(ExceptionReason reason, Instant at) {
        return moveTo(WorkInstructionState.FAILED, assigned, Validation.notNull(reason, "failure reason"), at);
    }

    /** To SUSPENDED, with the reason; keeps the assignment so it can be resumed. */
    public WorkInstruction suspend(ExceptionReason reason, Instant at) {
        return moveTo(WorkInstructionState.SUSPENDED, assigned, Validation.notNull(reason, "suspension reason"), at);
    }

    /** Back to PLANNED, unassigned: the dispatcher took it back from the machine. */
    public WorkInstruction recall(Instant at) {
        return moveTo(WorkInstructionState.PLANNED, List.of(), null, at);
    }

    /** To CANCELLED; {@code reason} may be null when the plan simply no longer needs the move. */
    public WorkInstruction cancel(ExceptionReason reason, Instant at) {
        return moveTo(WorkInstructionState.CANCELLED, assigned, reason, at);
    }

    private WorkInstruction moveTo(WorkInstructionState target, List<EquipmentId> equipment,
                                   ExceptionReason reason, Instant at) {
        if (!state.canGoTo(target)) {
            throw new IllegalTransitionException(id, state, target);
        }
        return new WorkInstruction(id, container, kind, from, to, equipment, sequence, target, reason,
                Validation.notNull(at, "transition time"), twinWith);
    }
}
