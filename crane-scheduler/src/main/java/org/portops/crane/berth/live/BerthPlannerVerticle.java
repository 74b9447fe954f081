package org.portops.crane.berth.live;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.VerticleBase;
import io.vertx.core.WorkerExecutor;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonObject;
import org.portops.crane.berth.live.LiveBerthPlanner.Published;
import org.portops.crane.berth.live.LiveBerthPlanner.Refused;
import org.portops.crane.berth.quay.BerthCall;
import org.portops.crane.berth.quay.BerthSettings;
import org.portops.crane.berth.quay.QuayLayout;
import org.portops.model.event.Addresses;
import org.portops.model.event.VesselCallChanged;
import org.portops.model.event.YardEvent;
import org.portops.model.layout.TerminalLayout;
import org.portops.model.vessel.VesselCall;
import org.portops.model.vessel.VesselCallId;
import org.portops.state.LiveYard;
import org.portops.state.VesselCallChange;
import org.portops.state.YardStateReader;
import org.portops.state.json.YardEventJson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The edge of the continuous berth planner: plans the vessel calls of live state at start, then applies every
 * {@code yard.vesselcall.changed} fact and every {@code berth.call.change} command as a problem change on one
 * worker thread, in arrival order (those arriving during a re-plan together in the next), and publishes each new plan as a berth-time chart on
 * {@code berth.plan.published}; answers {@code berth.plan.current} with the latest chart. Refused commands are
 * answered with the reasons; a refused fact is logged. Built with the {@link LiveYard}, it writes each plan's berths
 * and berthing times into live state ({@link BerthPlanWriteBack}) before it applies the next change, so the crane
 * split and the crane scheduler follow the plan as they follow any vessel-call change; its own writes coming back as
 * facts are not re-planned.
 */
public final class BerthPlannerVerticle extends VerticleBase {
    private static final Logger LOG = LoggerFactory.getLogger(BerthPlannerVerticle.class);

    private final YardStateReader yard;
    /** Where plans are written back; null: the plan is only published. */
    private final LiveYard liveYard;
    /** Per call, what this planner last wrote into live state (its berth and ETB are the plan's, not an operator's). */
    private final Map<VesselCallId, BerthPlanWriteBack.Written> written = new HashMap<>();
    /** Per call, the version this planner last wrote, to know it when it comes back as a fact. */
    private final Map<VesselCallId, VesselCall> echoes = new HashMap<>();
    /** Where {@link #written} is kept across restarts; null: in memory only. */
    private final BerthPlanMemory memory;
    private final TerminalLayout layout;
    private final BerthSettings settings;
    private final Clock clock;
    private final QuayLayout quay;
    private final List<MessageConsumer<?>> consumers = new ArrayList<>();
    private final MeterRegistry registry;
    private Timer replanTime;
    private LiveBerthPlanner planner;
    private WorkerExecutor worker;
    private final List<Pending> pending = new ArrayList<>();
    private Future<?> chain = Future.succeededFuture();
    private volatile JsonObject current;

    /**
     * A planner that only publishes its plans. {@code registry}: where the re-plan time
     * ({@code portops.berth.replan.latency}) is recorded.
     */
    public BerthPlannerVerticle(YardStateReader yard, TerminalLayout layout, BerthSettings settings, Clock clock,
                                MeterRegistry registry) {
        this(yard, null, null, layout, settings, clock, registry);
    }

    /**
     * A planner that publishes its plans and writes them into the live yard's vessel calls, remembering its writes
     * only while it runs (a restarted one takes every future berth and ETB for fixed).
     */
    public BerthPlannerVerticle(LiveYard yard, TerminalLayout layout, BerthSettings settings, Clock clock,
                                MeterRegistry registry) {
        this(yard.reader(), yard, null, layout, settings, clock, registry);
    }

    /** As above, its writes remembered in {@code memory}, so a restarted planner knows its own placements. */
    public BerthPlannerVerticle(LiveYard yard, BerthPlanMemory memory, TerminalLayout layout, BerthSettings settings,
                                Clock clock, MeterRegistry registry) {
        this(yard.reader(), yard, memory, layout, settings, clock, registry);
    }

    private BerthPlannerVerticle(YardStateReader yard, LiveYard liveYard, BerthPlanMemory memory,
                                 TerminalLayout layout, BerthSettings settings, Clock clock, MeterRegistry registry) {
        this.registry = registry;
        this.yard = yard;
        this.liveYard = liveYard;
        this.memory = memory;
        this.layout = layout;
        this.settings = settings;
        this.clock = clock;
        this.quay = QuayLayout.of(layout, settings.outreachMeters(), settings.clearanceMeters());
    }

    @Override
    public Future<?> start() {
        planner = new LiveBerthPlanner(quay, settings, clock);
        replanTime = Timer.builder("portops.berth.replan.latency").publishPercentiles(0.5, 0.95, 0.99)
                .description("from a change reaching the berth planner to its new plan, solved, explained and checked")
                .register(registry);
        worker = vertx.createSharedWorkerExecutor("berth-planner-" + deploymentID(), 1);
        // cluster-wide consumers: every node's vessel-call facts and commands, and every node's HTTP asking for the
        // current plan, reach the one node that plans
        consumers.add(vertx.eventBus().<JsonObject>consumer(Addresses.VESSEL_CALL_CHANGED,
                message -> onYardEvent(message.body())));
        consumers.add(vertx.eventBus().<JsonObject>consumer(Addresses.BERTH_CALL_CHANGE, this::onCommand));
        consumers.add(vertx.eventBus().<JsonObject>consumer(Addresses.BERTH_PLAN_CURRENT, this::onCurrent));
        Future<Void> remembered = memory == null ? Future.succeededFuture()
                : memory.load().onSuccess(written::putAll).<Void>mapEmpty();
        return Future.all(consumers.stream().map(MessageConsumer::completion).toList()).compose(registered -> remembered)
                .onSuccess(loaded -> inOrder(this::firstPlan));
    }

    @Override
    public Future<?> stop() {
        return Future.all(consumers.stream().map(MessageConsumer::unregister).toList())
                .compose(v -> worker.close());
    }

    private Future<Void> firstPlan() {
        // what this planner wrote before a restart, read on the event loop that keeps it
        Map<VesselCallId, BerthPlanWriteBack.Written> ours = Map.copyOf(written);
        return yard.vesselCalls().compose(calls -> worker.executeBlocking(() -> {
            List<BerthCall> berthCalls = new ArrayList<>();
            for (VesselCall call : calls) {
                try {
                    berthCalls.add(BerthCalls.of(call, ours.get(call.id()), layout, settings, clock.instant(),
                            quay.quayCranes()));
                } catch (IllegalArgumentException e) {
                    LOG.warn("vessel call {} left out of the berth plan: {}", call.id(), e.getMessage());
                }
            }
            return planner.start(berthCalls, "start: " + berthCalls.size() + " vessel calls in live state");
        })).compose(chart -> {
            publish(chart);
            return writeBack(chart);
        }).onFailure(e -> LOG.error("berth planner: the first plan failed", e));
    }

    private void onYardEvent(JsonObject body) {
        YardEvent event = YardEventJson.decode(body);
        if (event instanceof VesselCallChanged changed) {
            if (changed.call().equals(echoes.get(changed.call().id()))) {
                return;
            }
            BerthChange change;
            try {
                change = new BerthChange.CallChanged(BerthCalls.of(changed.call(), written.get(changed.call().id()),
                        layout, settings, clock.instant(), quay.quayCranes()), changed.at());
            } catch (IllegalArgumentException e) {
                LOG.warn("berth planner: vessel call {} not planned: {}", changed.call().id(), e.getMessage());
                return;
            }
            submit(change);
        }
    }

    private void onCommand(Message<JsonObject> message) {
        BerthChange change;
        try {
            change = BerthCommands.read(message.body(), settings, quay.quayCranes(), clock.instant());
        } catch (IllegalArgumentException e) {
            message.fail(400, e.getMessage());
            return;
        }
        submit(change).onComplete(result -> {
            if (result.failed()) {
                message.fail(500, result.cause().getMessage());
            } else if (result.result() instanceof Refused refused) {
                message.fail(409, String.join("; ", refused.reasons()));
            } else {
                message.reply(new JsonObject().put("version", ((Published) result.result()).chart().version()));
            }
        });
    }

    /**
     * Queues a change; the changes that arrive while a plan is being made are applied together in the next one, so
     * a burst costs one re-plan, not one each.
     */
    private Future<LiveBerthPlanner.Outcome> submit(BerthChange change) {
        Promise<LiveBerthPlanner.Outcome> outcome = Promise.promise();
        pending.add(new Pending(change, outcome));
        if (pending.size() == 1) {
            inOrder(this::applyPending);
        }
        return outcome.future();
    }

    private Future<Void> applyPending() {
        List<Pending> batch = List.copyOf(pending);
        pending.clear();
        return worker.executeBlocking(() -> planner.applyAll(batch.stream().map(Pending::change).toList()))
                .compose(outcomes -> {
                    afterApply(batch, outcomes);
                    return outcomes.stream().filter(Published.class::isInstance).map(Published.class::cast)
                            .findFirst().map(published -> writeBack(published.chart()))
                            .orElse(Future.succeededFuture());
                })
                .onFailure(e -> {
                    LOG.error("berth planner: re-planning {} change(s) failed", batch.size(), e);
                    batch.forEach(pending -> pending.outcome().fail(e));
                });
    }

    private void afterApply(List<Pending> batch, List<LiveBerthPlanner.Outcome> outcomes) {
        outcomes.stream().filter(Published.class::isInstance).map(Published.class::cast).findFirst()
                .ifPresent(published -> publish(published.chart()));
        for (int i = 0; i < batch.size(); i++) {
            if (outcomes.get(i) instanceof Refused refused) {
                LOG.warn("berth planner: {} refused: {}", refused.change().describe(), refused.reasons());
            }
            batch.get(i).outcome().complete(outcomes.get(i));
        }
    }

    private record Pending(BerthChange change, Promise<LiveBerthPlanner.Outcome> outcome) {
    }

    private void onCurrent(Message<JsonObject> message) {
        JsonObject chart = current;
        if (chart == null) {
            message.fail(404, "the berth planner has no plan yet");
        } else {
            message.reply(chart);
        }
    }

    private void publish(BerthChart chart) {
        JsonObject json = BerthChartJson.encode(chart);
        current = json;
        replanTime.record(chart.replanTime());
        LOG.info("berth plan v{} ({}): {} calls, {} conflicts, score {}, re-planned in {} ms", chart.version(),
                chart.trigger(), chart.vessels().size(), chart.conflicts().size(), chart.score(),
                chart.replanTime().toMillis());
        vertx.eventBus().publish(Addresses.BERTH_PLAN_PUBLISHED, json);
    }

    /**
     * Writes the plan's berths and berthing times into live state, remembering each write so its fact is known when
     * it comes back. A write live state refuses is logged; the plan stands and the next one tries again.
     */
    private Future<Void> writeBack(BerthChart chart) {
        if (liveYard == null) {
            return Future.succeededFuture();
        }
        return yard.vesselCalls().compose(calls -> {
            Map<VesselCallId, VesselCall> live = new HashMap<>();
            calls.forEach(call -> live.put(call.id(), call));
            List<BerthPlanWriteBack.Update> updates = BerthPlanWriteBack.updates(chart, live, clock.instant());
            List<Future<?>> writes = new ArrayList<>();
            for (BerthPlanWriteBack.Update update : updates) {
                written.put(update.call().id(), update.written());
                echoes.put(update.call().id(), update.call());
                // decided again from the call as held at the write: a line's new bay plan or ETA written since the
                // plan read the call is kept (an ETA moved on refuses the write; its own re-plan follows)
                writes.add(liveYard.changeVesselCall(update.call().id(), update::applyTo).compose(outcome -> {
                    switch (outcome) {
                        case VesselCallChange.Applied applied -> {
                            LOG.info("berth plan v{}: vessel call {} planned at berth {} from {}", chart.version(),
                                    applied.after().id(), applied.after().berth(), applied.after().etb());
                            return remember(update);
                        }
                        case VesselCallChange.Unchanged unchanged -> {
                            return Future.succeededFuture();
                        }
                        case VesselCallChange.Refused refused -> {
                            LOG.info("berth plan v{}: vessel call {} not written: {}", chart.version(),
                                    update.call().id(), refused.reason());
                            return Future.succeededFuture();
                        }
                    }
                }));
            }
            return Future.join(writes).<Void>mapEmpty();
        }).recover(e -> {
            LOG.warn("berth plan v{}: writing it into live state failed: {}", chart.version(), e.toString());
            return Future.succeededFuture();
        });
    }

    /**
     * Keeps the write across restarts, after it is in live state: a memory written first and its call write then
     * failing would make the call's previous, planner-made berth look like an operator's.
     */
    private Future<Void> remember(BerthPlanWriteBack.Update update) {
        if (memory == null) {
            return Future.succeededFuture();
        }
        return memory.remember(update.call().id(), update.written(), clock.instant(), liveYard.fence())
                .recover(e -> {
                    LOG.warn("berth planner: its write of vessel call {} is not remembered across a restart: {}",
                            update.call().id(), e.toString());
                    return Future.succeededFuture();
                });
    }

    private <T> Future<T> inOrder(Supplier<Future<T>> step) {
        Future<T> next = chain.transform(ignored -> step.get());
        chain = next;
        return next;
    }
}
