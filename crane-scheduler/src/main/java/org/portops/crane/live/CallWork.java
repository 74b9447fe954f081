package org.portops.crane.live;

import org.portops.model.equipment.EquipmentId;
import org.portops.model.vessel.VesselCallId;
import org.portops.model.work.WorkInstruction;
import org.portops.model.work.WorkInstructionId;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The quay-crane planning problem of one vessel call: its work grouped into crane tasks (the moves of one bay, one
 * direction, deck or hold, done by one crane without a break), the order rules between tasks, and the cranes the
 * call has, in quay order. Times in seconds. Whoever maps a bay plan to tasks supplies it ({@link CallWorkSource}).
 */
public record CallWork(VesselCallId call, int bays, int secondsPerBay, int safetyMargin, List<WorkTask> tasks,
                       List<TaskOrder> orders, List<CraneAtBay> cranes) {

    public CallWork {
        tasks = List.copyOf(tasks);
        orders = List.copyOf(orders);
        cranes = List.copyOf(cranes);
        List<String> problems = new ArrayList<>();
        Set<TaskId> ids = new HashSet<>();
        Set<WorkInstructionId> moves = new HashSet<>();
        for (WorkTask task : tasks) {
            if (!ids.add(task.id())) {
                problems.add("task " + task.id() + " appears twice");
            }
            if (task.bay() > bays) {
                problems.add("task " + task.id() + ": bay " + task.bay() + " is beyond the vessel's " + bays + " bays");
            }
            task.moves().forEach(move -> {
                if (!moves.add(move.id())) {
                    problems.add("instruction " + move.id() + " is in more than one task");
                }
            });
        }
        for (TaskOrder order : orders) {
            if (!ids.contains(order.before()) || !ids.contains(order.after())) {
                problems.add("order " + order.before() + " before " + order.after() + " names a task the call has not");
            }
        }
        Set<EquipmentId> craneIds = new HashSet<>();
        for (int k = 0; k < cranes.size(); k++) {
            if (!craneIds.add(cranes.get(k).crane())) {
                problems.add("crane " + cranes.get(k).crane() + " appears twice");
            }
            if (k > 0 && cranes.get(k).bay() <= cranes.get(k - 1).bay()) {
                problems.add("cranes must be listed in quay order: " + cranes.get(k).crane() + " at bay "
                        + cranes.get(k).bay() + " follows " + cranes.get(k - 1).crane() + " at bay " + cranes.get(k - 1).bay());
            }
        }
        if (bays < 1 || secondsPerBay < 0 || safetyMargin < 0) {
            problems.add("needs bays 1 or more, travel and safety margin 0 or more, was " + bays + ", " + secondsPerBay
                    + ", " + safetyMargin);
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("work of vessel call " + call + ": " + String.join("; ", problems));
        }
    }

    /**
     * The same work for other cranes (the crane split's), in quay order, spread along the vessel each its safety
     * margin clear of the next, as the bay-plan mapping places them.
     */
    public CallWork withCranes(List<EquipmentId> quayOrder) {
        int n = quayOrder.size();
        int span = Math.max(bays, (n - 1) * (safetyMargin + 1) + 1) - 1;
        List<CraneAtBay> spread = new ArrayList<>();
        for (int k = 0; k < n; k++) {
            spread.add(new CraneAtBay(quayOrder.get(k), n == 1 ? 1 : 1 + k * span / (n - 1)));
        }
        return new CallWork(call, bays, secondsPerBay, safetyMargin, tasks, orders, spread);
    }

    /** A crane task: the moves of one bay done by one crane without a break, in order, each taking the same time. */
    public record WorkTask(TaskId id, int bay, int secondsPerMove, List<WorkInstruction> moves) {
        public WorkTask {
            moves = List.copyOf(moves);
            if (bay < 1 || secondsPerMove < 1 || moves.isEmpty() || moves.size() > Replanner.MOVES_PER_TASK) {
                throw new IllegalArgumentException("task " + id + " needs a bay and seconds per move of 1 or more and 1.."
                        + Replanner.MOVES_PER_TASK + " moves, was bay " + bay + ", " + secondsPerMove + " s, "
                        + moves.size() + " moves");
            }
        }
    }

    /** A task's id within its call, e.g. {@code B034-DIS-HOLD}. */
    public record TaskId(String value) {
        public TaskId {
            if (value == null || value.isBlank()) {
                throw new IllegalArgumentException("task id must not be blank");
            }
        }

        @Override
        public String toString() {
            return value;
        }
    }

    /** Task {@code before} ends before task {@code after} starts (deck before hold on discharge, and so on). */
    public record TaskOrder(TaskId before, TaskId after) {
    }

    /** A quay crane working the call and the vessel bay it stands at. */
    public record CraneAtBay(EquipmentId crane, int bay) {
        public CraneAtBay {
            if (crane == null || bay < 1) {
                throw new IllegalArgumentException("crane at bay needs a crane and a bay 1 or more, was " + crane + " at " + bay);
            }
        }
    }
}
