package org.portops.vessel.api.events;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.portops.model.container.LineOperator;
import org.portops.vessel.api.ApiException;
import org.portops.vessel.api.Audit;
import org.portops.vessel.api.Fields;
import org.portops.vessel.api.auth.ApiAuth;
import org.portops.vessel.api.auth.Caller;
import org.portops.vessel.api.auth.Permission;
import org.portops.vessel.api.dcsa.DcsaEvents;

/**
 * The event interfaces: the PortOps event list ({@code /api/v1/events}), DCSA Track & Trace 3.0.0 events
 * ({@code /dcsa/tnt/v3/events}) and subscriptions ({@code /api/v1/event-subscriptions}: DCSA leaves subscription
 * management out of its standard) with their dead letters. A line reads and subscribes to its
 * own events only.
 */
public final class EventRoutes {

    /** The DCSA Track & Trace version these events follow. */
    public static final String DCSA_API_VERSION = "3.0.0";
    private static final int DEFAULT_LIMIT = 100;

    private final EventStream stream;
    private final Subscriptions subscriptions;
    private final DcsaEvents dcsa;
    private final Audit audit;
    private final Clock clock;
    private final CallbackGuard callbacks;

    public EventRoutes(EventStream stream, Subscriptions subscriptions, DcsaEvents dcsa, Audit audit, Clock clock,
                       CallbackGuard callbacks) {
        this.callbacks = callbacks;
        this.stream = stream;
        this.subscriptions = subscriptions;
        this.dcsa = dcsa;
        this.audit = audit;
        this.clock = clock;
    }

    public void terminalEvents(RoutingContext ctx) {
        Caller caller = ApiAuth.require(ctx, Permission.READ_EVENTS);
        EventStream.Cursor after = cursor(ctx.queryParams().get("after"), "query/after");
        stream.page(EventStream.Query.all(lineOf(caller), after, limit(ctx)))
                .onSuccess(page -> ctx.json(new JsonObject()
                        .put("events", new JsonArray(page.events().stream().map(EventRoutes::portOpsJson).toList()))
                        .put("cursor", page.next().encode())))
                .onFailure(ctx::fail);
    }

    public void dcsaEvents(RoutingContext ctx) {
        Caller caller = ApiAuth.require(ctx, Permission.READ_EVENTS);
        var params = ctx.queryParams();
        Set<String> eventTypes = list(params.get("eventTypes"), Set.of("EQUIPMENT", "TRANSPORT"));
        // as in DCSA's examples, a filter on a field only events of one type carry excludes the other types
        String equipmentCodes = params.get("equipmentEventTypeCodes");
        String transportCodes = params.get("transportEventTypeCodes");
        Set<String> moveKinds = eventTypes.contains("EQUIPMENT") && transportCodes == null
                ? list(equipmentCodes, Set.copyOf(DcsaEvents.EQUIPMENT_CODES.values())).stream()
                        .flatMap(code -> DcsaEvents.moveKind(code).stream()).collect(Collectors.toSet())
                : Set.of();
        Set<String> callTypes = eventTypes.contains("TRANSPORT") && equipmentCodes == null
                ? list(transportCodes, EventStream.CALL_TYPES) : Set.of();
        String voyage = params.get("carrierExportVoyageNumber") != null ? params.get("carrierExportVoyageNumber")
                : params.get("carrierImportVoyageNumber");
        EventStream.Query query = new EventStream.Query(lineOf(caller), cursor(params.get("cursor"), "query/cursor"),
                moveKinds, callTypes, list(params.get("eventClassifierCode"), EventStream.CLASSIFIERS),
                params.get("equipmentReference"), params.get("vesselIMONumber"), voyage,
                params.get("transportCallReference"),
                time(params.get("eventUpdatedDateTimeMin"), "query/eventUpdatedDateTimeMin"),
                time(params.get("eventUpdatedDateTimeMax"), "query/eventUpdatedDateTimeMax"), limit(ctx));
        // PortOps has no bookings or transport documents: a filter on them matches nothing
        boolean documents = params.get("carrierBookingReference") != null
                || params.get("transportDocumentReference") != null;
        Future<EventStream.Page> page = documents ? Future.succeededFuture(new EventStream.Page(List.of(),
                query.after())) : stream.page(query);
        page.onSuccess(found -> {
            ctx.response().putHeader("API-Version", DCSA_API_VERSION);
            if (found.events().size() == query.limit()) {
                ctx.response().putHeader("Next-Page-Cursor", found.next().encode());
            }
            ctx.json(new JsonObject().put("events", new JsonArray(found.events().stream().map(dcsa::toJson).toList())));
        }).onFailure(ctx::fail);
    }

    public void createSubscription(RoutingContext ctx) {
        Caller caller = ApiAuth.require(ctx, Permission.SUBSCRIBE_EVENTS);
        JsonObject body = ctx.body().asJsonObject();
        String line = body.getString("line");
        if (caller.isLine()) {
            if (line != null && !line.equals(caller.line().code())) {
                throw ApiException.forbidden(caller.subject() + " acts for line " + caller.line()
                        + " and cannot subscribe to the events of line " + line);
            }
            line = caller.line().code();
        } else if (line == null) {
            throw ApiException.badField("body/line", "body/line: name the line whose events to deliver");
        }
        JsonArray types = body.getJsonArray("eventTypes", new JsonArray().add("EQUIPMENT").add("TRANSPORT"));
        Set<String> eventTypes = new HashSet<>();
        types.forEach(type -> eventTypes.add((String) type));
        for (String edifact : List.of(CodecoFeed.EVENT_TYPE, CoarriFeed.EVENT_TYPE)) {
            if (eventTypes.contains(edifact) && eventTypes.size() > 1) {
                throw ApiException.badField("body/eventTypes", "body/eventTypes: a " + edifact + " subscription "
                        + "receives EDIFACT and takes no other event type; subscribe again for those");
            }
        }
        if (eventTypes.contains(JitTimestampFeed.EVENT_TYPE) && eventTypes.size() > 1) {
            throw ApiException.badField("body/eventTypes", "body/eventTypes: a " + JitTimestampFeed.EVENT_TYPE
                    + " subscription receives DCSA JIT timestamps and takes no other event type; subscribe again "
                    + "for those");
        }
        String subscriber = line;
        String url = body.getString("callbackUrl");
        callbacks.check(url)
                .compose(checked -> switch (checked) {
                    case CallbackGuard.Checked.Allowed allowed -> subscriptions.create(subscriber, url,
                            body.getString("secret"), eventTypes, clock.instant());
                    case CallbackGuard.Checked.Refused refused -> Future.failedFuture(
                            ApiException.badField("body/callbackUrl", "body/callbackUrl: " + refused.reason()));
                })
                .compose(created -> audit.record(caller, "event-subscription.created", created.id().toString(),
                        created.toJson()).map(created))
                .onSuccess(created -> ctx.response().setStatusCode(201)
                        .putHeader("Location", "/api/v1/event-subscriptions/" + created.id())
                        .putHeader("content-type", "application/json").end(created.toJson().encode()))
                .onFailure(ctx::fail);
    }

    public void listSubscriptions(RoutingContext ctx) {
        Caller caller = ApiAuth.require(ctx, Permission.SUBSCRIBE_EVENTS);
        subscriptions.list(lineOf(caller))
                .onSuccess(all -> ctx.json(new JsonArray(all.stream().map(Subscriptions.Subscription::toJson)
                        .toList())))
                .onFailure(ctx::fail);
    }

    public void getSubscription(RoutingContext ctx) {
        Caller caller = ApiAuth.require(ctx, Permission.SUBSCRIBE_EVENTS);
        owned(ctx, caller).onSuccess(found -> ctx.json(found.toJson())).onFailure(ctx::fail);
    }

    public void deleteSubscription(RoutingContext ctx) {
        Caller caller = ApiAuth.require(ctx, Permission.SUBSCRIBE_EVENTS);
        owned(ctx, caller)
                .compose(found -> subscriptions.delete(found.id()).compose(done -> audit.record(caller,
                        "event-subscription.deleted", found.id().toString(), found.toJson())))
                .onSuccess(done -> ctx.response().setStatusCode(204).end())
                .onFailure(ctx::fail);
    }

    public void deadLetters(RoutingContext ctx) {
        Caller caller = ApiAuth.require(ctx, Permission.SUBSCRIBE_EVENTS);
        owned(ctx, caller)
                .compose(found -> subscriptions.deadLetters(found.id()))
                .onSuccess(letters -> ctx.json(new JsonObject().put("deadLetters", letters)))
                .onFailure(ctx::fail);
    }

    private Future<Subscriptions.Subscription> owned(RoutingContext ctx, Caller caller) {
        UUID id = Fields.parse("path/subscriptionID", () -> UUID.fromString(ctx.pathParam("subscriptionID")));
        return subscriptions.get(id).compose(found -> found.isPresent()
                && caller.mayAccess(new LineOperator(found.get().line()))
                ? Future.succeededFuture(found.get())
                : Future.failedFuture(ApiException.notFound("no subscription " + id)));
    }

    private static String lineOf(Caller caller) {
        return caller.isLine() ? caller.line().code() : null;
    }

    private static int limit(RoutingContext ctx) {
        String limit = ctx.queryParams().get("limit");
        return limit == null ? DEFAULT_LIMIT : Integer.parseInt(limit);
    }

    private static EventStream.Cursor cursor(String text, String field) {
        return text == null || text.isEmpty() ? EventStream.Cursor.START
                : Fields.parse(field, () -> EventStream.Cursor.decode(text));
    }

    private static Instant time(String text, String field) {
        return text == null ? null : Fields.instant(new JsonObject().put("t", text), "t", field);
    }

    /** A comma-separated list parameter, or {@code all} when absent. */
    private static Set<String> list(String text, Set<String> all) {
        return text == null ? all : Set.copyOf(Arrays.asList(text.split(",")));
    }

    /** An event in PortOps's own form. */
    private static JsonObject portOpsJson(TerminalEvent event) {
        JsonObject json = new JsonObject().put("createdAt", event.createdAt().toString()).put("line", event.line())
                .put("vesselCall", event.call() == null ? null : event.call().callId());
        return switch (event) {
            case TerminalEvent.Move move -> json.put("type", "MOVE").put("sequence", move.sequence())
                    .put("container", move.container()).put("kind", move.kind()).put("from", move.from())
                    .put("to", move.to()).put("instruction", move.instruction());
            case TerminalEvent.CallEvent call -> json.put("type", "VESSEL_CALL").put("event", call.type())
                    .put("classifier", call.classifier()).put("time", call.time().toString());
        };
    }
}
