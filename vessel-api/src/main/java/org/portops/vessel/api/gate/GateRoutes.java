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
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.portops.model.container.Container;
import org.portops.model.container.ContainerCategory;
import org.portops.model.container.ContainerNumber;
import org.portops.model.event.Addresses;
import org.portops.model.layout.TerminalLayout;
import org.portops.model.work.GateLocation;
import org.portops.model.work.MoveKind;
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

/**
 * The gate: truck appointments booked into windows of limited capacity, and gate transactions. An accepted
 * transaction moves the container into or out of the live yard (a GATE_IN or GATE_OUT in the move log, which is
 * also the DCSA GTIN / GTOT event and what the planners hear), and writes a CODECO for the container's line; a
 * refused one is recorded with every reason and changes nothing else. A line books and reads appointments for its
 * own containers only; transactions are the gate clerk's.
 */
public final class GateRoutes {

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
        GateVisit visit = visit(ctx.body().asJsonObject());
        Instant now = clock.instant();
        store.appointment(visit.appointment())
                .compose(found -> found.isPresent() ? Future.succeededFuture(found.get())
                        : Future.failedFuture(ApiException.badField("body/appointment", "body/appointment: no "
                                + "appointment " + visit.appointment())))
                .compose(appointment -> {
                    Future<Optional<ContainerView>> inYard = yard.reader().container(visit.container());
                    Future<List<GateChecks.ActiveHold>> holds = store.activeHolds(visit.container());
                    Future<String> seal = store.sealAtGateIn(visit.container());
                    return Future.all(inYard, holds, seal).compose(all -> pass(caller, visit, appointment,
                            inYard.result(), holds.result(), seal.result(), now));
                })
                .onSuccess(transaction -> {
                    JsonObject json = transaction.toJson();
                    if (transaction.accepted()) {
                        created(ctx, json);
                    } else {
                        json.put("status", 422).put("error", "the truck may not pass: "
                                + String.join("; ", transaction.refusals()));
                        ctx.response().setStatusCode(422).putHeader("content-type", "application/json")
                                .end(json.encode());
                    }
                })
                .onFailure(ctx::fail);
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

    private Future<GateStore.Transaction> pass(Caller caller, GateVisit visit, Appointment appointment,
                                               Optional<ContainerView> inYard, List<GateChecks.ActiveHold> holds,
                                               String sealAtGateIn, Instant now) {
        Container container = visit.direction() == GateDirection.IN ? appointment.preAdvice()
                : inYard.map(ContainerView::container).orElse(null);
        List<String> refusals = new ArrayList<>(GateChecks.refusals(visit, appointment, container, holds,
                sealAtGateIn, now));
        if (visit.direction() == GateDirection.OUT && inYard.isEmpty()) {
            refusals.add(visit.container() + " is not in the terminal");
        }
        if (!refusals.isEmpty()) {
            return refused(caller, visit, appointment, refusals, now);
        }
        return store.claim(appointment.id()).compose(claimed -> {
            if (!claimed) {
                return refused(caller, visit, appointment,
                        List.of("appointment " + appointment.id() + " was used by another gate transaction"), now);
            }
            return yard.move(move(visit, container, inYard)).compose(result -> switch (result) {
                case MoveResult.Accepted accepted -> accepted(caller, visit, container, accepted, now)
                        .onSuccess(done -> published(appointment.withStatus(Appointment.Status.USED)));
                case MoveResult.Refused moveRefused -> store.unclaim(appointment.id()).compose(done ->
                        refused(caller, visit, appointment, List.of("the live yard refused the move: "
                                + moveRefused.reason()), now));
            });
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

    private static GateVisit visit(JsonObject body) {
        GateDirection direction = GateDirection.valueOf(body.getString("direction"));
        ContainerNumber number = Fields.parse("body/container", () -> new ContainerNumber(body.getString("container")));
        GateLocation lane = Fields.parse("body/lane", () -> new GateLocation(body.getString("lane")));
        String slotText = body.getString("yardSlot");
        if (direction == GateDirection.IN && slotText == null) {
            throw ApiException.badField("body/yardSlot", "body/yardSlot: a container coming in needs the yard slot "
                    + "it goes to");
        }
        YardSlot slot = slotText == null ? null : Fields.parse("body/yardSlot", () -> YardSlot.parse(slotText));
        JsonArray damages = body.getJsonArray("damages", new JsonArray());
        return new GateVisit(direction, UUID.fromString(body.getString("appointment")), number,
                body.getString("truck"), lane, body.getString("seal"),
                damages.stream().map(String::valueOf).toList(), slot);
    }

    private static void created(RoutingContext ctx, JsonObject json) {
        ctx.response().setStatusCode(201).putHeader("content-type", "application/json").end(json.encode());
    }
}
