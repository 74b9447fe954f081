package org.portops.vessel.api.gate;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import io.vertx.sqlclient.Pool;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import org.portops.model.container.Container;
import org.portops.model.container.ContainerCategory;
import org.portops.model.container.ContainerNumber;
import org.portops.model.event.Addresses;
import org.portops.model.layout.TerminalLayout;
import org.portops.model.work.ExceptionReason;
import org.portops.model.work.GateLocation;
import org.portops.model.work.MoveKind;
import org.portops.model.work.WorkInstructionId;
import org.portops.model.work.YardLocation;
import org.portops.model.yard.YardSlot;
import org.portops.state.ContainerView;
import org.portops.state.LiveYard;
import org.portops.state.MoveRequest;
import org.portops.state.MoveResult;
import org.portops.state.json.ModelJson;
import org.portops.vessel.api.ApiException;
import org.portops.vessel.api.Audit;
import org.portops.vessel.api.Fields;
import org.portops.vessel.api.auth.ApiAuth;
import org.portops.vessel.api.auth.Caller;
import org.portops.vessel.api.auth.Permission;
import org.portops.vessel.edi.outbound.Envelope;
import org.portops.vessel.edi.outbound.GateInspection;
import org.portops.vessel.edi.outbound.MoveReportWriter;
import org.portops.vessel.edi.outbound.OutboundMove;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import static org.portops.model.work.WorkInstructionState.CANCELLED;

/**
 * The gate: truck appointments booked into windows of limited capacity, and gate transactions. An accepted
 * transaction moves the container into or out of the live yard (a GATE_IN or GATE_OUT in the move log, which is
 * also the DCSA GTIN / GTOT event and what the planners hear), and writes a CODECO for the container's line; a
 * refused one is recorded with every reason and changes nothing else. A line books and reads appointments for its
 * own containers only; transactions are the gate clerk's.
 */
public final class GateRoutes {

    /** How long a truck at the lane waits for the yard planner to give its container a slot. */
    static final Duration SLOT_ANSWER_TIMEOUT = Duration.ofSeconds(30);
    private static final Logger LOG = LoggerFactory.getLogger(GateRoutes.class);

    private final EventBus bus;
    private final LiveYard yard;
    private final GateStore store;
    private final Audit audit;
    private final TerminalLayout terminal;
    private final GateSettings settings;
    private final Clock clock;

    public GateRoutes(EventBus bus, LiveYard yard, Pool pool, Audit audit, TerminalLayout terminal,
                      GateSettings settings, Clock clock) {
        this.bus = bus;
        this.yard = yard;
        this.store = new GateStore(pool);
        this.audit = audit;
        this.terminal = terminal;
        this.settings = settings;
        this.clock = clock;
    }

    public void bookAppointment(RoutingContext ctx) {
        Caller caller = ApiAuth.require(ctx, Permission.BOOK_APPOINTMENTS);
        JsonObject body = ctx.body().asJsonObject();
        Appointment.Kind kind = Appointment.Kind.valueOf(body.getString("kind"));
        ContainerNumber number = Fields.parse("body/container", () -> new ContainerNumber(body.getString("container")));
        Instant start = Fields.instant(body, "windowStart", "body/windowStart");
        Instant now = clock.instant();
        if (!settings.isWindowStart(start)) {
            throw ApiException.badField("body/windowStart", "body/windowStart: windows start every "
                    + settings.window().toMinutes() + " minutes from midnight UTC, " + start + " is not a start");
        }
        if (!now.isBefore(settings.windowEnd(start))) {
            throw ApiException.badField("body/windowStart", "body/windowStart: the window from " + start
                    + " has ended");
        }
        Container preAdvice = preAdvice(body, kind, number, caller);
        String truck = body.getString("truck");
        containerFor(kind, number, preAdvice, caller)
                .map(container -> new Appointment(UUID.randomUUID(), kind, number, container.line(), truck, start,
                        settings.windowEnd(start), preAdvice, Appointment.Status.BOOKED))
                .compose(appointment -> store.book(appointment, settings.capacity(), caller.subject(), now))
                .compose(appointment -> audit.record(caller, "gate.appointment-booked", number.value(),
                        appointment.toJson()).map(appointment))
                .onSuccess(appointment -> {
                    published(appointment);
                    created(ctx, appointment.toJson());
                })
                .onFailure(ctx::fail);
    }

    /**
     * Answers {@code Addresses.GATE_APPOINTMENTS_OPEN}: the planners read what is booked when they (re)build their
     * picture, and follow {@code Addresses.GATE_APPOINTMENT_CHANGED} in between.
     */
    public void answerOpenAppointments() {
        bus.<JsonObject>consumer(Addresses.GATE_APPOINTMENTS_OPEN, message -> store.open(clock.instant())
                .onSuccess(open -> message.reply(new JsonObject().put("appointments",
                        new JsonArray(open.stream().map(Appointment::toFact).toList()))))
                .onFailure(e -> message.fail(500, "the open appointments cannot be read: " + e.getMessage())));
    }

    /** Tells the planners; after the change is durable, so a re-read never misses it. */
    private void published(Appointment appointment) {
        bus.publish(Addresses.GATE_APPOINTMENT_CHANGED, appointment.toFact());
    }

    public void getAppointment(RoutingContext ctx) {
        Caller caller = ApiAuth.require(ctx, Permission.BOOK_APPOINTMENTS);
        appointment(ctx, caller)
                .onSuccess(appointment -> ctx.json(appointment.toJson()))
                .onFailure(ctx::fail);
    }

    public void cancelAppointment(RoutingContext ctx) {
        Caller caller = ApiAuth.require(ctx, Permission.BOOK_APPOINTMENTS);
        appointment(ctx, caller)
                .compose(appointment -> store.cancel(appointment).compose(cancelled -> cancelled
                        ? audit.record(caller, "gate.appointment-cancelled", appointment.container().value(),
                                new JsonObject().put("appointment", appointment.id().toString()))
                        : Future.failedFuture(ApiException.conflict("appointment " + appointment.id() + " is "
                                + appointment.status() + " and cannot be cancelled")))
                        .map(appointment.withStatus(Appointment.Status.CANCELLED)))
                .onSuccess(cancelled -> {
                    published(cancelled);
                    ctx.response().setStatusCode(204).end();
                })
                .onFailure(ctx::fail);
    }

    public void recordTransaction(RoutingContext ctx) {
        Caller caller = ApiAuth.require(ctx, Permission.PROCESS_GATE);
        GateVisit visit = visit(ctx.body().asJsonObject(), "body/");
        Instant now = clock.instant();
        check(visit, "body/", now)
                .compose(checked -> pass(caller, checked, now))
                .onSuccess(transaction -> {
                    JsonObject json = transaction.toJson();
                    if (transaction.accepted()) {
                        created(ctx, json);
                    } else {
                        json.put("status", 422).put("error", "the truck may not pass: "
                                + String.join("; ", transaction.refusals()));
                        unprocessable(ctx, json);
                    }
                })
                .onFailure(ctx::fail);
    }

    /**
     * A truck at the in-gate with one to four containers: each checked as a single transaction is, and the truck's
     * load besides ({@link GateChecks#truckLoad}). One refusal refuses the whole visit and nothing moves. Otherwise
     * the drop-offs come in now, each its own transaction, and the truck's visit starts: its pick-ups wait for the
     * out-gate ({@link #recordTruckVisitOut}), where they are checked again and go out.
     */
    public void recordTruckVisit(RoutingContext ctx) {
        Caller caller = ApiAuth.require(ctx, Permission.PROCESS_GATE);
        JsonObject body = ctx.body().asJsonObject();
        String truck = body.getString("truck");
        JsonArray items = body.getJsonArray("containers");
        Instant now = clock.instant();
        List<Future<Checked>> checks = new ArrayList<>();
        JsonArray pickUps = new JsonArray();
        for (int i = 0; i < items.size(); i++) {
            String field = "body/containers/" + i + "/";
            JsonObject item = items.getJsonObject(i).copy().put("truck", truck);
            checks.add(check(visit(item, field), field, now));
            if (GateDirection.valueOf(item.getString("direction")) == GateDirection.OUT) {
                pickUps.add(item);
            }
        }
        Future.all(checks)
                .compose(all -> {
                    List<Checked> checked = checks.stream().map(Future::result).toList();
                    List<String> load = GateChecks.truckLoad(truck, checked.stream().map(Checked::visit).toList(),
                            checked.stream().map(Checked::container).toList());
                    if (load.isEmpty() && checked.stream().allMatch(c -> c.refusals().isEmpty())) {
                        List<Checked> dropOffs = checked.stream()
                                .filter(c -> c.visit().direction() == GateDirection.IN).toList();
                        return inTurn(dropOffs, c -> pass(caller, c, now)).compose(passed -> (passed.stream()
                                .allMatch(GateStore.Transaction::accepted)
                                ? store.recordVisit(new GateStore.TruckVisit(UUID.randomUUID(), truck, now, pickUps,
                                        null, null), caller.subject()).map(Optional::of)
                                : Future.succeededFuture(Optional.<GateStore.TruckVisit>empty()))
                                .map(visit -> new VisitOutcome(visit, passed)));
                    }
                    return inTurn(checked, c -> refused(caller, c.visit(), c.appointment(),
                            visitRefusals(c, load), now)).map(refused -> new VisitOutcome(Optional.empty(), refused));
                })
                .onSuccess(outcome -> answer(ctx, truck, outcome))
                .onFailure(ctx::fail);
    }

    /**
     * The truck of a visit at the out-gate: its pick-ups are checked again (a hold placed while it was in the
     * terminal blocks it; its appointments' windows count from when it came in) and go out through {@code lane},
     * each its own transaction, and the visit ends with its out time. A refusal moves nothing and the truck stays
     * in the terminal.
     */
    public void recordTruckVisitOut(RoutingContext ctx) {
        Caller caller = ApiAuth.require(ctx, Permission.PROCESS_GATE);
        String lane = ctx.body().asJsonObject().getString("lane");
        Instant now = clock.instant();
        truckVisit(ctx)
                .compose(visit -> {
                    if (visit.outAt() != null) {
                        return Future.failedFuture(ApiException.conflict("truck " + visit.truck() + " of visit "
                                + visit.id() + " left at " + visit.outAt()));
                    }
                    List<Future<Checked>> checks = new ArrayList<>();
                    for (int i = 0; i < visit.pickUps().size(); i++) {
                        JsonObject item = visit.pickUps().getJsonObject(i).copy().put("lane", lane);
                        checks.add(check(visit(item, "body/"), "body/", visit.inAt()));
                    }
                    return Future.all(checks).compose(all -> {
                        List<Checked> checked = checks.stream().map(Future::result).toList();
                        if (!checked.stream().allMatch(c -> c.refusals().isEmpty())) {
                            return inTurn(checked, c -> refused(caller, c.visit(), c.appointment(),
                                    visitRefusals(c, List.of()), now))
                                    .map(refused -> new VisitOutcome(Optional.of(visit), refused));
                        }
                        return inTurn(checked, c -> pass(caller, c, now)).compose(passed -> (passed.stream()
                                .allMatch(GateStore.Transaction::accepted)
                                ? store.visitOut(visit.id(), lane, caller.subject(), now)
                                : Future.succeededFuture(false))
                                .compose(left -> left ? store.visit(visit.id())
                                        : Future.succeededFuture(Optional.of(visit)))
                                .map(after -> new VisitOutcome(after, passed)));
                    });
                })
                .onSuccess(outcome -> answer(ctx, outcome.visit().orElseThrow().truck(), outcome))
                .onFailure(ctx::fail);
    }

    public void getTruckVisit(RoutingContext ctx) {
        ApiAuth.require(ctx, Permission.PROCESS_GATE);
        truckVisit(ctx).onSuccess(visit -> ctx.json(visit.toJson())).onFailure(ctx::fail);
    }

    private Future<GateStore.TruckVisit> truckVisit(RoutingContext ctx) {
        UUID id = UUID.fromString(ctx.pathParam("visitId"));
        return store.visit(id).compose(found -> found.isPresent() ? Future.succeededFuture(found.get())
                : Future.failedFuture(ApiException.notFound("no truck visit " + id)));
    }

    /** What a truck's pass through a gate did: the visit as it stands (none when refused at the in-gate). */
    private record VisitOutcome(Optional<GateStore.TruckVisit> visit, List<GateStore.Transaction> transactions) {
    }

    private static void answer(RoutingContext ctx, String truck, VisitOutcome outcome) {
        List<GateStore.Transaction> transactions = outcome.transactions();
        boolean accepted = transactions.stream().allMatch(GateStore.Transaction::accepted);
        JsonObject json = outcome.visit().map(GateStore.TruckVisit::toJson).orElseGet(JsonObject::new)
                .put("truck", truck)
                .put("outcome", accepted ? "ACCEPTED" : "REFUSED")
                .put("refusals", new JsonArray(transactions.stream()
                        .flatMap(t -> t.refusals().stream()).distinct().toList()))
                .put("transactions", new JsonArray(transactions.stream()
                        .map(GateStore.Transaction::toJson).toList()));
        if (accepted) {
            created(ctx, json);
        } else {
            unprocessable(ctx, json.put("status", 422).put("error", "the truck may not pass: "
                    + String.join("; ", json.getJsonArray("refusals").stream().map(String::valueOf).toList())));
        }
    }

    /** A container's own reasons, the truck's, and when it has none of its own, that the others hold it back. */
    private static List<String> visitRefusals(Checked checked, List<String> load) {
        List<String> reasons = new ArrayList<>(checked.refusals());
        reasons.addAll(load);
        if (reasons.isEmpty()) {
            reasons.add(checked.visit().container() + " waits with its truck: another container on it may not pass");
        }
        return reasons;
    }

    private static <T, R> Future<List<R>> inTurn(List<T> items, Function<T, Future<R>> step) {
        Future<List<R>> done = Future.succeededFuture(new ArrayList<>());
        for (T item : items) {
            done = done.compose(list -> step.apply(item).map(result -> {
                list.add(result);
                return list;
            }));
        }
        return done;
    }

    public void getCodeco(RoutingContext ctx) {
        Caller caller = ApiAuth.require(ctx, Permission.READ_CONTAINERS);
        UUID id = UUID.fromString(ctx.pathParam("transactionId"));
        store.codeco(id)
                .compose(codeco -> codeco.isPresent() && caller.mayAccess(codeco.get().line())
                        ? Future.succeededFuture(codeco.get())
                        : Future.failedFuture(ApiException.notFound("no CODECO of gate transaction " + id)))
                .onSuccess(codeco -> ctx.response().putHeader("content-type", "text/plain; charset=ISO-8859-1")
                        .end(Buffer.buffer(codeco.content().getBytes(StandardCharsets.ISO_8859_1))))
                .onFailure(ctx::fail);
    }

    /** A gate transaction as read before anything changes: its appointment, container and every reason to refuse. */
    private record Checked(GateVisit visit, Appointment appointment, Container container,
                           Optional<ContainerView> inYard, List<String> refusals) {
    }

    private Future<Checked> check(GateVisit visit, String field, Instant now) {
        return store.appointment(visit.appointment())
                .compose(found -> found.isPresent() ? Future.succeededFuture(found.get())
                        : Future.failedFuture(ApiException.badField(field + "appointment", field + "appointment: no "
                                + "appointment " + visit.appointment())))
                .compose(appointment -> {
                    Future<Optional<ContainerView>> inYard = yard.reader().container(visit.container());
                    Future<List<GateChecks.ActiveHold>> holds = store.activeHolds(visit.container());
                    Future<String> seal = store.sealAtGateIn(visit.container());
                    return Future.all(inYard, holds, seal).map(all -> {
                        Container container = visit.direction() == GateDirection.IN ? appointment.preAdvice()
                                : inYard.result().map(ContainerView::container).orElse(null);
                        List<String> refusals = new ArrayList<>(GateChecks.refusals(visit, appointment, container,
                                holds.result(), seal.result(), now));
                        if (visit.direction() == GateDirection.OUT && inYard.result().isEmpty()) {
                            refusals.add(visit.container() + " is not in the terminal");
                        }
                        return new Checked(visit, appointment, container, inYard.result(), refusals);
                    });
                });
    }

    private Future<GateStore.Transaction> pass(Caller caller, Checked checked, Instant now) {
        GateVisit visit = checked.visit();
        Appointment appointment = checked.appointment();
        if (!checked.refusals().isEmpty()) {
            return refused(caller, visit, appointment, checked.refusals(), now);
        }
        return store.claim(appointment.id()).compose(claimed -> {
            if (!claimed) {
                return refused(caller, visit, appointment,
                        List.of("appointment " + appointment.id() + " was used by another gate transaction"), now);
            }
            if (visit.direction() == GateDirection.IN && visit.yardSlot() == null) {
                return SlotRequest.ask(bus, checked.container(), visit.lane(), SLOT_ANSWER_TIMEOUT)
                        .compose(answer -> switch (answer) {
                            case SlotRequest.Answer.Slot slot -> moved(caller,
                                    new Checked(visit.toSlot(slot.slot()), appointment, checked.container(),
                                            checked.inYard(), List.of()), slot.instruction(), now);
                            case SlotRequest.Answer.NoSlot none -> store.unclaim(appointment.id())
                                    .compose(done -> refused(caller, visit, appointment, List.of(none.reason()), now));
                        });
            }
            return moved(caller, checked, null, now);
        });
    }

    /**
     * Moves the container of a claimed appointment; a refused move gives the appointment back. A move to the slot the
     * yard planner gave carries out its GATE_IN instruction, which is then closed (see {@link #closed}).
     */
    private Future<GateStore.Transaction> moved(Caller caller, Checked checked, WorkInstructionId instruction,
                                                Instant now) {
        GateVisit visit = checked.visit();
        Appointment appointment = checked.appointment();
        MoveRequest request = move(visit, checked.container(), checked.inYard());
        return yard.move(instruction == null ? request : request.forInstruction(instruction))
                .compose(result -> switch (result) {
                    case MoveResult.Accepted accepted -> accepted(caller, visit, checked.container(), accepted, now)
                            .compose(transaction -> closed(instruction, transaction, null).map(transaction))
                            .onSuccess(done -> published(appointment.withStatus(Appointment.Status.USED)));
                    case MoveResult.Refused moveRefused -> store.unclaim(appointment.id())
                            .compose(done -> refused(caller, visit, appointment, List.of("the live yard refused the "
                                    + "move: " + moveRefused.reason()), now))
                            .compose(transaction -> closed(instruction, transaction, moveRefused.reason())
                                    .map(transaction));
                });
    }

    /**
     * Closes the yard planner's GATE_IN instruction once the gate transaction has decided it, so it is never left
     * planned for a yard crane: the gate puts the container at the slot itself (the instruction's state machine
     * reaches DONE only through a machine, so it is cancelled with the transaction that did its work), or the live
     * yard refused the move.
     */
    private Future<Void> closed(WorkInstructionId instruction, GateStore.Transaction transaction, String refusal) {
        if (instruction == null) {
            return Future.succeededFuture();
        }
        ExceptionReason reason = refusal == null
                ? new ExceptionReason("PLACED_AT_GATE", "gate transaction " + transaction.id() + " put "
                        + transaction.visit().container() + " at " + transaction.visit().yardSlot())
                : new ExceptionReason("GATE_MOVE_REFUSED", refusal);
        return yard.reader().workInstruction(instruction)
                .compose(current -> current.isPresent() && current.get().state().canGoTo(CANCELLED)
                        ? yard.replaceInstruction(current.get(), current.get().cancel(reason, clock.instant()))
                        .<Void>mapEmpty()
                        : Future.<Void>succeededFuture())
                .recover(e -> {
                    LOG.warn("Gate: the yard planner's instruction {} could not be closed after transaction {}",
                            instruction, transaction.id(), e);
                    return Future.succeededFuture();
                });
    }

    private static MoveRequest move(GateVisit visit, Container container, Optional<ContainerView> inYard) {
        return switch (visit.direction()) {
            case IN -> MoveRequest.arrival(container, MoveKind.GATE_IN, visit.lane(),
                    new YardLocation(visit.yardSlot()));
            case OUT -> MoveRequest.of(visit.container(), MoveKind.GATE_OUT, inYard.orElseThrow().location(),
                    visit.lane());
        };
    }

    private Future<GateStore.Transaction> accepted(Caller caller, GateVisit visit, Container container,
                                                   MoveResult.Accepted accepted, Instant now) {
        String codeco = codeco(visit, container, accepted, now);
        GateStore.Transaction transaction = new GateStore.Transaction(UUID.randomUUID(), visit, container.line(),
                true, List.of(), accepted.sequence(), codeco, caller.subject(), now);
        return store.record(transaction)
                .compose(done -> audit.record(caller, "gate." + (visit.direction() == GateDirection.IN ? "in" : "out"),
                        visit.container().value(), transaction.toJson()).map(transaction));
    }

    private Future<GateStore.Transaction> refused(Caller caller, GateVisit visit, Appointment appointment,
                                                  List<String> refusals, Instant now) {
        return store.record(new GateStore.Transaction(UUID.randomUUID(), visit, appointment.line(), false, refusals,
                null, null, caller.subject(), now));
    }

    /** The CODECO of one accepted gate move, one character per byte as the EDI archive keeps interchanges. */
    private String codeco(GateVisit visit, Container container, MoveResult.Accepted accepted, Instant now) {
        MoveKind kind = visit.direction() == GateDirection.IN ? MoveKind.GATE_IN : MoveKind.GATE_OUT;
        OutboundMove move = new OutboundMove(container.number(), container.sizeType(), kind,
                container.category() != ContainerCategory.EMPTY, null, visit.lane().lane(), accepted.event().at(),
                container.weight().kilograms(), container.portOfLoading(), container.portOfDischarge(),
                container.imdgClass());
        Envelope envelope = new Envelope(terminal.terminalCode(), container.line().code(),
                "G" + accepted.sequence(), now);
        byte[] bytes = MoveReportWriter.codeco(envelope, terminal.port(), List.of(move),
                Map.of(container.number(), new GateInspection(visit.seal(), visit.damages())));
        return new String(bytes, StandardCharsets.ISO_8859_1);
    }

    /** The container an appointment is for: the pre-advice for a drop-off, the one in the yard for a pick-up. */
    private Future<Container> containerFor(Appointment.Kind kind, ContainerNumber number, Container preAdvice,
                                           Caller caller) {
        return yard.reader().container(number).compose(view -> switch (kind) {
            case DROP_OFF -> view.isPresent()
                    ? Future.failedFuture(ApiException.conflict(number + " is already in the terminal"))
                    : Future.succeededFuture(preAdvice);
            case PICK_UP -> view.isPresent() && caller.mayAccess(view.get().container().line())
                    ? Future.succeededFuture(view.get().container())
                    : Future.failedFuture(ApiException.notFound("no container " + number + " in the terminal"));
        });
    }

    private static Container preAdvice(JsonObject body, Appointment.Kind kind, ContainerNumber number, Caller caller) {
        JsonObject json = body.getJsonObject("preAdvice");
        if (kind == Appointment.Kind.PICK_UP) {
            if (json != null) {
                throw ApiException.badField("body/preAdvice", "body/preAdvice: a pick-up takes no pre-advice, the "
                        + "terminal has the container's data");
            }
            return null;
        }
        if (json == null) {
            throw ApiException.badField("body/preAdvice", "body/preAdvice: a drop-off needs the container's "
                    + "pre-advice");
        }
        Container container = Fields.parse("body/preAdvice", () -> ModelJson.container(json));
        if (!container.number().equals(number)) {
            throw ApiException.badField("body/preAdvice/number", "body/preAdvice/number: " + container.number()
                    + " is not the appointment's container " + number);
        }
        if (!caller.mayAccess(container.line())) {
            throw ApiException.forbidden("line " + caller.line().code() + " pre-advises its own containers only, not "
                    + container.line().code() + "'s");
        }
        return container;
    }

    private Future<Appointment> appointment(RoutingContext ctx, Caller caller) {
        UUID id = UUID.fromString(ctx.pathParam("appointmentId"));
        return store.appointment(id).compose(found -> found.isPresent() && caller.mayAccess(found.get().line())
                ? Future.succeededFuture(found.get())
                : Future.failedFuture(ApiException.notFound("no appointment " + id)));
    }

    /** A transaction as the request has it; {@code field} is where it sits in the body ({@code body/} or an item). */
    private static GateVisit visit(JsonObject body, String field) {
        GateDirection direction = GateDirection.valueOf(body.getString("direction"));
        ContainerNumber number = Fields.parse(field + "container",
                () -> new ContainerNumber(body.getString("container")));
        GateLocation lane = Fields.parse(field + "lane", () -> new GateLocation(body.getString("lane")));
        String slotText = body.getString("yardSlot");
        YardSlot slot = slotText == null ? null : Fields.parse(field + "yardSlot", () -> YardSlot.parse(slotText));
        JsonArray damages = body.getJsonArray("damages", new JsonArray());
        return new GateVisit(direction, UUID.fromString(body.getString("appointment")), number,
                body.getString("truck"), lane, body.getString("seal"),
                damages.stream().map(String::valueOf).toList(), slot);
    }

    private static void unprocessable(RoutingContext ctx, JsonObject json) {
        ctx.response().setStatusCode(422).putHeader("content-type", "application/json").end(json.encode());
    }

    private static void created(RoutingContext ctx, JsonObject json) {
        ctx.response().setStatusCode(201).putHeader("content-type", "application/json").end(json.encode());
    }
}
