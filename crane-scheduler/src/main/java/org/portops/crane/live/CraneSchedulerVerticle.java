package org.portops.crane.live;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.VerticleBase;
import io.vertx.core.WorkerExecutor;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.portops.crane.dispatch.PublishedPlan;
import org.portops.crane.dispatch.mapping.CraneWorkQueue;
import org.portops.crane.dispatch.mapping.TransportRound;
import org.portops.crane.journal.DecisionJournal;
import org.portops.crane.journal.JournaledPlan;
import org.portops.crane.split.CraneSplit;
import org.portops.crane.live.ReplanOutcome.Published;
import org.portops.crane.live.ReplanOutcome.Refused;
import org.portops.model.container.ContainerNumber;
import org.portops.model.equipment.EquipmentId;
import org.portops.model.equipment.EquipmentState;
import org.portops.model.equipment.EquipmentStatus;
import org.portops.model.event.Addresses;
import org.portops.model.event.ContainerMoved;
import org.portops.model.event.EquipmentUpdated;
import org.portops.model.event.VesselCallChanged;
import org.portops.model.event.WorkInstructionChanged;
import org.portops.model.event.YardEvent;
import org.portops.model.vessel.VesselCall;
import org.portops.model.vessel.VesselCallId;
import org.portops.model.work.ExceptionReason;
import org.portops.model.work.WorkInstruction;
import org.portops.model.work.WorkInstructionId;
import org.portops.model.work.WorkInstructionState;
import org.portops.state.LiveYard;
import org.portops.state.json.YardEventJson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * The edge of the live crane scheduler: turns live-state facts (a move started or done, a crane's fault or going
 * offline, a vessel call added or changed) and operators' override commands into {@link LiveEvent}s, runs each
 * call's {@link CraneScheduler} on one worker thread, publishes every new plan ({@link PlanPublisher}), records
 * its event-to-published latency, and journals it ({@link DecisionJournal}); built with a {@link TransportRound},
 * plans and dispatches the vehicles after every crane plan. Events of one call are handled one after the other,
 * each published (crane plan and transport round) before the next is planned; the journal is written behind. A
 * vessel call added or changed in live state gets its work from the {@link CallWorkSource}.
 */
public final class CraneSchedulerVerticle extends VerticleBase {
    private static final Logger LOG = LoggerFactory.getLogger(CraneSchedulerVerticle.class);
    /** How often the loop looks whether the split in force moves a crane now: well within its hour slots. */
    private static final Duration SPLIT_CHECK = Duration.ofMinutes(1);

    private final LiveYard yard;
    private final DecisionJournal journal;
    private final CallWorkSource workSource;
    private final CraneScheduler.Settings settings;
    private final Clock clock;
    private final MeterRegistry registry;
    private final Map<VesselCallId, CraneScheduler> schedulers = new HashMap<>();
    private final Map<VesselCallId, Future<?>> queues = new HashMap<>();
    private final Map<WorkInstructionId, VesselCallId> callOf = new HashMap<>();
    /** Per machine heard of, whether it was last out of service (faulted, offline, reporting faults). */
    private final Map<EquipmentId, Boolean> outOfService = new HashMap<>();
    private final List<MessageConsumer<?>> consumers = new ArrayList<>();
    private final TransportRound transport;
    private final QuaySplit split;
    private Future<?> splitChain = Future.succeededFuture();
    private boolean rebalanceWaiting;
    /** When the split in force next moves a crane ({@link QuaySplit#nextChange}); null: no change ahead. */
    private Instant splitDueAt;
    private long splitCheckTimer = -1;
    /** The split in force a detailed plan's overrun last re-balanced. */
    private CraneSplit rebalancedForOverrun;
    /** A re-balance is making its plans: a detailed plan missing its departure splits again within it. */
    private boolean splitting;
    private boolean missedInDetail;
    /**
     * Cranes the split took off a call that finish the moves in their hands there first, and that call: such a crane
     * joins the call the split gave it once that call's plan lets it go.
     */
    private final Map<EquipmentId, VesselCallId> finishingOn = new HashMap<>();
    /** Per call, the cranes the last split gives it now, and its work as that split read it. */
    private final Map<VesselCallId, List<EquipmentId>> splitCranes = new HashMap<>();
    private final Map<VesselCallId, CallWork> splitWork = new HashMap<>();
    private final Map<VesselCallId, List<CraneWorkQueue>> transportQueues = new HashMap<>();
    private Future<?> transportChain = Future.succeededFuture();
    private final List<String> stallsWaiting = new ArrayList<>();
    private Future<TransportRound.Outcome> stallRound = Future.succeededFuture();
    private PublishedPlan lastDispatch;
    private Timer dispatchLatency;
    private WorkerExecutor worker;
    private WorkerExecutor journalWorker;
    private PlanPublisher publisher;
    private Timer latency;
    private Timer solving;

    /** The crane loop alone: moves are released to the cranes, no vehicle is planned. */
    public CraneSchedulerVerticle(LiveYard yard, DecisionJournal journal, CallWorkSource workSource,
                                  CraneScheduler.Settings settings, Clock clock, MeterRegistry registry) {
        this(yard, journal, workSource, null, settings, clock, registry);
    }

    /**
     * The crane loop with transport dispatch: after every published crane plan, one {@link TransportRound} over the
     * crane queues of every call plans the vehicles and dispatches each released move with its vehicle and yard crane.
     */
    public CraneSchedulerVerticle(LiveYard yard, DecisionJournal journal, CallWorkSource workSource,
                                  TransportRound transport, CraneScheduler.Settings settings, Clock clock,
                                  MeterRegistry registry) {
        this(yard, journal, workSource, transport, null, settings, clock, registry);
    }

    /**
     * The crane loop with transport dispatch and the crane split: whenever a vessel call arrives, changes or leaves,
     * the {@link QuaySplit} shares the quay cranes in service among the berthed calls, and each call is planned (or
     * re-planned) with the cranes the split gives it now; without a split a call gets its berth's share.
     */
    public CraneSchedulerVerticle(LiveYard yard, DecisionJournal journal, CallWorkSource workSource,
                                  TransportRound transport, QuaySplit split, CraneScheduler.Settings settings,
                                  Clock clock, MeterRegistry registry) {
        this.split = split;
        this.transport = transport;
        this.yard = yard;
        this.journal = journal;
        this.workSource = workSource;
        this.settings = settings;
        this.clock = clock;
        this.registry = registry;
    }

    @Override
    public Future<?> start() {
        worker = vertx.createSharedWorkerExecutor("crane-scheduler-" + deploymentID(), 1);
        journalWorker = vertx.createSharedWorkerExecutor("crane-journal-" + deploymentID(), 1);
        publisher = new PlanPublisher(yard, vertx.eventBus());
        latency = Timer.builder("portops.crane.replan.latency").publishPercentiles(0.5, 0.95, 0.99)
                .description("from an event reaching the crane scheduler to its new plan published in live state")
                .register(registry);
        dispatchLatency = Timer.builder("portops.crane.replan.dispatch.latency").publishPercentiles(0.5, 0.95, 0.99)
                .description("from an event reaching the crane scheduler to its crane plan and the transport round"
                        + " after it published in live state")
                .register(registry);
        solving = Timer.builder("portops.crane.replan.solve").publishPercentiles(0.5, 0.95, 0.99)
                .description("re-planning an event: problem, warm solve, check, plan and diff; no publication")
                .register(registry);
        // cluster-wide consumers: on a clustered event bus the facts of every node's live yard (a machine reporting
        // through another node's ingest) reach the one node that plans
        consumers.add(vertx.eventBus().<JsonObject>consumer(Addresses.INSTRUCTION_CHANGED,
                message -> onYardEvent(message.body())));
        consumers.add(vertx.eventBus().<JsonObject>consumer(Addresses.EQUIPMENT_UPDATED,
                message -> onYardEvent(message.body())));
        consumers.add(vertx.eventBus().<JsonObject>consumer(Addresses.VESSEL_CALL_CHANGED,
                message -> onYardEvent(message.body())));
        consumers.add(vertx.eventBus().<JsonObject>consumer(Addresses.CRANE_OVERRIDE, this::onOverride));
        consumers.add(vertx.eventBus().<JsonObject>consumer(Addresses.CRANE_EXPLAIN, this::onExplain));
        consumers.add(vertx.eventBus().<JsonObject>consumer(Addresses.CONTAINER_HOLD_CHANGED,
                message -> onHoldChanged(message.body())));
        if (split != null) {
            splitCheckTimer = vertx.setPeriodic(SPLIT_CHECK.toMillis(), id -> rebalanceIfDue());
        }
        return Future.all(consumers.stream().map(MessageConsumer::completion).toList());
    }

    @Override
    public Future<?> stop() {
        vertx.cancelTimer(splitCheckTimer);
        List<CraneScheduler> running = List.copyOf(schedulers.values());
        return Future.all(consumers.stream().map(MessageConsumer::unregister).toList())
                .compose(v -> worker.executeBlocking(() -> {
                    running.forEach(CraneScheduler::close);
                    return null;
                }))
                .compose(v -> worker.close())
                .compose(v -> journalWorker.close());
    }

    /** Plans a call for the first time (a new vessel call, or at start-up). */
    public Future<ReplanOutcome> startCall(CallWork work) {
        long received = System.nanoTime();
        return inOrder(work.call(), () -> firstPlan(work, received));
    }

    private Future<ReplanOutcome> firstPlan(CallWork work, long received) {
        return worker.executeBlocking(() -> {
            CraneScheduler scheduler = new CraneScheduler(work, settings, clock, registry);
            return new Started(scheduler, scheduler.start());
        }).compose(started -> {
            if (started.outcome() instanceof Published) {
                schedulers.put(work.call(), started.scheduler());
            } else {
                started.scheduler().close();
            }
            return afterPlan(work.call(), started.scheduler(), started.outcome(), received);
        });
    }

    private record Started(CraneScheduler scheduler, ReplanOutcome outcome) {
    }

    /** Applies an event to a call's plan; completes once its new plan is in live state (or it was refused). */
    public Future<ReplanOutcome> submit(VesselCallId call, LiveEvent event) {
        long received = System.nanoTime();
        if (!schedulers.containsKey(call)) {
            return Future.failedFuture(new IllegalArgumentException("no crane plan for vessel call " + call));
        }
        return inOrder(call, () -> replan(call, event, received));
    }

    private Future<ReplanOutcome> replan(VesselCallId call, LiveEvent event, long received) {
        CraneScheduler scheduler = schedulers.get(call);
        if (scheduler == null) {
            // the call left the quay while this event waited in its queue
            return Future.failedFuture(new IllegalStateException("vessel call " + call + " left the quay"));
        }
        return worker.executeBlocking(() -> scheduler.apply(event))
                .compose(outcome -> afterPlan(call, scheduler, outcome, received));
    }

    /** The call's current plan; null when the call has none. */
    public LivePlan currentPlan(VesselCallId call) {
        CraneScheduler scheduler = schedulers.get(call);
        return scheduler == null ? null : scheduler.currentPlan();
    }

    /**
     * Publishes, journals and dispatches a plan of {@code scheduler}. A plan made before its call left the quay is
     * still published (the call's departure, queued behind it, then cancels what it left open), but neither its moves
     * nor its queues join the loop again.
     */
    private Future<ReplanOutcome> afterPlan(VesselCallId call, CraneScheduler scheduler, ReplanOutcome outcome,
                                            long received) {
        if (schedulers.get(call) == scheduler) {
            cranesFinished(call, scheduler);
        }
        return switch (outcome) {
            case Refused refused -> {
                LOG.warn("crane plan of {}: {} refused: {}", call, refused.event().describe(), refused.reasons());
                vertx.eventBus().publish(Addresses.CRANE_PLAN_REFUSED, new JsonObject().put("call", call.value())
                        .put("trigger", new JsonObject().put("kind", refused.event().kind())
                                .put("description", refused.event().describe()))
                        .put("reasons", new JsonArray(refused.reasons())));
                yield Future.succeededFuture(outcome);
            }
            case Published published -> {
                solving.record(published.solveTime());
                if (schedulers.get(call) == scheduler) {
                    published.plan().instructions().forEach(move -> callOf.put(move.id(), call));
                }
                yield publisher.publish(published, scheduler.ownedCranes()).compose(refusals -> {
                    latency.record(System.nanoTime() - received, TimeUnit.NANOSECONDS);
                    if (!refusals.isEmpty()) {
                        LOG.warn("crane plan {} v{}: live state refused {} instruction versions, first: {}", call,
                                published.plan().version(), refusals.size(), refusals.getFirst());
                    }
                    return worker.executeBlocking(() -> scheduler.journal(published));
                }).map(journalWork -> {
                    // explaining the plan (score analysis, alternatives) must not hold up the next event
                    journalWorker.executeBlocking(journalWork::get)
                            .compose(journal::append)
                            .onFailure(e -> LOG.error("decision journal: plan {} v{} not written: {}", call,
                                    published.plan().version(), e.toString()));
                    return outcome;
                }).compose(planned -> {
                    if (schedulers.get(call) == scheduler) {
                        transportQueues.put(call, TransportQueues.of(published.plan(), scheduler.work()));
                        learnFromDetailedPlan(published.plan(), scheduler);
                    }
                    JournaledPlan.Trigger trigger = new JournaledPlan.Trigger("CRANE_PLAN", "crane plan v"
                            + published.plan().version() + " of " + call + " after " + published.event().describe());
                    return dispatch(() -> trigger, received).map(outcome);
                });
            }
        };
    }

    /**
     * The split's completion estimate checked against the call's detailed plan: an overrun weighs the call's work in
     * the next splits ({@link QuaySplit#detailedCompletion}); when the detailed plan misses the planned departure
     * the estimate met, the cranes are split again with it now: within the re-balance that made the plan, else by a
     * re-balance of its own, once per split in force, so a call that no split can bring on time does not re-balance
     * after every plan.
     */
    private void learnFromDetailedPlan(LivePlan plan, CraneScheduler scheduler) {
        Set<EquipmentId> finishing = scheduler.finishingCranes();
        // a plan of cranes only finishing their moves in hand before they leave says nothing of the call's own end
        if (split == null || plan.cranes().stream().allMatch(queue -> finishing.contains(queue.crane()))) {
            return;
        }
        split.detailedCompletion(plan).ifPresent(deviation -> {
            LOG.info("vessel call {}: detailed plan v{} finishes {} min {} the split's estimate{}", plan.call(),
                    plan.version(), deviation.late().abs().toMinutes(), deviation.ahead() ? "before" : "after",
                    deviation.missesDeparture() ? ", past the planned departure the estimate met" : "");
            CraneSplit inForce = split.inForce();
            if (deviation.missesDeparture() && splitting) {
                missedInDetail = true;
            } else if (deviation.missesDeparture() && inForce != rebalancedForOverrun) {
                rebalancedForOverrun = inForce;
                rebalanceSoon(clock.instant());
            }
        });
    }

    /**
     * Runs a transport round — after a call's plan is published, or for a stalled vehicle — with the current queues
     * of every call (vehicles are pooled across cranes and calls). Rounds never overlap: each starts from the last
     * one's plan. Each published round is journaled behind (its decisions' score analysis on the journal worker). A
     * round that fails (no vehicle, live state unreadable) is logged and completes with null; the crane plan stands.
     */
    private Future<TransportRound.Outcome> dispatch(Supplier<JournaledPlan.Trigger> triggered, long received) {
        if (transport == null) {
            return Future.succeededFuture();
        }
        Future<TransportRound.Outcome> round = transportChain.transform(ignored -> {
            JournaledPlan.Trigger trigger = triggered.get();
            List<CraneWorkQueue> queues = transportQueues.values().stream().flatMap(List::stream).toList();
            return transport.run(queues, lastDispatch).map(outcome -> {
                lastDispatch = outcome.published();
                dispatchLatency.record(System.nanoTime() - received, TimeUnit.NANOSECONDS);
                if (!outcome.report().refused().isEmpty()) {
                    LOG.warn("transport round ({}): live state refused {} updates, first: {}", trigger.description(),
                            outcome.report().refused().size(), outcome.report().refused().getFirst());
                }
                journalRound(trigger, outcome);
                return outcome;
            }).recover(e -> {
                LOG.warn("transport round ({}) failed: {}", trigger.description(), e.toString());
                return Future.succeededFuture();
            });
        });
        transportChain = round;
        return round;
    }

    private void journalRound(JournaledPlan.Trigger trigger, TransportRound.Outcome outcome) {
        Instant at = clock.instant();
        journalWorker.executeBlocking(() -> JournalMapping.round(trigger, outcome, transport.decisions(outcome), at))
                .compose(journal::append)
                .onFailure(e -> LOG.error("decision journal: transport round ({}) not written: {}",
                        trigger.description(), e.toString()));
    }

    /**
     * A vehicle stalled (faulted, went offline, reports fault codes): a transport round re-plans at once, giving the
     * work it was dispatched but had not started to other vehicles. Completes with the round's outcome, or null
     * without transport dispatch or when the round failed (logged).
     */
    public Future<TransportRound.Outcome> vehicleStalled(LiveEvent.VehicleStalled stalled) {
        if (transport == null) {
            return Future.succeededFuture();
        }
        long received = System.nanoTime();
        Promise<TransportRound.Outcome> round = Promise.promise();
        context.runOnContext(v -> {
            // stalls that come while a stall round waits join it: it reads live state when it starts
            boolean waiting = !stallsWaiting.isEmpty();
            stallsWaiting.add(stalled.describe());
            if (!waiting) {
                stallRound = dispatch(() -> {
                    JournaledPlan.Trigger trigger = new JournaledPlan.Trigger(stalled.kind(),
                            String.join("; ", stallsWaiting));
                    stallsWaiting.clear();
                    return trigger;
                }, received);
            }
            stallRound.onComplete(round);
        });
        return round.future();
    }

    private <T> Future<T> inOrder(VesselCallId call, Supplier<Future<T>> step) {
        Future<?> previous = queues.getOrDefault(call, Future.succeededFuture());
        Future<T> next = previous.transform(ignored -> step.get());
        queues.put(call, next);
        return next;
    }

    private void onYardEvent(JsonObject body) {
        YardEvent event = YardEventJson.decode(body);
        switch (event) {
            case WorkInstructionChanged changed -> onInstruction(changed.instruction());
            case EquipmentUpdated updated -> onEquipment(updated.state());
            case VesselCallChanged changed -> onVesselCall(changed);
            case ContainerMoved moved -> {
            }
        }
    }

    /**
     * A hold placed or released: each call's plan writes its moves of the container again, in the call's queue, so a
     * held move is kept back (recalled if it was dispatched) and a released one goes out as the plan has it, without
     * waiting for the next re-plan. The holds themselves are read where each version is written.
     */
    private void onHoldChanged(JsonObject fact) {
        ContainerNumber container = new ContainerNumber(fact.getString("container"));
        schedulers.forEach((call, scheduler) -> {
            LivePlan plan = scheduler.currentPlan();
            List<WorkInstruction> moves = plan == null ? List.of() : plan.instructions().stream()
                    .filter(move -> move.container().equals(container)).toList();
            if (!moves.isEmpty()) {
                inOrder(call, () -> publisher.rewrite(moves, scheduler.ownedCranes()))
                        .onSuccess(refusals -> refusals.forEach(refusal ->
                                LOG.warn("hold on {} ({}): live state refused {}", container, call, refusal)))
                        .onFailure(e -> LOG.error("hold on {} ({}): moves not written: {}", container, call,
                                e.toString()));
            }
        });
    }

    private void onInstruction(WorkInstruction instruction) {
        VesselCallId call = callOf.get(instruction.id());
        if (call == null) {
            return;
        }
        boolean released = instruction.state() == WorkInstructionState.PLANNED
                || instruction.state() == WorkInstructionState.DISPATCHED;
        if (released && !sameAsPlanned(call, instruction)) {
            transportWrote(call, instruction);
            return;
        }
        LiveEvent event = switch (instruction.state()) {
            case IN_PROGRESS -> new LiveEvent.MoveStarted(instruction.id(), instruction.updatedAt());
            case DONE -> new LiveEvent.MoveDone(instruction.id(), instruction.updatedAt());
            // the scheduler's own versions come back as facts too; machines report only starts and ends
            case PLANNED, DISPATCHED, SUSPENDED, FAILED, CANCELLED -> null;
        };
        if (event != null && !sameAsPlanned(call, instruction)) {
            submit(call, event);
        }
    }

    /**
     * A version of a planned move that is not the loop's own: transport dispatch named a vehicle or dispatched it. The
     * call's scheduler learns it in the call's queue, without a re-plan, so its next re-plan keeps a dispatched move
     * on its crane at its place.
     */
    private void transportWrote(VesselCallId call, WorkInstruction version) {
        CraneScheduler scheduler = schedulers.get(call);
        if (scheduler != null) {
            inOrder(call, () -> worker.executeBlocking(() -> scheduler.transportWrote(version)));
        }
    }

    private boolean sameAsPlanned(VesselCallId call, WorkInstruction instruction) {
        LivePlan plan = currentPlan(call);
        return plan != null && plan.instruction(instruction.id()).map(instruction::equals).orElse(false);
    }

    private void onEquipment(EquipmentState state) {
        boolean out = state.status() == EquipmentStatus.FAULT || state.status() == EquipmentStatus.OFFLINE;
        Boolean previous = outOfService.put(state.id(), out || !state.faultCodes().isEmpty());
        boolean wasOut = Boolean.TRUE.equals(previous);
        if (state.kind().isHorizontalTransport()) {
            if ((out || !state.faultCodes().isEmpty()) && !wasOut) {
                String reason = out ? state.status().name() : "fault " + state.faultCodes();
                vehicleStalled(new LiveEvent.VehicleStalled(state.id(), reason, state.lastSeen()));
            }
            return;
        }
        if (!out) {
            if (wasOut && state.faultCodes().isEmpty()) {
                craneBack(state.id(), state.lastSeen());
            }
            // a crane first heard in service (or back) that no plan has: the split may have work for it
            if (split != null && state.kind().isQuayCrane() && state.faultCodes().isEmpty()
                    && !Boolean.FALSE.equals(previous) && schedulers.values().stream()
                    .noneMatch(scheduler -> scheduler.callCranes().contains(state.id()))) {
                rebalanceSoon(state.lastSeen());
            }
            return;
        }
        EquipmentId crane = state.id();
        schedulers.forEach((call, scheduler) -> {
            LivePlan plan = scheduler.currentPlan();
            if (plan != null && plan.cranes().stream().anyMatch(queue -> queue.crane().equals(crane))) {
                String reason = state.status() == EquipmentStatus.FAULT ? "fault " + state.faultCodes() : "offline";
                submit(call, new LiveEvent.CraneOut(crane, reason, state.lastSeen()));
            }
        });
    }

    /** A crane of a call, out of its plan, is in service again: it rejoins the call where it last stood. */
    private void craneBack(EquipmentId crane, Instant at) {
        schedulers.forEach((call, scheduler) -> {
            LivePlan plan = scheduler.currentPlan();
            if (plan == null || !scheduler.callCranes().contains(crane)
                    || plan.cranes().stream().anyMatch(queue -> queue.crane().equals(crane))) {
                return;
            }
            long received = System.nanoTime();
            inOrder(call, () -> worker.executeBlocking(() -> scheduler.isOut(crane)
                            ? scheduler.apply(new LiveEvent.CraneBack(crane, scheduler.lastBay(crane), at)) : null)
                    .compose(outcome -> outcome == null ? Future.succeededFuture(null)
                            : afterPlan(call, scheduler, outcome, received)));
        });
    }

    /**
     * A vessel call added or changed: its work is read (the bay plan against live state) and planned, in the call's
     * queue so a burst of changes is planned in order and a call is never started twice.
     */
    private void onVesselCall(VesselCallChanged changed) {
        if (split != null) {
            rebalanceSoon(changed.at());
        } else {
            planCall(changed.call(), changed.at());
        }
    }

    private Future<ReplanOutcome> planCall(VesselCall call, Instant at) {
        VesselCallId id = call.id();
        long received = System.nanoTime();
        return inOrder(id, () -> workSource.workOf(call).compose(work -> schedulers.containsKey(work.call())
                ? replan(work.call(), new LiveEvent.CallChanged(work, at), received)
                : firstPlan(work, received))).onFailure(e -> {
            if (e instanceof IllegalArgumentException) {
                LOG.warn("vessel call {} has no crane work the scheduler can plan: {}", id, e.getMessage());
            } else {
                LOG.error("vessel call {}: planning its crane work failed", id, e);
            }
        });
    }

    /**
     * Plans every berthed vessel call of live state that has no plan yet — at start-up, the calls that were alongside
     * before the scheduler ran (later calls arrive as {@code yard.vesselcall.changed}). Completes with the calls whose
     * first plan was published, once every one is planned or found to have nothing the scheduler can plan (logged).
     */
    public Future<List<VesselCallId>> planBerthedCalls() {
        Promise<List<VesselCallId>> planned = Promise.promise();
        if (split != null) {
            context.runOnContext(v -> rebalance(clock.instant()).onComplete(planned));
            return planned.future();
        }
        context.runOnContext(v -> yard.reader().vesselCalls().compose(calls -> {
            List<Future<VesselCallId>> plans = calls.stream()
                    .filter(call -> call.berth() != null && !schedulers.containsKey(call.id()))
                    .map(call -> planCall(call, clock.instant())
                            .map(outcome -> outcome instanceof Published ? call.id() : null)
                            .otherwise((VesselCallId) null))
                    .toList();
            return Future.join(plans).map(all -> plans.stream().map(Future::result)
                    .filter(Objects::nonNull).toList());
        }).onComplete(planned));
        return planned.future();
    }

    /**
     * Shares the quay cranes among the berthed calls again (a call arrived, changed or left) and plans each call with
     * the cranes the split gives it now: a call new to the loop gets its first plan, the others re-plan with their new
     * cranes (a crane leaving a call gives its started work back, as a crane going out does); a call no longer
     * berthed leaves the loop. Re-balances run one after the other; completes with the calls that have a plan.
     */
    private Future<List<VesselCallId>> rebalance(Instant at) {
        Future<List<VesselCallId>> done = splitChain.transform(ignored -> {
            rebalanceWaiting = false;
            return Future.all(yard.reader().vesselCalls(), yard.reader().equipment());
        }).compose(read -> {
                    // a berth without a berthing time is no place on the quay yet (the berth plan gives both)
                    List<VesselCall> berthed = read.<List<VesselCall>>resultAt(0).stream()
                            .filter(call -> call.berth() != null && call.etb() != null).toList();
                    Set<EquipmentId> out = read.<List<EquipmentState>>resultAt(1).stream()
                            .filter(state -> state.status() == EquipmentStatus.FAULT
                                    || state.status() == EquipmentStatus.OFFLINE)
                            .map(EquipmentState::id).collect(Collectors.toSet());
                    schedulers.keySet().stream().filter(call -> berthed.stream().noneMatch(b -> b.id().equals(call)))
                            .toList().forEach(this::leave);
                    List<Future<QuaySplit.CallOnQuay>> works = berthed.stream()
                            .map(call -> workSource.workToSplit(call).map(work -> new QuaySplit.CallOnQuay(call, work))
                                    .otherwise(e -> {
                                        LOG.warn("vessel call {} has no crane work the scheduler can plan: {}",
                                                call.id(), e.getMessage());
                                        return null;
                                    }))
                            .toList();
                    return Future.join(works).map(all -> works.stream().map(Future::result).filter(Objects::nonNull)
                            .toList()).compose(onQuay -> splitAndPlan(onQuay, out, at, true));
                });
        splitChain = done;
        return done.onFailure(e -> LOG.error("crane split failed; the calls keep their cranes", e));
    }

    /**
     * Splits and plans each call with its cranes; when a call's detailed plan then misses the planned departure the
     * split's estimate met, splits once more with what that plan showed ({@link QuaySplit#detailedCompletion}), within
     * the same re-balance.
     */
    private Future<List<VesselCallId>> splitAndPlan(List<QuaySplit.CallOnQuay> onQuay, Set<EquipmentId> out,
                                                    Instant at, boolean again) {
        splitting = true;
        missedInDetail = false;
        return vertx.executeBlocking(() -> split.split(onQuay, out), false)
                .compose(result -> planSplit(onQuay, result, at))
                .compose(planned -> {
                    if (again && missedInDetail) {
                        LOG.info("crane split: a detailed plan misses the departure the estimate met; splitting again");
                        return splitAndPlan(onQuay, out, at, false);
                    }
                    return Future.succeededFuture(planned);
                })
                .andThen(result -> splitting = false);
    }

    /**
     * Re-balances when the time the split in force moves a crane has come (checked every {@link #SPLIT_CHECK} on the
     * verticle's clock): the split is made again from now, its stability term keeping what still holds, and each call
     * is planned with the cranes its first slot now has — a crane goes to its next vessel mid-call as the split
     * planned it, not only when a call arrives, changes or leaves. Completes with whether it re-balanced.
     */
    Future<Boolean> rebalanceIfDue() {
        Promise<Boolean> due = Promise.promise();
        context.runOnContext(v -> {
            Instant now = clock.instant();
            if (split == null || splitDueAt == null || now.isBefore(splitDueAt)) {
                due.complete(false);
                return;
            }
            LOG.info("crane split: the split in force moves a crane at {}; re-balancing", splitDueAt);
            splitDueAt = null;
            rebalanceSoon(now);
            due.complete(true);
        });
        return due.future();
    }

    /**
     * A re-balance soon: one waiting to start takes this change in too (it reads live state when it starts), so a
     * burst of facts (cranes reporting in at start, several calls changed) costs one or two splits, not one each.
     */
    private void rebalanceSoon(Instant at) {
        if (!rebalanceWaiting) {
            rebalanceWaiting = true;
            rebalance(at);
        }
    }

    private Future<List<VesselCallId>> planSplit(List<QuaySplit.CallOnQuay> onQuay, QuaySplit.Result result,
                                                 Instant at) {
        splitDueAt = result.split() == null ? null : split.nextChange().orElse(null);
        LOG.info("crane split: {} ({}); next crane move at {}", result.cranesNow(),
                result.split() == null ? "no crane in service or no call alongside" : result.split().score(),
                splitDueAt);
        holdLeavingCranes(result);
        splitCranes.clear();
        List<Future<VesselCallId>> plans = new ArrayList<>();
        for (QuaySplit.CallOnQuay call : onQuay) {
            VesselCallId id = call.call().id();
            splitCranes.put(id, result.cranesNow().getOrDefault(id, List.of()));
            splitWork.put(id, call.work());
            List<EquipmentId> cranes = freeCranes(id);
            if (cranes.isEmpty() && !schedulers.containsKey(id)) {
                LOG.info("crane split gives vessel call {} no crane now; it is planned when it gets cranes", id);
                continue;
            }
            if (cranes.isEmpty()) {
                // the split gave the call's cranes elsewhere: its plan lets them go and waits, with no crane, for more
                LOG.info("crane split gives vessel call {} no crane now; its plan waits for cranes", id);
            }
            CallWork work = call.work().withCranes(cranes);
            long received = System.nanoTime();
            plans.add(inOrder(id, () -> schedulers.containsKey(id)
                    ? replan(id, new LiveEvent.CallChanged(work, at), received) : firstPlan(work, received))
                    .map(outcome -> schedulers.containsKey(id) ? id : null)
                    .otherwise((VesselCallId) null));
        }
        return Future.join(plans).map(all -> plans.stream().map(Future::result).filter(Objects::nonNull).toList());
    }

    /**
     * A crane the split takes off a call finishes the moves in its hands there before it goes ({@link
     * CraneScheduler#finishingCranes}): until that call's plan lets it go, no other call is planned with it. Every
     * crane a planned call loses counts as held until the call's next plan says whether it had work in hand.
     */
    private void holdLeavingCranes(QuaySplit.Result result) {
        schedulers.forEach((id, scheduler) -> {
            List<EquipmentId> now = result.cranesNow().getOrDefault(id, List.of());
            LivePlan plan = scheduler.currentPlan();
            if (plan != null) {
                plan.cranes().stream().map(LivePlan.CraneQueue::crane).filter(crane -> !now.contains(crane))
                        .forEach(crane -> finishingOn.putIfAbsent(crane, id));
            }
        });
        // a crane the split leaves on the call it was finishing on simply stays
        finishingOn.entrySet().removeIf(held -> result.cranesNow().getOrDefault(held.getValue(), List.of())
                .contains(held.getKey()));
    }

    /** The cranes held back from the call the split gave them, and the call they finish moves in hand on. */
    Map<EquipmentId, VesselCallId> heldCranes() {
        return Map.copyOf(finishingOn);
    }

    /** The cranes the last split gives a call now, less those still finishing work in hand on another call. */
    private List<EquipmentId> freeCranes(VesselCallId call) {
        return splitCranes.getOrDefault(call, List.of()).stream().filter(crane -> {
            VesselCallId on = finishingOn.get(crane);
            return (on == null || on.equals(call)) && !Boolean.TRUE.equals(outOfService.get(crane));
        }).toList();
    }

    /**
     * After a call's plan: the cranes held for it that it no longer has (their work in hand done, or nothing in hand
     * after all) go to the calls the split gave them, each re-planned with its cranes free now.
     */
    private void cranesFinished(VesselCallId call, CraneScheduler scheduler) {
        Set<EquipmentId> finishing = scheduler.finishingCranes();
        Set<EquipmentId> ofCall = scheduler.callCranes();
        List<EquipmentId> freed = finishingOn.entrySet().stream()
                .filter(held -> held.getValue().equals(call) && !finishing.contains(held.getKey())
                        && !ofCall.contains(held.getKey()))
                .map(Map.Entry::getKey).toList();
        if (freed.isEmpty()) {
            return;
        }
        freed.forEach(finishingOn::remove);
        LOG.info("vessel call {} lets {} go: their moves in hand are done", call, freed);
        Instant at = clock.instant();
        splitCranes.forEach((id, cranes) -> {
            if (id.equals(call) || cranes.stream().noneMatch(freed::contains)) {
                return;
            }
            List<EquipmentId> free = freeCranes(id);
            long received = System.nanoTime();
            inOrder(id, () -> {
                CraneScheduler next = schedulers.get(id);
                if (next != null) {
                    return worker.executeBlocking(() -> next.work().withCranes(free))
                            .compose(work -> replan(id, new LiveEvent.CallChanged(work, at), received));
                }
                return free.isEmpty() ? Future.succeededFuture((ReplanOutcome) null)
                        : firstPlan(splitWork.get(id).withCranes(free), received);
            }).onFailure(e -> LOG.error("vessel call {}: planning it with {} failed", id, freed, e));
        });
    }

    /**
     * A call no longer berthed leaves the loop: its cranes are free at once; in the call's queue, behind whatever of
     * it was still being planned (a re-plan in flight publishes first, so nothing of the call is written after its
     * cancellations), its moves and queues leave the loop, its moves not under way are cancelled in live state
     * ({@link PlanPublisher#cancelUnstarted}: a move a machine took up stays the machine's), and a transport round
     * lets the vehicles of the cancelled moves go.
     */
    private void leave(VesselCallId call) {
        CraneScheduler scheduler = schedulers.remove(call);
        split.forget(call);
        // its cranes finishing moves in hand are free for the split that follows (the moves stay the machines')
        finishingOn.values().removeIf(call::equals);
        splitWork.remove(call);
        LOG.info("vessel call {} left the quay: its crane plan ends", call);
        long received = System.nanoTime();
        inOrder(call, () -> {
            callOf.values().removeIf(call::equals);
            transportQueues.remove(call);
            return worker.executeBlocking(() -> {
                        // the call is planned no more: its running solver, if any, stops
                        scheduler.close();
                        return scheduler.openMoves();
                    })
                    .compose(open -> publisher.cancelUnstarted(open, new ExceptionReason("CALL_LEFT",
                            "vessel call " + call + " left the quay"), clock.instant()).map(cancelled -> {
                        LOG.info("vessel call {} left: {} of its {} open moves cancelled, the rest under way", call,
                                cancelled.size(), open.size());
                        return cancelled;
                    }))
                    .compose(cancelled -> dispatch(() -> new JournaledPlan.Trigger("CALL_LEFT", "vessel call " + call
                            + " left the quay: " + cancelled.size() + " moves cancelled"), received))
                    .onFailure(e -> LOG.error("vessel call {} left: cancelling its open moves failed", call, e));
        });
    }

    private void onOverride(Message<JsonObject> message) {
        JsonObject body = message.body();
        LiveEvent.OperatorOverride override;
        VesselCallId call;
        try {
            override = new LiveEvent.OperatorOverride(new WorkInstructionId(body.getString("instruction")),
                    new EquipmentId(body.getString("crane")), body.getString("operator", "operator"), clock.instant());
            call = callOf.get(override.instruction());
        } catch (IllegalArgumentException | NullPointerException e) {
            message.fail(400, "override needs instruction, crane and operator: " + e.getMessage());
            return;
        }
        if (call == null) {
            message.fail(404, "no crane plan has move " + override.instruction());
            return;
        }
        submit(call, override).onComplete(result -> {
            if (result.failed()) {
                message.fail(500, result.cause().getMessage());
            } else if (result.result() instanceof Refused refused) {
                message.fail(409, String.join("; ", refused.reasons()));
            } else {
                message.reply(new JsonObject().put("version", ((Published) result.result()).plan().version()));
            }
        });
    }

    /** Why the plan has a move on its crane; on the call's worker, in turn with its events (the scheduler is not thread-safe). */
    private void onExplain(Message<JsonObject> message) {
        WorkInstructionId instruction;
        try {
            instruction = new WorkInstructionId(message.body().getString("instruction"));
        } catch (IllegalArgumentException | NullPointerException e) {
            message.fail(400, "explain needs an instruction: " + e.getMessage());
            return;
        }
        VesselCallId call = callOf.get(instruction);
        if (call == null) {
            message.fail(404, "no crane plan has move " + instruction);
            return;
        }
        inOrder(call, () -> {
            CraneScheduler scheduler = schedulers.get(call);
            return scheduler == null ? Future.succeededFuture(Optional.<CraneScheduler.InstructionExplanation>empty())
                    : worker.executeBlocking(() -> scheduler.explain(instruction));
        }).onComplete(result -> {
            if (result.failed()) {
                message.fail(500, result.cause().getMessage());
            } else if (result.result().isEmpty()) {
                message.fail(404, "no crane plan has move " + instruction);
            } else {
                message.reply(explanation(call, result.result().get()));
            }
        });
    }

    private static JsonObject explanation(VesselCallId call, CraneScheduler.InstructionExplanation why) {
        return new JsonObject().put("instruction", why.instruction().id().value()).put("call", call.value())
                .put("container", why.instruction().container().value())
                .put("crane", why.instruction().assigned().isEmpty() ? null
                        : why.instruction().assigned().getFirst().value())
                .put("task", why.task().value()).put("planScore", why.planScore())
                .put("reasons", new JsonArray(why.reasons().stream().map(reason -> new JsonObject()
                        .put("constraint", reason.constraint()).put("score", reason.score())
                        .put("text", reason.text())).toList()))
                .put("alternatives", new JsonArray(why.alternatives().stream().map(alternative -> new JsonObject()
                        .put("crane", alternative.crane().value()).put("score", alternative.score())).toList()));
    }
}
