package org.portops.crane.live;

import org.portops.crane.live.CallWork.TaskId;
import org.portops.model.equipment.EquipmentId;
import org.portops.model.work.WorkInstruction;
import org.portops.model.work.WorkInstructionId;

import java.util.List;
import java.util.Map;

/**
 * What a new plan changed against the last published one: tasks that changed crane, and the work instruction versions
 * to publish, in order (crane, sequence or state changed).
 */
public record PlanDiff(List<TaskMove> taskMoves, List<WorkInstruction> changed,
                       Map<WorkInstructionId, EquipmentId> previousMachines) {

    /** {@code previousMachines}: the machine each changed instruction had in live state before, if any. */
    public PlanDiff {
        taskMoves = List.copyOf(taskMoves);
        changed = List.copyOf(changed);
        previousMachines = Map.copyOf(previousMachines);
    }

    /**
     * A task that left crane {@code from} (null: new to the plan) for crane {@code to} (null: out of the plan).
     * {@code forced} when its crane left the call, so the move was no choice of the planner.
     */
    public record TaskMove(TaskId task, EquipmentId from, EquipmentId to, int openMoves, boolean forced) {
        public boolean isReassignment() {
            return from != null && to != null;
        }
    }

    /** Planned work the planner chose to move from one crane to another: what the churn figure counts. */
    public long voluntaryReassignments() {
        return taskMoves.stream().filter(move -> move.isReassignment() && !move.forced()).count();
    }

    public long forcedReassignments() {
        return taskMoves.stream().filter(move -> move.isReassignment() && move.forced()).count();
    }
}
