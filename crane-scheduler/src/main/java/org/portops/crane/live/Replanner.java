package org.portops.crane.live;

import org.portops.crane.live.CallWork.CraneAtBay;
import org.portops.crane.live.CallWork.TaskId;
import org.portops.crane.live.CallWork.TaskOrder;
import org.portops.crane.live.CallWork.WorkTask;
import org.portops.crane.live.CraneScheduler.InstructionExplanation;
import org.portops.crane.live.CraneScheduler.Settings;
import org.portops.crane.live.LivePlan.CraneQueue;
import org.portops.crane.live.LivePlan.PlannedTask;
import org.portops.crane.live.ReplanOutcome.Published;
import org.portops.crane.qcsp.CraneTask;
import org.portops.crane.qcsp.GreedyDispatcher;
import org.portops.crane.qcsp.Precedence;
import org.portops.crane.qcsp.QcspInstance;
import org.portops.crane.qcsp.QcspSchedule;
import org.portops.crane.qcsp.QuayCrane;
import org.portops.crane.qcsp.ScheduleChecker;
import org.portops.crane.qcsp.ScheduleViolation;
import org.portops.crane.qcsp.ScheduledTask;
import org.portops.crane.qcsp.SequenceDecoder;
import org.portops.crane.solver.CraneReplanning;
import org.portops.crane.solver.CraneReplanning.Problem;
import org.portops.crane.solver.CraneReplanning.Reason;
import org.portops.crane.solver.PublishedAssignment;
import org.portops.model.equipment.EquipmentId;
import org.portops.model.work.WorkInstruction;
import org.portops.model.work.WorkInstructionId;
import org.portops.model.work.WorkInstructionState;

import ai.timefold.solver.core.api.score.buildin.hardmediumsoft.HardMediumSoftScore;

import java.time.Duration;
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
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The phases of one re-plan, between what the scheduler knows and the solver: map the call's remaining work to a
 * QCSP problem (tasks numbered afresh, cranes in service numbered along the quay, ready now at the bays they stand
 * at, each crane's started and overridden work pinned first, the last plan's crane of every other task as a
 * stability fact), solve warm from the last plan, check the result with the solver-independent
 * {@link ScheduleChecker}, and turn it back into crane queues and work instructions.
 */
public final class Replanner {
    /** Sequence numbers leave room for this many moves per task. */
    static final int MOVES_PER_TASK = 1000;
    private static final int ALTERNATIVES_KEPT = 3;

    private final CraneReplanning replanning;
    private final CraneReplanning firstPlan;
    private final Settings settings;
    private final Instant epoch;

    Replanner(CraneReplanning replanning, CraneReplanning firstPlan, Settings settings, Instant epoch) {
        this.replanning = replanning;
        this.firstPlan = firstPlan;
        this.settings = settings;
        this.epoch = epoch;
    }

    /** Re-plans answered by the running solver (problem changes); 0 with warm re-solves. */
    long answeredByProblemChange() {
        return replanning.answeredByProblemChange();
    }

    /** Stops the re-planning search's running solver, if it has one. */
    void close() {
        replanning.close();
    }

    /** A solved plan in the solver's numbering, with the map back to tasks and cranes. */
    record Planned(Problem problem, List<TaskId> tasks, List<EquipmentId> cranes, String score, QcspSchedule schedule) {
        int number(TaskId task) {
            return tasks.indexOf(task) + 1;
        }

        Optional<ScheduledTask> times(int number) {
            return schedule.cranes().stream().flatMap(crane -> crane.tasks().stream())
                    .filter(task -> task.task() == number).findFirst();
        }
    }

    sealed interface Result {
        record Valid(Planned planned) implements Result {
        }

        record Invalid(List<String> reasons) implements Result {
        }
    }

    /** The plan's score had a task gone to {@code crane} instead, at the place there nearest its planned start. */
    public record Alternative(EquipmentId crane, String score) {
    }

    /** Per task a plan changed: the constraint matches that concern it and its best alternatives. */
    public record Decisions(Map<TaskId, List<Reason>> reasons, Map<TaskId, List<Alternative>> alternatives) {
    }

    Result replan(CallState state, Instant now) {
        List<CraneAtBay> cranes = state.active();
        if (cranes.isEmpty()) {
            return new Result.Invalid(List.of("no crane is in service on " + state.work().call()));
        }
        List<WorkTask> remaining = state.remainingTasks();
        List<List<TaskId>> pinned = pinnedWork(state, cranes,
                remaining.stream().map(WorkTask::id).collect(Collectors.toSet()));
        boolean[] leaving = new boolean[cranes.size()];
        for (int k = 0; k < cranes.size(); k++) {
            leaving[k] = state.isFinishing(cranes.get(k).crane());
        }
        Set<TaskId> inPins = new HashSet<>();
        pinned.forEach(inPins::addAll);
        // while cranes leaving the call stand on the rail, work no staying crane can reach waits for them to go
        remaining = remaining.stream()
                .filter(task -> inPins.contains(task.id()) || state.reachableByStaying(task.bay())).toList();
        List<TaskId> numbering = remaining.stream().map(WorkTask::id).toList();
        Map<TaskId, Integer> number = new HashMap<>();
        for (int i = 0; i < numbering.size(); i++) {
            number.put(numbering.get(i), i + 1);
        }
        List<List<Integer>> sequences = new ArrayList<>();
        List<Integer> pinnedCounts = new ArrayList<>();
        List<PublishedAssignment> published = new ArrayList<>();
        Set<TaskId> placed = new HashSet<>();
        pinned.forEach(placed::addAll);
        for (int k = 0; k < cranes.size(); k++) {
            List<Integer> sequence = new ArrayList<>(pinned.get(k).stream().map(number::get).toList());
            pinnedCounts.add(sequence.size());
            for (TaskId task : leaving[k] ? List.<TaskId>of() : state.queue(cranes.get(k).crane())) {
                // a crane back in service narrows its neighbours' reach: what they can no longer reach is placed anew
                if (number.containsKey(task) && state.reaches(k + 1, state.task(task).bay()) && placed.add(task)) {
                    sequence.add(number.get(task));
                    published.add(new PublishedAssignment(number.get(task), k + 1, settings.stabilitySeconds()));
                }
            }
            sequences.add(sequence);
        }
        QcspInstance instance = instance(state, remaining, number, cranes, pinned, now);
        placeUnassigned(instance, sequences, pinnedCounts, placed.isEmpty(), leaving);
        instance = leaving(instance, sequences, pinnedCounts, leaving);
        Problem start = new Problem(instance, sequences, pinnedCounts, published);
        if (!ScheduleChecker.check(instance, SequenceDecoder.decode(instance, sequences).toSchedule()).isEmpty()) {
            List<List<Integer>> pins = new ArrayList<>();
            for (int k = 0; k < sequences.size(); k++) {
                pins.add(sequences.get(k).subList(0, pinnedCounts.get(k)));
            }
            start = new Problem(instance, PinnedGreedy.sequences(instance, pins), pinnedCounts, published);
        }
        CraneReplanning search = state.queuesEmpty() ? firstPlan : replanning;
        CraneReplanning.Outcome outcome = remaining.isEmpty()
                ? new CraneReplanning.Outcome(sequences, replanning.score(start), true)
                : search.solve(start);
        Problem solved = new Problem(instance, outcome.sequences(), pinnedCounts, published);
        List<String> reasons = violations(solved, start, outcome.feasible(), outcome.score(), cranes);
        String score = outcome.score();
        if (!reasons.isEmpty()) {
            // the warm start is the last plan with the event's changes applied: publish it rather than nothing
            String startScore = replanning.score(start);
            List<String> startReasons = violations(start, start, HardMediumSoftScore.parseScore(startScore).isFeasible(),
                    startScore, cranes);
            if (!startReasons.isEmpty()) {
                reasons.addAll(startReasons);
                return new Result.Invalid(reasons);
            }
            solved = start;
            score = startScore;
        }
        return new Result.Valid(new Planned(solved, numbering, cranes.stream().map(CraneAtBay::crane).toList(), score,
                SequenceDecoder.decode(instance, solved.sequences()).toSchedule()));
    }

    /** Why a plan may not be published: a broken hard constraint, a checker violation, a pin lost. */
    private static List<String> violations(Problem plan, Problem start, boolean feasible, String score,
                                           List<CraneAtBay> cranes) {
        List<String> reasons = new ArrayList<>();
        if (!feasible) {
            reasons.add("no plan keeps every hard rule: best score " + score);
        }
        QcspSchedule schedule = SequenceDecoder.decode(plan.instance(), plan.sequences()).toSchedule();
        ScheduleChecker.check(plan.instance(), schedule).stream().map(ScheduleViolation::toString).forEach(reasons::add);
        for (int k = 0; k < cranes.size(); k++) {
            List<Integer> kept = plan.sequences().get(k);
            List<Integer> pins = start.sequences().get(k).subList(0, start.pinned().get(k));
            if (kept.size() < pins.size() || !kept.subList(0, pins.size()).equals(pins)) {
                reasons.add("crane " + cranes.get(k).crane() + " lost its pinned work " + pins + ": planned " + kept);
            }
        }
        return reasons;
    }
    /**
     * Gives every task in no crane's sequence a place, so the search starts from a whole plan. The first plan is the
     * greedy dispatch schedule. Later, a task new to the plan (left by a crane that went out, or added to the call)
     * joins its bay's other tasks: right before the first of its successors in some crane's queue, else right after
     * the last of its predecessors, so no crane waits on another in a circle; a task alone in its bay goes to the end
     * of the least loaded crane that reaches it. Timefold's construction heuristic would place them too, but scores
     * every place of every task and takes seconds on a full vessel.
     */
    private static void placeUnassigned(QcspInstance instance, List<List<Integer>> sequences, List<Integer> pinned,
                                        boolean nothingPlaced, boolean[] leaving) {
        if (nothingPlaced) {
            List<List<Integer>> greedy = GreedyDispatcher.schedule(instance).sequences(instance.cranes().size());
            for (int k = 0; k < sequences.size(); k++) {
                sequences.get(k).addAll(greedy.get(k));
            }
            return;
        }
        Set<Integer> placed = new HashSet<>();
        sequences.forEach(placed::addAll);
        int[] load = new int[sequences.size()];
        for (int k = 0; k < sequences.size(); k++) {
            for (int task : sequences.get(k)) {
                load[k] += instance.task(task).processingTime();
            }
        }
        Map<Integer, Set<Integer>> after = new HashMap<>();
        Map<Integer, Set<Integer>> before = new HashMap<>();
        for (Precedence precedence : instance.precedences()) {
            after.computeIfAbsent(precedence.before(), t -> new HashSet<>()).add(precedence.after());
            before.computeIfAbsent(precedence.after(), t -> new HashSet<>()).add(precedence.before());
        }
        for (CraneTask task : instance.tasks()) {
            if (placed.contains(task.number())) {
                continue;
            }
            int[] place = besideItsBay(instance, task.bay(), sequences, pinned, closure(after, task.number()),
                    closure(before, task.number()), leaving);
            if (place == null) {
                int best = -1;
                for (int k = 0; k < sequences.size(); k++) {
                    if (!leaving[k] && instance.reaches(k + 1, task.bay()) && (best < 0 || load[k] < load[best])) {
                        best = k;
                    }
                }
                place = new int[] {best, sequences.get(best).size()};
            }
            sequences.get(place[0]).add(place[1], task.number());
            load[place[0]] += task.processingTime();
            placed.add(task.number());
        }
    }

    /** Crane index and position right before a successor, else right after a predecessor; null when neither is placed. */
    private static int[] besideItsBay(QcspInstance instance, int bay, List<List<Integer>> sequences,
                                      List<Integer> pinned, Set<Integer> successors, Set<Integer> predecessors,
                                      boolean[] leaving) {
        for (int k = 0; k < sequences.size(); k++) {
            if (leaving[k] || !instance.reaches(k + 1, bay)) {
                continue;
            }
            List<Integer> sequence = sequences.get(k);
            for (int i = pinned.get(k); i < sequence.size(); i++) {
                if (successors.contains(sequence.get(i))) {
                    return new int[] {k, i};
                }
            }
        }
        for (int k = 0; k < sequences.size(); k++) {
            if (leaving[k] || !instance.reaches(k + 1, bay)) {
                continue;
            }
            List<Integer> sequence = sequences.get(k);
            for (int i = sequence.size() - 1; i >= 0; i--) {
                if (predecessors.contains(sequence.get(i))) {
                    return new int[] {k, Math.max(i + 1, pinned.get(k))};
                }
            }
        }
        return null;
    }

    /**
     * A crane leaving the call starts nothing after its work in hand: it is out of service from just after the start
     * of its last pinned task in the warm start, so the search gives it no other task (the hard rule) and the
     * checker holds it to that.
     */
    private static QcspInstance leaving(QcspInstance instance, List<List<Integer>> sequences, List<Integer> pinned,
                                        boolean[] leaving) {
        QcspSchedule schedule = null;
        QcspInstance result = instance;
        for (int k = 0; k < leaving.length; k++) {
            if (!leaving[k]) {
                continue;
            }
            if (schedule == null) {
                schedule = SequenceDecoder.decode(instance, sequences).toSchedule();
            }
            Set<Integer> kept = new HashSet<>(sequences.get(k).subList(0, pinned.get(k)));
            int lastStart = schedule.cranes().stream().flatMap(crane -> crane.tasks().stream())
                    .filter(task -> kept.contains(task.task())).mapToInt(ScheduledTask::start).max()
                    .orElse(instance.crane(k + 1).readyTime());
            result = result.withCrane(result.crane(k + 1).outOfServiceFrom(lastStart + 1));
        }
        return result;
    }

    private static Set<Integer> closure(Map<Integer, Set<Integer>> edges, int from) {
        Set<Integer> reached = new HashSet<>();
        List<Integer> frontier = new ArrayList<>(List.of(from));
        while (!frontier.isEmpty()) {
            int task = frontier.removeLast();
            for (int next : edges.getOrDefault(task, Set.of())) {
                if (reached.add(next)) {
                    frontier.add(next);
                }
            }
        }
        return reached;
    }

    /**
     * Per crane in service, the work it must keep in front: its last queue up to its last task under way on it (a
     * move dispatched — by this loop or by transport dispatch with a vehicle on its way —, in progress or partly
     * done), in that order, so a vehicle dispatched to a move finds it on its crane at its place; then tasks under way on it
     * that its last queue did not have; then the tasks operators put on it. A crane back in service narrows its
     * neighbours' reach: tasks merely dispatched beyond it are let go (recalled), a task with a move in progress never
     * is (the box is on that crane's spreader; the returning crane waits for it, {@link CallState#admitWaiting}).
     */
    private static List<List<TaskId>> pinnedWork(CallState state, List<CraneAtBay> cranes, Set<TaskId> remaining) {
        Map<TaskId, EquipmentId> underWay = new LinkedHashMap<>();
        for (WorkTask task : state.remainingTasks()) {
            state.startedOn(task).filter(state::isActive).ifPresent(crane -> underWay.put(task.id(), crane));
        }
        List<List<TaskId>> pinned = new ArrayList<>();
        for (int k = 0; k < cranes.size(); k++) {
            CraneAtBay crane = cranes.get(k);
            int number = k + 1;
            if (state.isFinishing(crane.crane())) {
                // a crane leaving the call keeps only the moves in its hands, in its queue's order
                List<TaskId> inHand = new ArrayList<>();
                Stream.concat(state.queue(crane.crane()).stream(), state.remainingTasks().stream().map(WorkTask::id))
                        .distinct()
                        .filter(task -> remaining.contains(task)
                                && state.inHandMoves(state.task(task), crane.crane()) > 0)
                        .forEach(inHand::add);
                pinned.add(inHand);
                continue;
            }
            underWay.entrySet().removeIf(entry -> entry.getValue().equals(crane.crane())
                    && !state.reaches(number, state.task(entry.getKey()).bay())
                    && state.inProgressOn(state.task(entry.getKey())).isEmpty());
            List<TaskId> queue = state.queue(crane.crane());
            int last = -1;
            for (int i = 0; i < queue.size(); i++) {
                if (crane.crane().equals(underWay.get(queue.get(i)))) {
                    last = i;
                }
            }
            List<TaskId> work = new ArrayList<>();
            queue.subList(0, last + 1).stream()
                    .filter(task -> remaining.contains(task) && !work.contains(task))
                    .filter(task -> crane.crane().equals(underWay.get(task))
                            || (!underWay.containsKey(task) && !state.overridden(task)
                            && state.reaches(number, state.task(task).bay())))
                    .forEach(work::add);
            underWay.forEach((task, on) -> {
                if (on.equals(crane.crane()) && !work.contains(task)) {
                    work.add(task);
                }
            });
            state.overrides(crane.crane()).stream()
                    .filter(task -> remaining.contains(task) && !underWay.containsKey(task) && !work.contains(task))
                    .filter(task -> state.reaches(number, state.task(task).bay()))
                    .forEach(work::add);
            pinned.add(work);
        }
        return pinned;
    }

    /**
     * The remaining work as a QCSP instance on a time axis of seconds since the call's first plan: every crane is
     * ready now, standing where it works (its first pinned task's bay) or last stood, moved apart along the quay
     * as far as the safety margin needs.
     */
    private QcspInstance instance(CallState state, List<WorkTask> remaining, Map<TaskId, Integer> number,
                                  List<CraneAtBay> cranes, List<List<TaskId>> pinned, Instant now) {
        CallWork work = state.work();
        int nowSeconds = (int) Math.max(0, Duration.between(epoch, now).toSeconds());
        List<CraneTask> tasks = new ArrayList<>();
        Map<TaskId, WorkTask> byId = new HashMap<>();
        Map<TaskId, EquipmentId> leaving = new HashMap<>();
        for (int k = 0; k < cranes.size(); k++) {
            EquipmentId crane = cranes.get(k).crane();
            if (state.isFinishing(crane)) {
                pinned.get(k).forEach(task -> leaving.put(task, crane));
            }
        }
        for (WorkTask task : remaining) {
            byId.put(task.id(), task);
            // a leaving crane's task takes it only its moves in hand; the rest waits for the cranes that stay
            int moves = leaving.containsKey(task.id()) ? state.inHandMoves(task, leaving.get(task.id()))
                    : state.openMoves(task);
            tasks.add(new CraneTask(number.get(task.id()), moves * task.secondsPerMove(), task.bay()));
        }
        int clearance = work.safetyMargin() + 1;
        int q = cranes.size();
        int[] bays = new int[q];
        for (int k = 0; k < q; k++) {
            EquipmentId crane = cranes.get(k).crane();
            bays[k] = pinned.get(k).isEmpty() ? state.standsAt(crane) : byId.get(pinned.get(k).getFirst()).bay();
        }
        for (int k = 0; k < q; k++) {
            bays[k] = Math.max(bays[k], k == 0 ? 1 : bays[k - 1] + clearance);
        }
        for (int k = q - 1; k >= 0; k--) {
            bays[k] = Math.min(bays[k], k == q - 1 ? work.bays() : bays[k + 1] - clearance);
        }
        List<QuayCrane> quayCranes = new ArrayList<>();
        for (int k = 0; k < q; k++) {
            quayCranes.add(new QuayCrane(k + 1, nowSeconds, bays[k]));
        }
        List<Precedence> precedences = new ArrayList<>();
        for (TaskOrder order : work.orders()) {
            if (number.containsKey(order.before()) && number.containsKey(order.after())) {
                precedences.add(new Precedence(number.get(order.before()), number.get(order.after())));
            }
        }
        return new QcspInstance(work.call().value(), work.bays(), work.secondsPerBay(), work.safetyMargin(), tasks,
                quayCranes, precedences);
    }

    /**
     * The published form of a solved plan: crane queues with planned times, and every open move with its crane, its
     * sequence (the crane's finished tasks plus the task's place in its queue, times {@link #MOVES_PER_TASK}, plus
     * the move's place in its task: unchanged as work ahead of it finishes) and its state (the first
     * {@code dispatchAhead} open moves of each crane dispatched).
     */
    LivePlan assemble(CallState state, Planned planned, long version, Instant at) {
        Map<TaskId, WorkTask> tasks = new HashMap<>();
        state.remainingTasks().forEach(task -> tasks.put(task.id(), task));
        Map<TaskId, List<TaskId>> before = new HashMap<>();
        state.work().orders().forEach(order ->
                before.computeIfAbsent(order.after(), t -> new ArrayList<>()).add(order.before()));
        List<CraneQueue> queues = new ArrayList<>();
        List<WorkInstruction> instructions = new ArrayList<>();
        Set<EquipmentId> callCranes = state.ownedCranes();
        for (int k = 0; k < planned.cranes().size(); k++) {
            EquipmentId crane = planned.cranes().get(k);
            List<Integer> sequence = planned.problem().sequences().get(k);
            int pinned = planned.problem().pinned().get(k);
            boolean leaving = state.isFinishing(crane);
            int budget = leaving ? 0 : settings.dispatchAhead();
            long position = state.finishedTasks(crane);
            List<PlannedTask> queue = new ArrayList<>();
            Set<TaskId> earlier = new HashSet<>();
            for (int i = 0; i < sequence.size(); i++) {
                int number = sequence.get(i);
                WorkTask task = tasks.get(planned.tasks().get(number - 1));
                if (!ready(task.id(), before, earlier, tasks.keySet())) {
                    // a machine must not get a move whose bay still waits for another crane's work
                    budget = 0;
                }
                earlier.add(task.id());
                ScheduledTask times = planned.times(number).orElseThrow();
                queue.add(new PlannedTask(task.id(), task.bay(), epoch.plusSeconds(times.start()),
                        epoch.plusSeconds(times.end()), i < pinned));
                for (int m = 0; m < task.moves().size(); m++) {
                    WorkInstruction current = state.current(task.moves().get(m));
                    if (current.state().isTerminal() || leaving && !state.inHand(current, crane)) {
                        continue;
                    }
                    // a pinned move already dispatched stays out: its vehicle may be on its way to it
                    boolean dispatch = budget > 0 || (i < pinned && current.state() == WorkInstructionState.DISPATCHED);
                    WorkInstruction next = planMove(current, crane, callCranes, position * MOVES_PER_TASK + m, dispatch,
                            at);
                    if (next.state() != WorkInstructionState.PLANNED) {
                        budget--;
                    }
                    instructions.add(next);
                }
                position++;
            }
            queues.add(new CraneQueue(crane, queue));
        }
        Instant completion = queues.stream().flatMap(queue -> queue.tasks().stream()).map(PlannedTask::end)
                .max(Comparator.naturalOrder()).orElse(at);
        return new LivePlan(state.work().call(), version, at, planned.score(), completion, queues, instructions);
    }

    /** Whether every remaining predecessor of a task comes earlier in the same crane's queue. */
    private static boolean ready(TaskId task, Map<TaskId, List<TaskId>> before, Set<TaskId> earlier,
                                 Set<TaskId> remaining) {
        return before.getOrDefault(task, List.of()).stream()
                .allMatch(predecessor -> !remaining.contains(predecessor) || earlier.contains(predecessor));
    }

    /**
     * A move's next published version; the same object when nothing about it changes. The crane loop owns only the
     * quay crane in {@code assigned}: the vehicle and yard crane transport dispatch named stay. A dispatched move the
     * plan now puts beyond its crane's dispatch window (its task went to another crane's queue behind that crane's
     * own work, as when a crane back in service takes over work its neighbours can no longer reach) is recalled to
     * PLANNED, its transport let go, so no crane ever has more than {@code dispatchAhead} moves out.
     */
    static WorkInstruction planMove(WorkInstruction current, EquipmentId crane, Set<EquipmentId> callCranes,
                                    long sequence, boolean dispatch, Instant at) {
        boolean recall = current.state() == WorkInstructionState.DISPATCHED && !dispatch;
        List<EquipmentId> assigned = new ArrayList<>();
        assigned.add(crane);
        if (!recall) {
            current.assigned().stream().filter(machine -> !callCranes.contains(machine)).forEach(assigned::add);
        }
        WorkInstructionState target = switch (current.state()) {
            case IN_PROGRESS -> current.state();
            case DISPATCHED -> recall ? WorkInstructionState.PLANNED : current.state();
            case PLANNED, SUSPENDED -> dispatch ? WorkInstructionState.DISPATCHED : WorkInstructionState.PLANNED;
            case DONE, FAILED, CANCELLED -> throw new IllegalStateException("move " + current.id() + " is "
                    + current.state() + " and has no place in a plan");
        };
        if (current.assigned().equals(assigned) && current.sequence() == sequence && current.state() == target) {
            return current;
        }
        return new WorkInstruction(current.id(), current.container(), current.kind(), current.from(), current.to(),
                assigned, sequence, target, target == current.state() ? current.exception() : null, at,
                current.twinWith());
    }

    /**
     * What changed against the last published plan: tasks that changed crane (forced when their crane left the
     * call), and the move versions to publish, in order: first what the scheduler changed since (suspended,
     * recalled, cancelled), then the new plan's version of every move that differs from what live state has.
     */
    PlanDiff diff(LivePlan previous, LivePlan next, CallState state) {
        Map<TaskId, EquipmentId> before = previous == null ? Map.of() : previous.craneByTask();
        Map<TaskId, EquipmentId> after = next.craneByTask();
        List<PlanDiff.TaskMove> moves = new ArrayList<>();
        for (CraneQueue queue : next.cranes()) {
            for (PlannedTask task : queue.tasks()) {
                EquipmentId from = before.get(task.task());
                if (!queue.crane().equals(from)) {
                    moves.add(new PlanDiff.TaskMove(task.task(), from, queue.crane(),
                            state.openMoves(state.task(task.task())), from != null && !state.isActive(from)));
                }
            }
        }
        before.forEach((task, crane) -> {
            WorkTask work = state.task(task);
            if (!after.containsKey(task) && work.moves().stream()
                    .anyMatch(move -> state.current(move).state() == WorkInstructionState.CANCELLED)) {
                moves.add(new PlanDiff.TaskMove(task, crane, null, 0, false));
            }
        });
        List<WorkInstruction> changed = new ArrayList<>(state.unpublished());
        changed.sort(Comparator.comparing((WorkInstruction move) -> move.id().value()));
        for (WorkInstruction instruction : next.instructions()) {
            if (!instruction.equals(state.current(instruction))) {
                changed.add(instruction);
            }
        }
        Map<WorkInstructionId, EquipmentId> machines = new HashMap<>();
        for (WorkInstruction version : changed) {
            state.live(version.id()).filter(live -> !live.assigned().isEmpty())
                    .ifPresent(live -> machines.putIfAbsent(version.id(), live.assigned().getFirst()));
        }
        return new PlanDiff(moves, changed, machines);
    }

    InstructionExplanation explain(Planned planned, TaskId task, WorkInstruction instruction) {
        int number = planned.number(task);
        return new InstructionExplanation(instruction, task, planned.score(),
                replanning.reasonsByTask(planned.problem()).getOrDefault(number, List.of()),
                alternatives(planned, number));
    }

    /**
     * Reasons for every task with a published instruction version, and alternatives for the tasks the plan moved
     * to another crane (for work new to the plan, {@code CraneScheduler.explain} computes them on demand: scoring
     * every alternative of a whole first plan would hold a core for many seconds). Reads only immutable values, so
     * it may run off the scheduler's thread while the next event is planned.
     */
    Decisions decisions(Planned planned, Published published, Map<WorkInstructionId, TaskId> taskOf) {
        Set<TaskId> inPlan = published.plan().craneByTask().keySet();
        Set<TaskId> tasks = new HashSet<>();
        published.diff().changed().forEach(move -> {
            TaskId task = taskOf.get(move.id());
            if (inPlan.contains(task)) {
                tasks.add(task);
            }
        });
        Set<TaskId> assigned = new HashSet<>();
        published.diff().taskMoves().stream().filter(PlanDiff.TaskMove::isReassignment)
                .forEach(move -> assigned.add(move.task()));
        Map<Integer, List<Reason>> reasons = tasks.isEmpty() ? Map.of() : replanning.reasonsByTask(planned.problem());
        Map<TaskId, List<Reason>> reasonsByTask = new HashMap<>();
        Map<TaskId, List<Alternative>> alternatives = new HashMap<>();
        for (TaskId task : tasks) {
            int number = planned.number(task);
            reasonsByTask.put(task, reasons.getOrDefault(number, List.of()));
            alternatives.put(task, assigned.contains(task) ? alternatives(planned, number) : List.of());
        }
        return new Decisions(reasonsByTask, alternatives);
    }

    /**
     * The best other cranes for a task: each crane in service that reaches its bay, the task moved there to the
     * place nearest its planned start, scored by the same constraints. Pinned tasks have none.
     */
    List<Alternative> alternatives(Planned planned, int number) {
        Problem problem = planned.problem();
        int from = -1;
        for (int k = 0; k < problem.sequences().size(); k++) {
            int index = problem.sequences().get(k).indexOf(number);
            if (index >= 0) {
                from = index < problem.pinned().get(k) ? -2 : k;
            }
        }
        if (from < 0) {
            return List.of();
        }
        int start = planned.times(number).map(ScheduledTask::start).orElse(0);
        int bay = problem.instance().task(number).bay();
        List<Alternative> alternatives = new ArrayList<>();
        for (int k = 0; k < problem.sequences().size(); k++) {
            if (k == from || !problem.instance().reaches(k + 1, bay)) {
                continue;
            }
            List<List<Integer>> sequences = new ArrayList<>();
            problem.sequences().forEach(sequence -> sequences.add(new ArrayList<>(sequence)));
            sequences.get(from).remove(Integer.valueOf(number));
            List<Integer> target = sequences.get(k);
            int at = problem.pinned().get(k);
            while (at < target.size() && planned.times(target.get(at)).map(ScheduledTask::start).orElse(0) < start) {
                at++;
            }
            target.add(at, number);
            String score = replanning.score(new Problem(problem.instance(), sequences, problem.pinned(),
                    problem.published()));
            alternatives.add(new Alternative(planned.cranes().get(k), score));
        }
        alternatives.sort(Comparator.comparing((Alternative a) -> HardMediumSoftScore.parseScore(a.score())).reversed());
        return List.copyOf(alternatives.subList(0, Math.min(ALTERNATIVES_KEPT, alternatives.size())));
    }
}
