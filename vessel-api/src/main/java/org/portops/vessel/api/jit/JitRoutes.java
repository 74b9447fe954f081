package org.portops.vessel.api.jit;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.portops.model.layout.TerminalLayout;
import org.portops.model.vessel.BayPlanEntry;
import org.portops.model.vessel.VesselCall;
import org.portops.model.work.Location;
import org.portops.state.ContainerView;
import org.portops.state.LiveYard;
import org.portops.vessel.api.ApiException;
import org.portops.vessel.api.Fields;
import org.portops.vessel.api.Times;
import org.portops.vessel.api.auth.ApiAuth;
import org.portops.vessel.api.auth.Caller;
import org.portops.vessel.api.auth.Permission;
import org.portops.vessel.api.jit.PortCallServices.Service;

/**
 * DCSA Just-In-Time 2.0 with PortOps as the service provider of BERTH and CARGO_OPERATIONS: terminal calls and
 * port call services derived from the live vessel calls (with the moves forecast), and the timestamps exchanged
 * for them. A line sees and sends timestamps only for the calls it operates, and only requested and estimated
 * ones; planned and actual times are the terminal's. Only a timestamp's sender may replace it.
 */
public final class JitRoutes {

    public static final String API_VERSION = "2.0.0";

    private final LiveYard yard;
    private final Pool pool;
    private final PortCallServices services;
    private final Clock clock;
    private final BerthPlanTimes berthPlan;

    public JitRoutes(LiveYard yard, Pool pool, TerminalLayout terminal, Clock clock) {
        this(yard, pool, terminal, clock, new BerthPlanTimes());
    }

    /** With the berth plan's times, served as the terminal's BERTH timestamps. */
    public JitRoutes(LiveYard yard, Pool pool, TerminalLayout terminal, Clock clock, BerthPlanTimes berthPlan) {
        this.yard = yard;
        this.berthPlan = berthPlan;
        this.pool = pool;
        this.services = new PortCallServices(terminal);
        this.clock = clock;
    }

    /** A service of a call. */
    private record Offered(VesselCall call, Service service) {
    }

    public void terminalCalls(RoutingContext ctx) {
        Caller caller = ApiAuth.require(ctx, Permission.READ_VESSEL_CALLS);
        String wanted = ctx.queryParams().get("terminalCallID");
        visibleCalls(caller)
                .map(calls -> calls.stream()
                        .filter(call -> wanted == null || PortCallServices.terminalCallId(call).toString().equals(wanted))
                        .map(services::terminalCall).toList())
                .onSuccess(calls -> json(ctx, new JsonArray(calls)))
                .onFailure(ctx::fail);
    }

    public void portCallServices(RoutingContext ctx) {
        Caller caller = ApiAuth.require(ctx, Permission.READ_VESSEL_CALLS);
        var params = ctx.queryParams();
        String terminalCall = params.get("terminalCallID");
        String serviceId = params.get("portCallServiceID");
        String type = params.get("portCallServiceTypeCode");
        visibleCalls(caller)
                .compose(calls -> {
                    List<Offered> offered = new ArrayList<>();
                    for (VesselCall call : calls) {
                        if (terminalCall != null && !PortCallServices.terminalCallId(call).toString().equals(terminalCall)) {
                            continue;
                        }
                        for (Service service : Service.values()) {
                            if ((serviceId == null || PortCallServices.serviceId(call, service).toString().equals(serviceId))
                                    && (type == null || service.typeCode().equals(type))) {
                                offered.add(new Offered(call, service));
                            }
                        }
                    }
                    return render(offered);
                })
                .onSuccess(list -> json(ctx, list))
                .onFailure(ctx::fail);
    }

    public void putTimestamp(RoutingContext ctx) {
        Caller caller = ApiAuth.require(ctx, Permission.WRITE_VESSEL_CALLS);
        JsonObject body = ctx.body().asJsonObject();
        UUID pathId = UUID.fromString(ctx.pathParam("timestampID"));
        UUID timestampId = UUID.fromString(body.getString("timestampID"));
        if (!pathId.equals(timestampId)) {
            throw ApiException.badField("body/timestampID", "body/timestampID: " + timestampId
                    + " differs from the path's " + pathId);
        }
        String classifier = body.getString("classifierCode");
        if (caller.isLine() && !("REQ".equals(classifier) || "EST".equals(classifier))) {
            throw ApiException.forbidden("a line sends requested (REQ) and estimated (EST) times; " + classifier
                    + " times are the terminal's");
        }
        UUID serviceId = UUID.fromString(body.getString("portCallServiceID"));
        Instant dateTime = Fields.instant(body, "dateTime", "body/dateTime");
        String replyTo = body.getString("replyToTimestampID");
        offered(caller, serviceId)
                .compose(found -> found.isPresent() ? Future.succeededFuture(found.get())
                        : Future.failedFuture(ApiException.badField("body/portCallServiceID",
                        "body/portCallServiceID: no port call service " + serviceId)))
                .compose(offered -> pool.preparedQuery("insert into jit_timestamps (timestamp_id, port_call_service_id, "
                                + "call_id, line, classifier, date_time, reply_to, delay_reason, remark, sent_by, "
                                + "received_at) values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) "
                                + "on conflict (timestamp_id) do update set classifier = excluded.classifier, "
                                + "date_time = excluded.date_time, reply_to = excluded.reply_to, "
                                + "delay_reason = excluded.delay_reason, remark = excluded.remark, "
                                + "sent_by = excluded.sent_by, received_at = excluded.received_at "
                                + "where jit_timestamps.port_call_service_id = excluded.port_call_service_id "
                                + "and jit_timestamps.sent_by = excluded.sent_by")
                        .execute(Tuple.tuple().addUUID(timestampId).addUUID(serviceId)
                                .addString(offered.call().id().value()).addString(offered.call().line().code())
                                .addString(classifier).addOffsetDateTime(Times.utc(dateTime))
                                .addUUID(replyTo == null ? null : UUID.fromString(replyTo))
                                .addString(body.getString("delayReasonCode")).addString(body.getString("remark"))
                                .addString(caller.subject()).addOffsetDateTime(Times.utc(clock.instant()))))
                .compose(rows -> rows.rowCount() == 1 ? Future.succeededFuture()
                        : Future.failedFuture(ApiException.conflict("timestamp " + timestampId
                        + " was sent by someone else or for another port call service; send a new timestampID")))
                .onSuccess(done -> ctx.response().putHeader("API-Version", API_VERSION).setStatusCode(204).end())
                .onFailure(ctx::fail);
    }

    public void timestamps(RoutingContext ctx) {
        Caller caller = ApiAuth.require(ctx, Permission.READ_VESSEL_CALLS);
        UUID serviceId = UUID.fromString(ctx.queryParams().get("portCallServiceID"));
        String classifier = ctx.queryParams().get("classifierCode");
        offered(caller, serviceId)
                .compose(found -> found.isEmpty() ? Future.succeededFuture(new JsonArray())
                        : pool.preparedQuery("select timestamp_id, port_call_service_id, classifier, date_time, "
                                        + "reply_to, delay_reason, remark from jit_timestamps "
                                        + "where port_call_service_id = $1 and ($2::text is null or classifier = $2) "
                                        + "order by received_at, timestamp_id")
                                .execute(Tuple.of(serviceId, classifier))
                                .map(rows -> {
                                    JsonArray list = new JsonArray();
                                    rows.forEach(row -> list.add(timestamp(row)));
                                    planned(found.get(), classifier).ifPresent(list::add);
                                    return list;
                                }))
                .onSuccess(list -> json(ctx, list))
                .onFailure(ctx::fail);
    }

    /** The calls a caller may see in JIT: a line the calls it operates (it is the service consumer). */
    private Future<List<VesselCall>> visibleCalls(Caller caller) {
        return yard.reader().vesselCalls()
                .map(calls -> calls.stream().filter(call -> caller.mayAccess(call.line())).toList());
    }

    private Future<Optional<Offered>> offered(Caller caller, UUID serviceId) {
        return visibleCalls(caller).map(calls -> {
            for (VesselCall call : calls) {
                for (Service service : Service.values()) {
                    if (PortCallServices.serviceId(call, service).equals(serviceId)) {
                        return Optional.of(new Offered(call, service));
                    }
                }
            }
            return Optional.empty();
        });
    }

    private Future<JsonArray> render(List<Offered> offered) {
        List<Future<Map<String, Location>>> positions = offered.stream()
                .map(o -> o.service() == Service.CARGO_START ? whereIs(o.call())
                        : Future.succeededFuture(Map.<String, Location>of()))
                .toList();
        return Future.all(positions).map(all -> {
            JsonArray list = new JsonArray();
            for (int i = 0; i < offered.size(); i++) {
                list.add(services.service(offered.get(i).call(), offered.get(i).service(), all.resultAt(i)));
            }
            return list;
        });
    }

    /** Where each container of the call's bay plan is now (absent: not in the terminal). */
    private Future<Map<String, Location>> whereIs(VesselCall call) {
        List<BayPlanEntry> entries = call.bayPlan().entries();
        List<Future<Optional<ContainerView>>> views = entries.stream()
                .map(entry -> yard.reader().container(entry.container().number())).toList();
        return Future.all(views).map(all -> {
            Map<String, Location> where = new HashMap<>();
            for (int i = 0; i < entries.size(); i++) {
                Optional<ContainerView> view = all.resultAt(i);
                view.ifPresent(v -> where.put(v.container().number().value(), v.location()));
            }
            return where;
        });
    }

    /**
     * The terminal's BERTH timestamp from the berth plan in force: berth arrival at the plan's berthing (until the
     * vessel is alongside), berth departure at its departure. {@code EST} while the berth planner may still move it
     * (it re-plans as ETAs change), {@code PLN} once an operator fixed it. Derived, not stored: its id is a name-based
     * UUID of service, classifier and time, so it stays the same while the time does and a new time is a new
     * timestamp.
     */
    private Optional<JsonObject> planned(Offered offered, String classifierWanted) {
        boolean arrival = offered.service() == Service.BERTH_ARRIVAL;
        if (!arrival && offered.service() != Service.BERTH_DEPARTURE) {
            return Optional.empty();
        }
        return berthPlan.of(offered.call().id())
                .filter(berthing -> !(arrival && berthing.alongside()))
                .map(berthing -> {
                    String classifier = berthing.fixed() ? "PLN" : "EST";
                    Instant at = arrival ? berthing.start() : berthing.end();
                    UUID service = PortCallServices.serviceId(offered.call(), offered.service());
                    UUID id = PortCallServices.terminalTimestampId(service, classifier, at);
                    return new JsonObject()
                            .put("timestampID", id.toString())
                            .put("portCallServiceID", service.toString())
                            .put("classifierCode", classifier)
                            .put("dateTime", at.toString())
                            .put("replyToTimestampID", null)
                            .put("delayReasonCode", null)
                            .put("remark", berthing.fixed() ? "berth plan: fixed by the terminal"
                                    : "berth plan: estimated, re-planned as the ETA changes");
                })
                .filter(timestamp -> classifierWanted == null
                        || classifierWanted.equals(timestamp.getString("classifierCode")));
    }

    private static JsonObject timestamp(Row row) {
        UUID replyTo = row.getUUID("reply_to");
        return new JsonObject()
                .put("timestampID", row.getUUID("timestamp_id").toString())
                .put("portCallServiceID", row.getUUID("port_call_service_id").toString())
                .put("classifierCode", row.getString("classifier"))
                .put("dateTime", Times.instant(row.getOffsetDateTime("date_time")).toString())
                .put("replyToTimestampID", replyTo == null ? null : replyTo.toString())
                .put("delayReasonCode", row.getString("delay_reason"))
                .put("remark", row.getString("remark"));
    }

    private static void json(RoutingContext ctx, JsonArray body) {
        ctx.response().putHeader("API-Version", API_VERSION);
        ctx.json(body);
    }
}
