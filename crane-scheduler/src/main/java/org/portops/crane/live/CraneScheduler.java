package org.portops.crane.live;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.portops.crane.journal.JournaledPlan;
import org.portops.crane.live.CallWork.TaskId;
import org.portops.crane.live.CallWork.WorkTask;
import org.portops.crane.live.LiveEvent.CallChanged;
import org.portops.crane.live.LiveEvent.CraneBack;
import org.portops.crane.live.LiveEvent.CraneOut;
import org.portops.crane.live.LiveEvent.MoveDone;
import org.portops.crane.live.LiveEvent.MoveStarted;
import org.portops.crane.live.LiveEvent.OperatorOverride;
import org.portops.crane.live.LiveEvent.VehicleStalled;
import org.portops.crane.live.ReplanOutcome.Published;
import org.portops.crane.live.ReplanOutcome.Refused;
import org.portops.crane.solver.CraneReplanning;
import org.portops.model.equipment.EquipmentId;
import org.portops.model.work.WorkInstruction;
import org.portops.model.work.WorkInstructionId;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * The live quay-crane scheduler of one vessel call, in plain Java: {@link #apply} takes an event, changes what it
 * knows of the call, re-plans warm from the last published plan with started and overridden work pinned and a
 * stability cost on reassigning planned work, and returns the new plan with its difference to the last one (or a
 * refusal that names why). It neither publishes nor journals: the caller does both with the outcome
 * ({@link CraneSchedulerVerticle}). Not thread-safe: one caller thread at a time.
 */
public final class CraneScheduler implements AutoCloseable {
    private final Clock clock;
    private final Settings settings;
    private final Instant epoch;
    private final CallState state;
    private final Replanner replanner;
    private final Counter voluntary;
    private final Counter forced;
    private LivePlan current;
    private Replanner.Planned planned;
    private long version;
    private long voluntaryTotal;
    /** The cranes the split took off the call that still finish work in hand, as of the last event: any thread reads. */
    private volatile Set<EquipmentId> finishing = Set.of();

    /**
     * @param stabilitySeconds what reassigning one planned task to another crane costs, in seconds of vessel
     *                         completion: a re-plan moves work only to finish at least this much earlier
     * @param dispatchAhead    open moves per crane kept dispatched to it (sent to the machine, pinned)
     * @param firstPlan        the search budget of the call's first plan, which no event waits for
     * @param solving          warm re-solves (the default) or problem changes on a solver running per call
     */
    public record Settings(CraneReplanning.Limits limits, int stabilitySeconds, int dispatchAhead,
                           CraneReplanning.Limits firstPlan, CraneReplanning.Solving solving) {
        public Settings {
            if (stabilitySeconds < 0 || dispatchAhead < 1) {
                throw new IllegalArgumentException("stability cost must be 0 or more and dispatch-ahead 1 or more, was "
                        + stabilitySeconds + " and " + dispatchAhead);
            }
            Objects.requireNonNull(solving, "solving");
        }

        /** Warm re-solves. */
        public Settings(CraneReplanning.Limits limits, int stabilitySeconds, int dispatchAhead,
                        CraneReplanning.Limits firstPlan) {
            this(limits, stabilitySeconds, dispatchAhead, firstPlan, CraneReplanning.Solving.WARM_RESOLVE);
        }

        public static Settings defaults() {
            return new Settings(new CraneReplanning.Limits(Duration.ofMillis(500), Duration.ofMillis(150), 0), 300, 2,
                    new CraneReplanning.Limits(Duration.ofSeconds(10), Duration.ofSeconds(2), 0));
        }
    }

    public CraneScheduler(CallWork work, Settings settings, Clock clock, MeterRegistry registry) {
        this.clock = clock;
        this.settings = settings;
        this.epoch = clock.instant();
        this.state = new CallState(work);
        this.replanner = new Replanner(new CraneReplanning(settings.limits(), settings.solving()),
                new CraneReplanning(settings.firstPlan()), settings, epoch);
        String call = work.call().value();
        this.voluntary = Counter.builder("portops.crane.replan.reassignments").tag("call", call).tag("kind", "voluntary")
                .description("planned tasks a re-plan moved to another crane").register(registry);
        this.forced = Counter.builder("portops.crane.replan.reassignments").tag("call", call).tag("kind", "forced")
                .description("tasks moved because their crane left the call").register(registry);
        FunctionCounter.builder("portops.crane.replan.problem.changes", replanner, Replanner::answeredByProblemChange)
                .tag("call", call).description("re-plans answered by the call's running solver as problem changes")
                .register(registry);
        Gauge.builder("portops.crane.replan.churn.per.hour", this, CraneScheduler::churnPerHour).tag("call", call)
                .description("voluntary reassignments per hour since the call's plan started").register(registry);
    }

    /** Stops the call's running solver when it re-plans with problem changes; nothing to stop otherwise. */
    @Override
    public void close() {
        replanner.close();
    }

    /** Plans the call for the first time: version 1. */
    public ReplanOutcome start() {
        return replan(new CallChanged(state.work(), clock.instant()));
    }

    /** Applies an event and re-plans. */
    public ReplanOutcome apply(LiveEvent event) {
        Optional<String> refusal = switch (event) {
            case MoveStarted started -> moveStarted(started);
            case MoveDone done -> moveDone(done);
            case CraneOut craneOut -> craneOut(craneOut);
            case CraneBack back -> craneBack(back);
            case VehicleStalled stalled -> Optional.empty();
            case CallChanged changed -> callChanged(changed);
            case OperatorOverride override -> override(override);
        };
        if (refusal.isPresent()) {
            finishing = state.finishing();
            return new Refused(event, List.of(refusal.get()));
        }
        return replan(event);
    }

    /** The last published plan; null before {@link #start}. */
    /** The call's work as last planned; read it in the call's queue, between events. */
    public CallWork work() {
        return state.work();
    }

    /** Every quay crane of the call, in service or not: the machines of an instruction the crane loop owns. */
    public Set<EquipmentId> callCranes() {
        return state.work().cranes().stream().map(CallWork.CraneAtBay::crane).collect(Collectors.toUnmodifiableSet());
    }

    /** Every quay crane the call has had, now or before the crane split moved it: the loop owns these. */
    public Set<EquipmentId> ownedCranes() {
        return state.ownedCranes();
    }

    /**
     * A version of one of the call's moves transport dispatch wrote (a vehicle named, a move dispatched): known from
     * now on, so the next re-plan keeps a dispatched move on its crane at its place. No re-plan. Returns whether the
     * version was taken (not when the scheduler has a newer one of its own).
     */
    public boolean transportWrote(WorkInstruction version) {
        return state.move(version.id()).isPresent() && state.heard(version);
    }

    /** The call's moves still open (not done, failed or cancelled) as the scheduler knows them. */
    public List<WorkInstructionId> openMoves() {
        return state.openMoveIds();
    }

    /** Whether the crane split took every crane off the call: its plan waits, with no crane, for cranes. */
    public boolean waitsForCranes() {
        return state.hasNoCranes();
    }

    /** Whether a crane of the call is out of service (it went out and has not come back). */
    boolean isOut(EquipmentId crane) {
        return state.isOut(crane);
    }

    /** The bay a crane of the call last stood at: where a crane back in service resumes. */
    int lastBay(EquipmentId crane) {
        return state.standsAt(crane);
    }

    public LivePlan currentPlan() {
        return current;
    }

    /** Why the current plan has an instruction where it has it: constraint matches of its task, and alternatives. */
    public Optional<InstructionExplanation> explain(WorkInstructionId instruction) {
        if (current == null || current.instruction(instruction).isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(replanner.explain(planned, state.taskOf(instruction).id(), current.instruction(instruction)
                .orElseThrow()));
    }

    /**
     * How to journal the latest published plan: call it before the next event; the returned work (the constraint
     * matches of each published instruction's task, the best alternatives of each task the plan gave a crane)
     * reads only immutable values, so it can run on another thread while the next event is planned.
     */
    public Supplier<JournaledPlan> journal(Published published) {
        if (current == null || current.version() != published.plan().version()) {
            throw new IllegalStateException("plan " + published.plan().version() + " of " + published.plan().call()
                    + " is not the latest (" + (current == null ? "none" : current.version()) + ")");
        }
        Replanner.Planned plan = planned;
        Map<WorkInstructionId, TaskId> taskOf = new HashMap<>();
        published.diff().changed().forEach(move -> taskOf.put(move.id(), state.taskOf(move.id()).id()));
        return () -> JournalMapping.journaled(published, replanner.decisions(plan, published, taskOf), taskOf::get);
    }

    /** Voluntary reassignments (planned work moved between cranes) per hour since the first plan. */
    public double churnPerHour() {
        double hours = Duration.between(epoch, clock.instant()).toMillis() / 3_600_000.0;
        return hours <= 0 ? 0 : voluntaryTotal / hours;
    }

    /**
     * The cranes the crane split took off the call that still finish the moves in their hands here (in progress, or
     * with a vehicle on its way), as of the last event; they go to their next call once this set no longer has them.
     * Safe from any thread.
     */
    public Set<EquipmentId> finishingCranes() {
        return finishing;
    }

    private ReplanOutcome replan(LiveEvent event) {
        try {
            return replanNow(event);
        } finally {
            finishing = state.finishing();
        }
    }

    private ReplanOutcome replanNow(LiveEvent event) {
        long started = System.nanoTime();
        if (state.leaveFinished(clock.instant())) {
            // a leaving crane gone frees its place: cranes waiting for room join
            state.admitWaiting();
        }
        state.recallUnreachable(clock.instant());
        if (state.hasNoCranes()) {
            return waitingPlan(event, started);
        }
        Replanner.Result result = replanner.replan(state, clock.instant());
        return switch (result) {
            case Replanner.Result.Invalid invalid -> new Refused(event, invalid.reasons());
            case Replanner.Result.Valid valid -> {
                version++;
                LivePlan plan = replanner.assemble(state, valid.planned(), version, clock.instant());
                PlanDiff diff = replanner.diff(current, plan, state);
                record(plan, diff, valid.planned());
                voluntary.increment(diff.voluntaryReassignments());
                forced.increment(diff.forcedReassignments());
                voluntaryTotal += diff.voluntaryReassignments();
                Replanner.Planned solved = valid.planned();
                yield new Published(event, plan, diff, Duration.ofNanos(System.nanoTime() - started),
                        new ReplanOutcome.Solved(solved.problem().instance(), solved.schedule(), solved.cranes(),
                                solved.tasks()));
            }
        };
    }

    /**
     * The plan of a call the crane split gives no crane now: no crane queue, the moves its cranes had out recalled
     * (and any in progress suspended) as the split took the cranes; it has no solved schedule. The next split that
     * gives the call cranes plans it afresh.
     */
    private ReplanOutcome waitingPlan(LiveEvent event, long started) {
        version++;
        Instant at = clock.instant();
        LivePlan plan = new LivePlan(state.work().call(), version, at, "waiting for cranes", at, List.of(), List.of());
        PlanDiff diff = replanner.diff(current, plan, state);
        record(plan, diff, null);
        return new Published(event, plan, diff, Duration.ofNanos(System.nanoTime() - started), null);
    }

    private void record(LivePlan plan, PlanDiff diff, Replanner.Planned next) {
        current = plan;
        planned = next;
        diff.changed().forEach(state::observed);
        plan.cranes().forEach(queue -> {
            state.setQueue(queue.crane(), queue.taskIds());
            if (!queue.tasks().isEmpty() && queue.tasks().getFirst().pinned()) {
                state.setStandsAt(queue.crane(), queue.tasks().getFirst().bay());
            }
        });
    }

    private Optional<String> moveStarted(MoveStarted event) {
        Optional<WorkInstruction> move = state.move(event.instruction());
        if (move.isEmpty()) {
            return Optional.of("move " + event.instruction() + " is not work of " + state.work().call());
        }
        WorkInstruction current = move.get();
        return switch (current.state()) {
            case DISPATCHED -> {
                state.observed(current.start(event.at()));
                yield Optional.empty();
            }
            case IN_PROGRESS -> Optional.of("move " + current.id() + " is already in progress");
            case PLANNED, SUSPENDED, DONE, FAILED, CANCELLED -> Optional.of("move " + current.id()
                    + " cannot start: it is " + current.state() + ", not dispatched");
        };
    }

    private Optional<String> moveDone(MoveDone event) {
        Optional<WorkInstruction> move = state.move(event.instruction());
        if (move.isEmpty()) {
            return Optional.of("move " + event.instruction() + " is not work of " + state.work().call());
        }
        WorkInstruction current = move.get();
        WorkInstruction done = switch (current.state()) {
            // the machine may report the end of a move without its start
            case DISPATCHED -> current.start(event.at()).complete(event.at());
            case IN_PROGRESS -> current.complete(event.at());
            case PLANNED, SUSPENDED, DONE, FAILED, CANCELLED -> null;
        };
        if (done == null) {
            return Optional.of("move " + current.id() + " cannot be done: it is " + current.state());
        }
        state.observed(done);
        WorkTask task = state.taskOf(done.id());
        EquipmentId crane = done.assigned().getFirst();
        state.setStandsAt(crane, task.bay());
        if (state.openMoves(task) == 0) {
            state.taskFinished(crane, task.id());
        }
        // a crane waiting for this move to clear its place joins now
        state.admitWaiting();
        return Optional.empty();
    }

    private Optional<String> craneOut(CraneOut event) {
        if (state.isWaiting(event.crane())) {
            state.waitingOut(event.crane());
            return Optional.empty();
        }
        if (!state.isActive(event.crane())) {
            return Optional.of("crane " + event.crane() + " is not in service on " + state.work().call());
        }
        if (state.active().size() == 1 && !state.isFinishing(event.crane())) {
            return Optional.of("crane " + event.crane() + " is the last crane of " + state.work().call()
                    + ": the call has no plan without it, it keeps its work until another crane joins");
        }
        state.craneOut(event.crane(), event.reason(), clock.instant());
        return Optional.empty();
    }

    private Optional<String> craneBack(CraneBack event) {
        if (state.isActive(event.crane())) {
            return Optional.of("crane " + event.crane() + " is already in service on " + state.work().call());
        }
        if (state.isWaiting(event.crane())) {
            return Optional.of("crane " + event.crane() + " already waits to rejoin " + state.work().call());
        }
        if (!state.isOut(event.crane())) {
            return Optional.of("crane " + event.crane() + " is not a crane of " + state.work().call());
        }
        if (event.bay() > state.work().bays()) {
            return Optional.of("crane " + event.crane() + ": bay " + event.bay() + " is beyond the vessel's "
                    + state.work().bays() + " bays");
        }
        int clearance = state.work().safetyMargin() + 1;
        if ((state.active().size()) * clearance > state.work().bays() - 1) {
            return Optional.of("crane " + event.crane() + " does not fit: " + (state.active().size() + 1)
                    + " cranes with safety margin " + state.work().safetyMargin() + " need more than "
                    + state.work().bays() + " bays");
        }
        if (!state.craneBack(event.crane(), event.bay())) {
            return Optional.of("crane " + event.crane() + " waits to rejoin " + state.work().call() + " at bay "
                    + event.bay() + ": a neighbour's move in progress would lie beyond that neighbour's reach; it"
                    + " joins when the move is done");
        }
        return Optional.empty();
    }

    private Optional<String> callChanged(CallChanged event) {
        if (!event.work().call().equals(state.work().call())) {
            return Optional.of("work of " + event.work().call() + " sent to the scheduler of " + state.work().call());
        }
        state.replaceWork(event.work(), clock.instant());
        return Optional.empty();
    }

    private Optional<String> override(OperatorOverride event) {
        Optional<WorkInstruction> move = state.move(event.instruction());
        if (move.isEmpty()) {
            return Optional.of("move " + event.instruction() + " is not work of " + state.work().call());
        }
        if (move.get().state().isTerminal()) {
            return Optional.of("move " + event.instruction() + " is " + move.get().state() + ": nothing to override");
        }
        if (!state.isActive(event.crane())) {
            return Optional.of("crane " + event.crane() + " is not in service on " + state.work().call());
        }
        if (state.isFinishing(event.crane())) {
            return Optional.of("crane " + event.crane() + " is leaving " + state.work().call()
                    + " for another vessel call: it only finishes the moves in its hands");
        }
        WorkTask task = state.taskOf(event.instruction());
        Optional<EquipmentId> startedOn = state.startedOn(task);
        if (startedOn.isPresent() && state.isActive(startedOn.get())) {
            return Optional.of("task " + task.id() + " of move " + event.instruction() + " is under way on crane "
                    + startedOn.get() + " and stays there");
        }
        int number = state.craneNumber(event.crane());
        if (!state.reaches(number, task.bay())) {
            return Optional.of("crane " + event.crane() + " cannot reach bay " + task.bay() + " of move "
                    + event.instruction() + " while its neighbours keep their safety margin");
        }
        state.override(task.id(), event.crane());
        return Optional.empty();
    }

    /** Why an instruction is where it is: its task, crane, the constraint matches of its task and the alternatives. */
    public record InstructionExplanation(WorkInstruction instruction, TaskId task, String planScore,
                                         List<CraneReplanning.Reason> reasons, List<Replanner.Alternative> alternatives) {
        public InstructionExplanation {
            reasons = List.copyOf(reasons);
            alternatives = List.copyOf(alternatives);
        }
    }
}
