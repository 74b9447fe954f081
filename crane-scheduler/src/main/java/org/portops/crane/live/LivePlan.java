package org.portops.crane.live;

import org.portops.crane.live.CallWork.TaskId;
import org.portops.model.equipment.EquipmentId;
import org.portops.model.vessel.VesselCallId;
import org.portops.model.work.WorkInstruction;
import org.portops.model.work.WorkInstructionId;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A published crane plan of a vessel call: each active crane's task queue with planned times (started and
 * overridden work first, pinned), and every open work instruction as published (crane, sequence, state).
 */
public record LivePlan(VesselCallId call, long version, Instant publishedAt, String score, Instant completion,
                       List<CraneQueue> cranes, List<WorkInstruction> instructions) {

    public LivePlan {
        cranes = List.copyOf(cranes);
        instructions = List.copyOf(instructions);
    }

    /** One crane's tasks in the order it does them. */
    public record CraneQueue(EquipmentId crane, List<PlannedTask> tasks) {
        public CraneQueue {
            tasks = List.copyOf(tasks);
        }

        public List<TaskId> taskIds() {
            return tasks.stream().map(PlannedTask::task).toList();
        }
    }

    /** A task in a crane's queue, when it is planned to run, and whether the re-plan had to keep it in place. */
    public record PlannedTask(TaskId task, int bay, Instant start, Instant end, boolean pinned) {
    }

    public Optional<WorkInstruction> instruction(WorkInstructionId id) {
        return instructions.stream().filter(instruction -> instruction.id().equals(id)).findFirst();
    }

    public Map<WorkInstructionId, WorkInstruction> instructionsById() {
        return instructions.stream().collect(Collectors.toMap(WorkInstruction::id, Function.identity()));
    }

    /** The crane each planned task is on. */
    public Map<TaskId, EquipmentId> craneByTask() {
        return cranes.stream().flatMap(queue -> queue.tasks().stream().map(task -> Map.entry(task.task(), queue.crane())))
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }
}
