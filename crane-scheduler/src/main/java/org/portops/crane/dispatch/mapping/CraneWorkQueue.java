package org.portops.crane.dispatch.mapping;

import org.portops.model.equipment.EquipmentId;
import org.portops.model.work.MoveKind;
import org.portops.model.work.WorkInstruction;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * One quay crane's work as its planner published it: its moves in the order it does them, each with the planned start
 * and end of its crane cycle. Moves already done may stay in the queue: the last done one tells how far behind plan
 * the crane is. The quay-crane planner's output is adapted to this record, so the transport mapping does not depend on
 * how the crane plan is modelled.
 */
public record CraneWorkQueue(EquipmentId crane, List<QueuedMove> moves) {

    public CraneWorkQueue {
        if (crane == null) {
            throw new IllegalArgumentException("crane of a crane work queue must be given");
        }
        moves = List.copyOf(moves);
        List<String> problems = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < moves.size(); i++) {
            QueuedMove move = moves.get(i);
            if (!seen.add(move.instruction().id().value())) {
                problems.add("move " + move.instruction().id() + " is queued twice");
            }
            if (i > 0 && move.plannedStart().isBefore(moves.get(i - 1).plannedStart())) {
                problems.add("move " + move.instruction().id() + " starts at " + move.plannedStart()
                        + ", before the move queued ahead of it (" + moves.get(i - 1).plannedStart() + ")");
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("work queue of " + crane + ": " + String.join("; ", problems));
        }
    }

    /**
     * A crane move: its work instruction (as live state has it, or as the crane planner is about to create it) and
     * when the crane's cycle for it is planned to start (it lifts the box) and end (it has set the box down).
     */
    public record QueuedMove(WorkInstruction instruction, Instant plannedStart, Instant plannedEnd) {
        public QueuedMove {
            if (instruction == null || plannedStart == null || plannedEnd == null) {
                throw new IllegalArgumentException("a queued crane move needs its instruction and planned start and end");
            }
            if (instruction.kind() != MoveKind.DISCHARGE && instruction.kind() != MoveKind.LOAD) {
                throw new IllegalArgumentException("queued crane move " + instruction.id() + " must be a discharge or a "
                        + "load, was " + instruction.kind());
            }
            if (plannedEnd.isBefore(plannedStart)) {
                throw new IllegalArgumentException("queued crane move " + instruction.id() + " ends at " + plannedEnd
                        + ", before it starts at " + plannedStart);
            }
        }
    }
}
