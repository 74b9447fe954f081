package org.portops.crane.live;

import org.portops.crane.live.CallWork.CraneAtBay;
import org.portops.crane.live.CallWork.TaskId;
import org.portops.crane.live.CallWork.WorkTask;
import org.portops.model.equipment.EquipmentId;
import org.portops.model.work.ExceptionReason;
import org.portops.model.work.WorkInstruction;
import org.portops.model.work.WorkInstructionId;
import org.portops.model.work.WorkInstructionState;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What the live scheduler knows of one vessel call between plans: its tasks and the current version of every move,
 * the cranes in service in quay order and where they stand, the last published queue of each crane, the tasks each
 * crane has finished (so sequence numbers stay put as work completes) and the operators' overrides. Mutable, and
 * confined to the scheduler's thread.
 */
final class CallState {
    private CallWork work;
    private final Map<TaskId, WorkTask> tasks = new LinkedHashMap<>();
    private final Map<WorkInstructionId, TaskId> taskOf = new HashMap<>();
    private final Map<WorkInstructionId, WorkInstruction> moves = new HashMap<>();
    private final Map<WorkInstructionId, WorkInstruction> live = new HashMap<>();
    private final List<CraneAtBay> active = new ArrayList<>();
    private final Set<EquipmentId> out = new HashSet<>();
    /** Cranes in service for the call that wait to join: their place would cut a neighbour's move in progress off. */
    private final Set<EquipmentId> waiting = new HashSet<>();
    /** Every quay crane the call has had: the loop owns these in an instruction's machines. */
    private final Set<EquipmentId> owned = new HashSet<>();
    /**
     * Cranes the crane split took off the call that still hold work in hand: they stay in quay order, with only that
     * work, and leave once it is done ({@link #leaveFinished}).
     */
    private final Set<EquipmentId> finishing = new HashSet<>();
    private final Map<EquipmentId, Integer> standsAt = new HashMap<>();
    private final Map<EquipmentId, List<TaskId>> queues = new HashMap<>();
    private final Map<EquipmentId, Integer> finishedTasks = new HashMap<>();
    private final Map<EquipmentId, List<TaskId>> overrides = new HashMap<>();

    CallState(CallWork work) {
        this.work = work;
        addTasks(work.tasks());
        active.addAll(work.cranes());
        work.cranes().forEach(crane -> standsAt.put(crane.crane(), crane.bay()));
        work.cranes().forEach(crane -> owned.add(crane.crane()));
    }

    /** Every quay crane the call has had, in service or not, now or before the crane split moved it. */
    Set<EquipmentId> ownedCranes() {
        return Set.copyOf(owned);
    }

    CallWork work() {
        return work;
    }

    List<CraneAtBay> active() {
        return List.copyOf(active);
    }

    boolean isActive(EquipmentId crane) {
        return active.stream().anyMatch(c -> c.crane().equals(crane));
    }

    /** Whether the crane split took the crane off the call and it is finishing the work in its hands first. */
    boolean isFinishing(EquipmentId crane) {
        return finishing.contains(crane);
    }

    Set<EquipmentId> finishing() {
        return Set.copyOf(finishing);
    }

    /**
     * Whether a move is in the crane's hands, so a crane the split takes off the call finishes it before it goes: the
     * box is on its spreader (in progress), or transport dispatch sent a vehicle to it (dispatched with a machine
     * that is not one of the call's quay cranes named) — the rule that keeps such a move pinned to its crane.
     */
    boolean inHand(WorkInstruction move, EquipmentId crane) {
        if (move.assigned().isEmpty() || !move.assigned().getFirst().equals(crane)) {
            return false;
        }
        return move.state() == WorkInstructionState.IN_PROGRESS || (move.state() == WorkInstructionState.DISPATCHED
                && move.assigned().stream().anyMatch(machine -> !owned.contains(machine)));
    }

    private boolean holdsWork(EquipmentId crane) {
        return moves.values().stream().anyMatch(move -> inHand(move, crane));
    }

    /** The open moves of a task in the crane's hands. */
    int inHandMoves(WorkTask task, EquipmentId crane) {
        return (int) task.moves().stream().filter(move -> inHand(moves.get(move.id()), crane)).count();
    }

    /**
     * Finishing cranes whose work in hand is done (or went to another crane) leave the call; returns whether any did.
     */
    boolean leaveFinished(Instant at) {
        List<EquipmentId> done = finishing.stream().filter(crane -> !holdsWork(crane)).toList();
        for (EquipmentId crane : done) {
            finishing.remove(crane);
            active.removeIf(c -> c.crane().equals(crane));
            release(crane, new ExceptionReason("CRANE_SPLIT", crane + " moved to another vessel call"), at);
        }
        return !done.isEmpty();
    }

    /** Whether a crane in service that is not leaving the call can work the bay with its neighbours' room kept. */
    boolean reachableByStaying(int bay) {
        for (int k = 0; k < active.size(); k++) {
            if (!finishing.contains(active.get(k).crane()) && reaches(k + 1, bay)) {
                return true;
            }
        }
        return false;
    }

    /**
     * While cranes leaving the call still stand on the rail, work that no staying crane can reach waits for them to
     * go: its moves dispatched to a staying crane are recalled (a move in progress is never: its crane reaches it).
     */
    void recallUnreachable(Instant at) {
        if (finishing.isEmpty()) {
            return;
        }
        for (WorkTask task : remainingTasks()) {
            if (inProgressOn(task).isPresent() || reachableByStaying(task.bay())) {
                continue;
            }
            for (WorkInstruction move : task.moves()) {
                WorkInstruction current = moves.get(move.id());
                if (current.state() == WorkInstructionState.DISPATCHED
                        && !finishing.contains(current.assigned().getFirst())) {
                    update(current.recall(at));
                }
            }
        }
    }

    /** 1-based position of an active crane along the quay. */
    int craneNumber(EquipmentId crane) {
        for (int k = 0; k < active.size(); k++) {
            if (active.get(k).crane().equals(crane)) {
                return k + 1;
            }
        }
        throw new IllegalArgumentException("crane " + crane + " is not in service on " + work.call());
    }

    /** Whether the active crane at position {@code number} can work {@code bay} with its neighbours' room kept. */
    boolean reaches(int number, int bay) {
        int clearance = work.safetyMargin() + 1;
        return bay >= 1 + (number - 1) * clearance && bay <= work.bays() - (active.size() - number) * clearance;
    }

    Optional<WorkInstruction> move(WorkInstructionId id) {
        return Optional.ofNullable(moves.get(id));
    }

    WorkTask taskOf(WorkInstructionId id) {
        return tasks.get(taskOf.get(id));
    }

    WorkInstruction current(WorkInstruction template) {
        return moves.get(template.id());
    }

    /** A version the scheduler made (suspended, recalled, cancelled): live state has yet to get it. */
    void update(WorkInstruction move) {
        moves.put(move.id(), move);
    }

    /** A version live state has: reported by a machine, or published by the scheduler. */
    void observed(WorkInstruction move) {
        moves.put(move.id(), move);
        live.put(move.id(), move);
    }

    /**
     * A version transport dispatch wrote (a vehicle named, a planned move dispatched as its vehicle's next job): taken
     * as the move's current one unless the scheduler has a newer version of its own, one live state has yet to get, or
     * one on another crane (a version from before the loop moved it). Returns whether it was taken.
     */
    boolean heard(WorkInstruction fact) {
        WorkInstruction mine = moves.get(fact.id());
        if (mine == null || !releasable(mine) || !releasable(fact) || fact.equals(mine)) {
            return false;
        }
        boolean ownPending = !mine.equals(live.get(fact.id()));
        boolean older = fact.updatedAt().isBefore(mine.updatedAt());
        boolean otherCrane = !mine.assigned().isEmpty() && !fact.assigned().isEmpty()
                && !fact.assigned().getFirst().equals(mine.assigned().getFirst());
        if (ownPending || older || otherCrane) {
            return false;
        }
        observed(fact);
        return true;
    }

    private static boolean releasable(WorkInstruction move) {
        return move.state() == WorkInstructionState.PLANNED || move.state() == WorkInstructionState.DISPATCHED;
    }

    /** The version live state has, empty when it has none yet. */
    Optional<WorkInstruction> live(WorkInstructionId id) {
        return Optional.ofNullable(live.get(id));
    }

    /**
     * Versions the scheduler made since live state last heard of a move (suspended, recalled, cancelled): published
     * before the move's next plan version, so live state sees every step of its state machine.
     */
    List<WorkInstruction> unpublished() {
        return moves.values().stream()
                .filter(move -> live.containsKey(move.id()) ? !move.equals(live.get(move.id())) : move.state().isTerminal())
                .toList();
    }

    List<WorkInstructionId> openMoveIds() {
        return moves.values().stream().filter(move -> !move.state().isTerminal()).map(WorkInstruction::id).sorted(
                Comparator.comparing(WorkInstructionId::value)).toList();
    }

    WorkTask task(TaskId id) {
        return tasks.get(id);
    }

    /** Tasks with at least one open move, in the call's task order. */
    List<WorkTask> remainingTasks() {
        return tasks.values().stream().filter(task -> openMoves(task) > 0).toList();
    }

    int openMoves(WorkTask task) {
        return (int) task.moves().stream().filter(move -> !moves.get(move.id()).state().isTerminal()).count();
    }

    /**
     * The crane a task is under way on: the crane of a dispatched or in-progress move, else of its last done move;
     * empty when none of its moves has left PLANNED (or its crane was taken off it).
     */
    Optional<EquipmentId> startedOn(WorkTask task) {
        Optional<EquipmentId> working = task.moves().stream().map(move -> moves.get(move.id()))
                .filter(move -> move.state() == WorkInstructionState.DISPATCHED
                        || move.state() == WorkInstructionState.IN_PROGRESS)
                .filter(move -> !move.assigned().isEmpty())
                .map(move -> move.assigned().getFirst()).findFirst();
        if (working.isPresent()) {
            return working;
        }
        return task.moves().stream().map(move -> moves.get(move.id()))
                .filter(move -> move.state() == WorkInstructionState.DONE && !move.assigned().isEmpty())
                .max(Comparator.comparing(WorkInstruction::updatedAt))
                .map(move -> move.assigned().getFirst());
    }

    /** The crane a move of the task is in progress on: its box is on that crane, so the task stays there. */
    Optional<EquipmentId> inProgressOn(WorkTask task) {
        return task.moves().stream().map(move -> moves.get(move.id()))
                .filter(move -> move.state() == WorkInstructionState.IN_PROGRESS && !move.assigned().isEmpty())
                .map(move -> move.assigned().getFirst()).findFirst();
    }

    /**
     * Whether cranes in this quay order leave every move in progress within its crane's reach (a crane joining
     * between two others narrows their reach, and a crane cannot hand over the box on its spreader).
     */
    private boolean fits(List<CraneAtBay> order) {
        int clearance = work.safetyMargin() + 1;
        for (WorkTask task : tasks.values()) {
            Optional<EquipmentId> on = inProgressOn(task);
            for (int k = 0; k < order.size() && on.isPresent(); k++) {
                if (order.get(k).crane().equals(on.get()) && (task.bay() < 1 + k * clearance
                        || task.bay() > work.bays() - (order.size() - 1 - k) * clearance)) {
                    return false;
                }
            }
        }
        return true;
    }

    /** A crane waiting to join goes out of service again before it joined. */
    void waitingOut(EquipmentId crane) {
        waiting.remove(crane);
        out.add(crane);
    }

    /** No crane has a queue yet: nothing was planned. */
    boolean queuesEmpty() {
        return queues.values().stream().allMatch(List::isEmpty);
    }

    List<TaskId> queue(EquipmentId crane) {
        return List.copyOf(queues.getOrDefault(crane, List.of()));
    }

    void setQueue(EquipmentId crane, List<TaskId> queue) {
        queues.put(crane, new ArrayList<>(queue));
    }

    int finishedTasks(EquipmentId crane) {
        return finishedTasks.getOrDefault(crane, 0);
    }

    /** A task's last move is done: it leaves its crane's queue, and the crane's later tasks keep their numbers. */
    void taskFinished(EquipmentId crane, TaskId task) {
        if (queues.getOrDefault(crane, new ArrayList<>()).remove(task)) {
            finishedTasks.merge(crane, 1, Integer::sum);
        }
        overrides.values().forEach(list -> list.remove(task));
    }

    int standsAt(EquipmentId crane) {
        return standsAt.get(crane);
    }

    void setStandsAt(EquipmentId crane, int bay) {
        standsAt.put(crane, bay);
    }

    List<TaskId> overrides(EquipmentId crane) {
        return overrides.getOrDefault(crane, List.of());
    }

    /** Whether an operator put the task on some crane. */
    boolean overridden(TaskId task) {
        return overrides.values().stream().anyMatch(list -> list.contains(task));
    }

    void override(TaskId task, EquipmentId crane) {
        overrides.values().forEach(list -> list.remove(task));
        overrides.computeIfAbsent(crane, c -> new ArrayList<>()).add(task);
    }

    /**
     * Takes a crane out of the call: its in-progress moves are suspended, its dispatched ones recalled, its queue and
     * overrides released for the other cranes.
     */
    void craneOut(EquipmentId crane, String reason, Instant at) {
        active.removeIf(c -> c.crane().equals(crane));
        finishing.remove(crane);
        out.add(crane);
        release(crane, new ExceptionReason("CRANE_OUT", reason), at);
    }

    /** The crane's work goes back to the call: in-progress moves suspended, dispatched ones recalled. */
    private void release(EquipmentId crane, ExceptionReason reason, Instant at) {
        queues.remove(crane);
        overrides.remove(crane);
        for (WorkInstruction move : List.copyOf(moves.values())) {
            if (move.assigned().contains(crane)) {
                switch (move.state()) {
                    case IN_PROGRESS -> update(move.suspend(reason, at));
                    case DISPATCHED -> update(move.recall(at));
                    case PLANNED, SUSPENDED, DONE, FAILED, CANCELLED -> {
                    }
                }
            }
        }
    }

    boolean isOut(EquipmentId crane) {
        return out.contains(crane);
    }

    boolean isWaiting(EquipmentId crane) {
        return waiting.contains(crane);
    }

    /**
     * Cranes cannot pass each other on the rail: a crane back in service takes its old place in quay order, once no
     * neighbour's move in progress lies beyond that neighbour's narrowed reach; until then it waits
     * ({@link #admitWaiting}). Returns whether it joined now.
     */
    boolean craneBack(EquipmentId crane, int bay) {
        out.remove(crane);
        standsAt.put(crane, bay);
        waiting.add(crane);
        return admitWaiting();
    }

    /** Lets the waiting cranes join when their places cut no move in progress off; returns whether they joined. */
    boolean admitWaiting() {
        if (waiting.isEmpty()) {
            return false;
        }
        List<CraneAtBay> order = withFinishing(work.cranes().stream()
                .filter(c -> waiting.contains(c.crane()) || isActive(c.crane())).toList(), active);
        if (!fits(order)) {
            return false;
        }
        waiting.clear();
        active.clear();
        active.addAll(order);
        return true;
    }

    /** The call's cranes are all taken off it (the crane split gives it none now): its plan waits for cranes. */
    boolean hasNoCranes() {
        return work.cranes().isEmpty() && finishing.isEmpty();
    }

    /**
     * The cranes of {@code order} with the finishing cranes of {@code previous} put back at their places along the
     * quay (after the cranes that were before them): a crane leaving the call cannot pass the ones staying.
     */
    private List<CraneAtBay> withFinishing(List<CraneAtBay> order, List<CraneAtBay> previous) {
        List<CraneAtBay> merged = new ArrayList<>(order);
        for (int i = 0; i < previous.size(); i++) {
            EquipmentId crane = previous.get(i).crane();
            if (!finishing.contains(crane) || indexOf(merged, crane) >= 0) {
                continue;
            }
            int at = 0;
            for (int j = 0; j < i; j++) {
                at = Math.max(at, indexOf(merged, previous.get(j).crane()) + 1);
            }
            merged.add(at, previous.get(i));
        }
        return merged;
    }

    private static int indexOf(List<CraneAtBay> cranes, EquipmentId crane) {
        for (int k = 0; k < cranes.size(); k++) {
            if (cranes.get(k).crane().equals(crane)) {
                return k;
            }
        }
        return -1;
    }

    /**
     * Replaces the call's work: new tasks join as planned moves; tasks no longer in it are dropped, their open moves
     * cancelled, unless under way (those stay until done); the cranes in service become the new list's, less those
     * out of service. A crane the new list leaves out (the crane split moved it to another call) finishes the work in
     * its hands first ({@link #inHand}): it keeps its place along the quay with only that work, its other dispatched
     * moves recalled, and leaves when it is done; a crane with nothing in hand gives its work back at once, as a crane
     * going out does.
     */
    void replaceWork(CallWork next, Instant at) {
        Set<EquipmentId> staying = new HashSet<>();
        next.cranes().forEach(crane -> staying.add(crane.crane()));
        List<CraneAtBay> before = List.copyOf(active);
        before.stream().map(CraneAtBay::crane).filter(crane -> !staying.contains(crane)).toList().forEach(crane -> {
            if (holdsWork(crane)) {
                finish(crane, at);
            } else {
                finishing.remove(crane);
                release(crane, new ExceptionReason("CRANE_SPLIT", crane + " moved to another vessel call"), at);
            }
        });
        staying.forEach(finishing::remove);
        Set<TaskId> kept = new HashSet<>();
        next.tasks().forEach(task -> kept.add(task.id()));
        for (WorkTask task : List.copyOf(tasks.values())) {
            if (!kept.contains(task.id()) && startedOn(task).isEmpty()) {
                for (WorkInstruction move : task.moves()) {
                    WorkInstruction current = moves.get(move.id());
                    if (!current.state().isTerminal()) {
                        update(current.cancel(null, at));
                    }
                }
                queues.values().forEach(queue -> queue.remove(task.id()));
                overrides.values().forEach(list -> list.remove(task.id()));
            }
        }
        addTasks(next.tasks().stream().filter(task -> !tasks.containsKey(task.id())).toList());
        work = next;
        next.cranes().forEach(crane -> owned.add(crane.crane()));
        List<CraneAtBay> inService = withFinishing(next.cranes().stream().filter(crane -> !out.contains(crane.crane()))
                .toList(), before);
        inService.forEach(crane -> standsAt.putIfAbsent(crane.crane(), crane.bay()));
        waiting.clear();
        List<CraneAtBay> stay = inService.stream().filter(crane -> isActive(crane.crane())).toList();
        active.clear();
        if (fits(inService)) {
            active.addAll(inService);
        } else {
            // a crane the split adds between cranes with a move in progress joins once that move is done
            active.addAll(stay);
            inService.stream().filter(crane -> !stay.contains(crane)).forEach(crane -> waiting.add(crane.crane()));
        }
        queues.keySet().removeIf(crane -> !isActive(crane));
    }

    /** A crane leaving the call keeps only the work in its hands: its other dispatched moves are recalled. */
    private void finish(EquipmentId crane, Instant at) {
        finishing.add(crane);
        overrides.remove(crane);
        for (WorkInstruction move : List.copyOf(moves.values())) {
            if (move.state() == WorkInstructionState.DISPATCHED && move.assigned().getFirst().equals(crane)
                    && !inHand(move, crane)) {
                update(move.recall(at));
            }
        }
    }

    private void addTasks(List<WorkTask> added) {
        for (WorkTask task : added) {
            tasks.put(task.id(), task);
            for (WorkInstruction move : task.moves()) {
                taskOf.put(move.id(), task.id());
                moves.putIfAbsent(move.id(), move);
            }
        }
    }
}
