package org.portops.yard.live;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.WorkerExecutor;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.portops.model.container.Container;
import org.portops.model.container.ContainerNumber;
import org.portops.model.event.Addresses;
import org.portops.model.event.ContainerMoved;
import org.portops.model.event.EquipmentUpdated;
import org.portops.model.event.VesselCallChanged;
import org.portops.model.event.WorkInstructionChanged;
import org.portops.model.event.YardEvent;
import org.portops.model.vessel.VesselCall;
import org.portops.model.work.MoveKind;
import org.portops.model.work.WorkInstruction;
import org.portops.model.layout.TerminalLayout;
import org.portops.model.work.GateLocation;
import org.portops.model.work.Location;
import org.portops.model.yard.BlockId;
import org.portops.state.LiveYard;
import org.portops.state.json.ModelJson;
import org.portops.state.json.YardEventJson;
import org.portops.state.store.MoveLog;
import org.portops.yard.slot.Departure;
import org.portops.yard.slot.Housekeeping;
import org.portops.yard.slot.LoadingHousekeeping;
import org.portops.yard.slot.SlotDecision;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The yard planner on the event bus: a vessel call's discharge list ({@link Addresses#VESSEL_CALL_CHANGED}) and
 * gate-in announcements ({@link Addresses#YARD_SLOT_REQUEST}) get slots, written as planned instructions and
 * published with their reasons ({@link Addresses#YARD_SLOT_DECIDED}); every {@code housekeepingEvery}, and on
 * {@link Addresses#YARD_HOUSEKEEPING_REQUEST}, the blocks with no open work get re-marshalling moves
 * ({@link Addresses#YARD_HOUSEKEEPING_PROPOSED}); every {@link Loading#every()}, and on
 * {@link Addresses#YARD_LOADING_HOUSEKEEPING_REQUEST}, the containers of the vessel calls due within
 * {@link Loading#horizon()} are moved towards their berths and into loading order, unless an earlier such round's
 * shifts are still open. Container moves keep its picture of the yard current. The work is {@link LiveYardPlanner}'s.
 */
public final class YardPlannerVerticle extends VerticleBase {

    private static final Logger LOG = LoggerFactory.getLogger(YardPlannerVerticle.class);
    private static final int BAD_REQUEST = 400;
    private static final int NO_SLOT = 409;

    /**
     * Housekeeping ahead of loading.
     *
     * @param every   how often a round runs; zero: only on request
     * @param horizon a vessel call is due when it arrives within this and has not left
     * @param budget  the moves of a round and the least gain of one
     */
    public record Loading(Duration every, Duration horizon, LoadingHousekeeping.Settings budget) {
        /** Every 10 min, the calls of the next 24 h, 30 moves a round. */
        public static final Loading DEFAULTS = new Loading(Duration.ofMinutes(10), Duration.ofHours(24),
                LoadingHousekeeping.Settings.DEFAULTS);

        public Loading {
            if (every == null || every.isNegative()) {
                throw new IllegalArgumentException("loading housekeeping must run every zero or more, was " + every);
            }
            if (horizon == null || !horizon.isPositive()) {
                throw new IllegalArgumentException("loading housekeeping must look ahead a positive time, was "
                        + horizon);
            }
            if (budget == null) {
                throw new IllegalArgumentException("loading housekeeping needs a move budget");
            }
        }

        /** Only on request, with the default horizon and budget. */
        public static Loading onRequest() {
            return new Loading(Duration.ZERO, DEFAULTS.horizon(), DEFAULTS.budget());
        }
    }

    private final LiveYard yard;
    private final TerminalLayout layout;
    private final LiveYardPlanner.Settings settings;
    private final Duration housekeepingEvery;
    private final Clock clock;
    private final MoveLog history;
    private final Duration relearnEvery;
    private final Loading loading;
    private final List<MessageConsumer<?>> consumers = new ArrayList<>();
    private WorkerExecutor solver;
    private LiveYardPlanner planner;
    private long timer = -1;
    private long learningTimer = -1;
    private long loadingTimer = -1;
    /** The last loading round: the next one starts after it, so two cannot both find no open shifts. */
    private Future<JsonObject> loadingRound = Future.succeededFuture();

    /** @param housekeepingEvery how often quiet blocks are looked at for housekeeping; zero: only on request */
    public YardPlannerVerticle(LiveYard yard, TerminalLayout layout, LiveYardPlanner.Settings settings,
                               Duration housekeepingEvery, Clock clock) {
        this(yard, layout, settings, housekeepingEvery, clock, null, Duration.ZERO, Loading.onRequest());
    }

    /**
     * @param history      the move log the dwell model learns from at start and every {@code relearnEvery} (zero:
     *                     at start only); null: the configured forecast only
     * @param loading      housekeeping ahead of loading
     */
    public YardPlannerVerticle(LiveYard yard, TerminalLayout layout, LiveYardPlanner.Settings settings,
                               Duration housekeepingEvery, Clock clock, MoveLog history, Duration relearnEvery,
                               Loading loading) {
        this.yard = yard;
        this.layout = layout;
        this.settings = settings;
        this.housekeepingEvery = housekeepingEvery;
        this.clock = clock;
        this.history = history;
        this.relearnEvery = relearnEvery;
        this.loading = loading;
    }

    @Override
    public Future<?> start() {
        solver = vertx.createSharedWorkerExecutor("yard-planner-" + deploymentID(), 1);
        planner = new LiveYardPlanner(yard, layout, settings, clock, solver,
                PickupAppointments.over(vertx.eventBus()));
        // cluster-wide consumers: in a cluster the planner runs on one node (its lease's), while moves are applied by
        // the yard writer's node and gate requests and appointments arrive at any node
        for (String moves : List.of(Addresses.CONTAINER_MOVED, Addresses.CONTAINER_PLACED,
                Addresses.CONTAINER_REMOVED, Addresses.VESSEL_CALL_CHANGED)) {
            consumers.add(vertx.eventBus().<JsonObject>consumer(moves, m -> onYardEvent(m.body())));
        }
        consumers.add(vertx.eventBus().<JsonObject>consumer(Addresses.YARD_SLOT_REQUEST, this::onGateIn));
        consumers.add(vertx.eventBus().<JsonObject>consumer(Addresses.GATE_APPOINTMENT_CHANGED,
                m -> onAppointment(m.body())));
        consumers.add(vertx.eventBus().<JsonObject>consumer(Addresses.YARD_HOUSEKEEPING_REQUEST,
                this::onHousekeeping));
        consumers.add(vertx.eventBus().<JsonObject>consumer(Addresses.YARD_LOADING_HOUSEKEEPING_REQUEST,
                m -> loadingRound().onComplete(done -> {
                    if (done.failed()) {
                        m.fail(BAD_REQUEST, done.cause().getMessage());
                    } else {
                        m.reply(done.result());
                    }
                })));
        if (!housekeepingEvery.isZero()) {
            timer = vertx.setPeriodic(housekeepingEvery.toMillis(), id -> planner.housekeeping(null)
                    .onSuccess(this::publishHousekeeping)
                    .onFailure(e -> LOG.error("Yard planner: housekeeping failed", e)));
        }
        if (!loading.every().isZero()) {
            loadingTimer = vertx.setPeriodic(loading.every().toMillis(), id -> loadingRound()
                    .onSuccess(r -> LOG.info("Yard planner: loading housekeeping for {}: {} moves{}",
                            r.getJsonArray("calls"), r.getJsonArray("moves").size(),
                            r.containsKey("open") ? " (" + r.getInteger("open") + " shifts still open)" : ""))
                    .onFailure(e -> LOG.error("Yard planner: loading housekeeping failed", e)));
        }
        if (history != null) {
            learnDwell();
            if (!relearnEvery.isZero()) {
                learningTimer = vertx.setPeriodic(relearnEvery.toMillis(), id -> learnDwell());
            }
        }
        return Future.all(consumers.stream().map(MessageConsumer::completion).toList());
    }

    /** Learning runs beside the planner's work: until a model is adopted, the configured forecast stands. */
    private void learnDwell() {
        planner.learnDwell(history)
                .onSuccess(YardPlannerVerticle::logDwell)
                .onFailure(e -> LOG.error("Yard planner: the dwell model could not be learnt from the move log", e));
    }

    private static void logDwell(DwellLearning.Report report) {
        if (report.trainedOn() == 0) {
            LOG.info("Yard planner: no dwell model, the configured forecast stays: {}", report.reason());
            return;
        }
        LOG.info("Yard planner: dwell model {} ({}): {} stays, held-back mean error {} h against {} h for the "
                        + "configured forecast, 80 % window holds {}", report.adopted() ? "in use" : "not in use",
                report.reason(), report.stays(), String.format("%.1f", report.modelMaeHours()),
                String.format("%.1f", report.currentMaeHours()), String.format("%.2f", report.modelCoverage80()));
    }

    @Override
    public Future<?> stop() {
        if (timer >= 0) {
            vertx.cancelTimer(timer);
        }
        if (learningTimer >= 0) {
            vertx.cancelTimer(learningTimer);
        }
        if (loadingTimer >= 0) {
            vertx.cancelTimer(loadingTimer);
        }
        return Future.all(consumers.stream().map(MessageConsumer::unregister).toList())
                .compose(v -> solver.close());
    }

    /** Where discharged containers go ashore: the crane scheduler's source of discharge slots. */
    public Future<Map<ContainerNumber, Location>> slotsFor(List<Container> containers) {
        return planner.slotsFor(containers);
    }

    LiveYardPlanner planner() {
        return planner;
    }

    private void onYardEvent(JsonObject body) {
        YardEvent event = YardEventJson.decode(body);
        switch (event) {
            case ContainerMoved moved -> planner.moved(moved);
            case VesselCallChanged changed -> planner.discharges(changed.call())
                    .onSuccess(decisions -> decisions.forEach(this::publishDecision))
                    .onFailure(e -> LOG.error("Yard planner: the discharges of {} could not be planned",
                            changed.call().id(), e));
            case WorkInstructionChanged instruction -> {
                // not subscribed: instructions change no stack
            }
            case EquipmentUpdated equipment -> {
                // not subscribed: machines change no stack
            }
        }
    }

    private void onAppointment(JsonObject body) {
        Optional<PickupAppointments.Pickup> pickup;
        try {
            pickup = PickupAppointments.pickup(body);
        } catch (RuntimeException e) {
            LOG.warn("Yard planner: an appointment it cannot read was ignored ({}): {}", e.getMessage(), body);
            return;
        }
        pickup.ifPresent(p -> planner.pickupChanged(p.container(), p.window())
                .onFailure(e -> LOG.error("Yard planner: the pick-up of {} could not be followed", p.container(), e)));
    }

    private void onGateIn(Message<JsonObject> message) {
        Container container;
        GateLocation lane;
        Departure appointment;
        JsonObject body = message.body();
        try {
            container = ModelJson.container(body.getJsonObject("container"));
            lane = new GateLocation(body.getString("lane"));
            String departure = body.getString("departure");
            appointment = departure == null ? null : Departure.at(Instant.parse(departure));
        } catch (RuntimeException e) {
            message.fail(BAD_REQUEST, "a gate-in announcement needs container, lane and optionally departure (ISO"
                    + " instant) and vesselCall: " + e.getMessage());
            return;
        }
        planner.gateIn(container, lane, appointment, body.getString("vesselCall")).onComplete(done -> {
            if (done.failed()) {
                message.fail(BAD_REQUEST, done.cause().getMessage());
                return;
            }
            JsonObject json = publishDecision(done.result());
            if (done.result().decision() instanceof SlotDecision.NoSlot) {
                message.fail(NO_SLOT, "no slot for " + container.number() + ": " + json.getJsonObject("refusals"));
            } else {
                message.reply(json);
            }
        });
    }

    private void onHousekeeping(Message<JsonObject> message) {
        String block = message.body() == null ? null : message.body().getString("block");
        BlockId only;
        try {
            only = block == null ? null : new BlockId(block);
        } catch (RuntimeException e) {
            message.fail(BAD_REQUEST, e.getMessage());
            return;
        }
        planner.housekeeping(only).onComplete(done -> {
            if (done.failed()) {
                message.fail(BAD_REQUEST, done.cause().getMessage());
            } else {
                message.reply(publishHousekeeping(done.result()));
            }
        });
    }

    private Future<JsonObject> loadingRound() {
        loadingRound = loadingRound.transform(previous -> planLoading());
        return loadingRound;
    }

    /**
     * A loading round, unless an earlier one's shifts are still open: planning over them would pile moves on moves
     * not made yet (the planner's picture has them made, the yard cranes have not).
     */
    private Future<JsonObject> planLoading() {
        return yard.reader().workInstructions().compose(instructions -> {
            long open = instructions.stream().filter(YardPlannerVerticle::openLoadingShift).count();
            Instant now = clock.instant();
            if (open > 0) {
                return Future.succeededFuture(new JsonObject().put("calls", new JsonArray())
                        .put("moves", new JsonArray()).put("open", open));
            }
            return yard.reader().vesselCalls().compose(calls -> {
                List<VesselCall> due = calls.stream().filter(c -> c.etd().isAfter(now)
                        && c.eta().isBefore(now.plus(loading.horizon()))).toList();
                if (due.isEmpty()) {
                    return Future.succeededFuture(new JsonObject().put("calls", new JsonArray())
                            .put("moves", new JsonArray()));
                }
                return planner.loadingHousekeeping(due, loading.budget()).map(r -> loadingJson(due, r));
            });
        });
    }

    private static boolean openLoadingShift(WorkInstruction w) {
        return w.kind() == MoveKind.YARD_SHIFT && !w.state().isTerminal()
                && w.id().value().startsWith(LiveYardPlanner.LOADING_SHIFT);
    }

    private JsonObject loadingJson(List<VesselCall> calls, LiveYardPlanner.LoadingRound r) {
        double perRehandle = loading.budget().metresPerRehandle();
        JsonArray moves = new JsonArray();
        for (int i = 0; i < r.round().moves().size(); i++) {
            LoadingHousekeeping.Move move = r.round().moves().get(i);
            moves.add(new JsonObject().put("container", move.container().value())
                    .put("vesselCall", move.vesselCall()).put("from", move.from().toString())
                    .put("to", move.to().toString()).put("instruction", r.instructions().get(i).value())
                    .put("rehandlesSaved", move.rehandlesSaved()).put("metresSaved", move.metresSaved())
                    .put("reason", move.reason()));
        }
        return new JsonObject().put("calls", new JsonArray(calls.stream().map(c -> c.id().value()).toList()))
                .put("before", cost(r.round().before(), perRehandle)).put("after", cost(r.round().after(), perRehandle))
                .put("moves", moves);
    }

    private static JsonObject cost(LoadingHousekeeping.Cost cost, double perRehandle) {
        return new JsonObject().put("rehandles", cost.rehandles()).put("metres", cost.metres())
                .put("total", cost.total(perRehandle));
    }

    private JsonObject publishDecision(LiveYardPlanner.Decision decision) {
        JsonObject json = new JsonObject().put("container", decision.decision().container().value())
                .put("kind", decision.kind().name());
        switch (decision.decision()) {
            case SlotDecision.Placed placed -> json.put("slot", placed.slot().toString())
                    .put("instruction", decision.instruction().value()).put("score", placed.score())
                    .put("reasons", new JsonArray(placed.reasons()));
            case SlotDecision.NoSlot none -> json.put("refusals", new JsonObject(Map.copyOf(none.refusals())));
        }
        vertx.eventBus().publish(Addresses.YARD_SLOT_DECIDED, json);
        return json;
    }

    private JsonObject publishHousekeeping(List<LiveYardPlanner.HousekeepingRound> rounds) {
        JsonArray all = new JsonArray();
        for (LiveYardPlanner.HousekeepingRound r : rounds) {
            JsonArray moves = new JsonArray();
            List<Housekeeping.Move> list = r.round().proposals().stream().flatMap(p -> p.moves().stream()).toList();
            for (int i = 0; i < list.size(); i++) {
                Housekeeping.Move move = list.get(i);
                moves.add(new JsonObject().put("container", move.container().value())
                        .put("from", move.from().toString()).put("to", move.to().toString())
                        .put("instruction", r.instructions().get(i).value()).put("reason", move.reason()));
            }
            all.add(new JsonObject().put("block", r.round().block().value())
                    .put("expectedBefore", r.round().expectedBefore()).put("expectedAfter", r.round().expectedAfter())
                    .put("moves", moves));
        }
        JsonObject json = new JsonObject().put("rounds", all);
        if (!rounds.isEmpty()) {
            vertx.eventBus().publish(Addresses.YARD_HOUSEKEEPING_PROPOSED, json);
        }
        return json;
    }
}
