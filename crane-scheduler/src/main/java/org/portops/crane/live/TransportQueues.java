package org.portops.crane.live;

import org.portops.crane.dispatch.mapping.CraneWorkQueue;
import org.portops.crane.dispatch.mapping.CraneWorkQueue.QueuedMove;
import org.portops.crane.live.CallWork.TaskId;
import org.portops.crane.live.CallWork.WorkTask;
import org.portops.model.work.WorkInstruction;
import org.portops.model.work.WorkInstructionId;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A published crane plan as transport dispatch reads it: per crane in service, its open moves in the order it does
 * them, each with its slice of its task's planned time (a task's moves take equal turns), so the dispatcher's due
 * times follow the crane sequence.
 */
final class TransportQueues {

    private TransportQueues() {
    }

    static List<CraneWorkQueue> of(LivePlan plan, CallWork work) {
        Map<TaskId, WorkTask> tasks = work.tasks().stream().collect(Collectors.toMap(WorkTask::id, Function.identity()));
        Map<WorkInstructionId, WorkInstruction> open = plan.instructionsById();
        List<CraneWorkQueue> queues = new ArrayList<>();
        for (LivePlan.CraneQueue crane : plan.cranes()) {
            List<QueuedMove> moves = new ArrayList<>();
            for (LivePlan.PlannedTask task : crane.tasks()) {
                List<WorkInstruction> taskMoves = tasks.get(task.task()).moves().stream()
                        .map(move -> open.get(move.id())).filter(Objects::nonNull).toList();
                if (taskMoves.isEmpty()) {
                    continue;
                }
                Duration turn = Duration.between(task.start(), task.end()).dividedBy(taskMoves.size());
                for (int m = 0; m < taskMoves.size(); m++) {
                    moves.add(new QueuedMove(taskMoves.get(m), task.start().plus(turn.multipliedBy(m)),
                            task.start().plus(turn.multipliedBy(m + 1))));
                }
            }
            queues.add(new CraneWorkQueue(crane.crane(), moves));
        }
        return queues;
    }
}
