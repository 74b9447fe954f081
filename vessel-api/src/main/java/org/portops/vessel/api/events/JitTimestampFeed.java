package org.portops.vessel.api.events;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.portops.model.vessel.VesselCallId;
import org.portops.vessel.api.Times;
import org.portops.vessel.api.jit.PortCallServices;
import org.portops.vessel.api.jit.PortCallServices.Service;

/**
 * The terminal's DCSA JIT 2.0 timestamps for the line operating a call, for a subscription of event type
 * {@value #EVENT_TYPE}: planned (PLN) berth arrival and departure once an operator fixed the call in the berth plan,
 * and actual (ACT) arrival and departure as recorded. Each is written once to a feed in PostgreSQL and read after a
 * cursor (its creation time, then its id), so a line receives its timestamps once, in the order they were written,
 * also across restarts and nodes. A plan is written only when it changes the service's latest planned time, so a
 * re-plan that leaves a call where it was sends nothing.
 */
public final class JitTimestampFeed {

    /** The subscription event type that receives JIT timestamps instead of DCSA Track & Trace events. */
    public static final String EVENT_TYPE = "JIT_TIMESTAMP";

    /** One timestamp as DCSA JIT 2.0 describes it, the call it is of, and the cursor past it. */
    public record Timestamp(VesselCallId call, UUID timestampId, JsonObject body, EventStream.Cursor past) {
    }

    /** A planned time of one service, as the berth plan of {@code version} fixed it. */
    public record Planned(long version, VesselCallId call, Service service, Instant at) {
    }

    /** Recorded actuals looked at per round: a backlog after downtime is written over the next rounds. */
    private static final int ACTUALS_PER_ROUND = 100;

    private static final String UNSENT_ACTUALS = """
            select e.id, e.call_id, e.line, e.type, e.event_time
            from vessel_call_events e
            where e.classifier = 'ACT'
              and not exists (select 1 from jit_timestamp_feed f where f.source_event = e.id)
            order by e.id
            limit $1""";

    private static final String INSERT = "insert into jit_timestamp_feed (call_id, line, port_call_service_id, "
            + "classifier, date_time, timestamp_id, plan_version, source_event, body, created_at) ";

    // one writer at a time: ids and creation times then grow together and a row is committed before the next is
    // written, so a subscription's cursor (creation time, id) never passes a row committed after it
    private static final String LOCK = "select pg_advisory_xact_lock(hashtextextended('jit_timestamp_feed', 0))";

    private static final String CREATED_AT =
            "greatest($%d::timestamptz, (select max(created_at) from jit_timestamp_feed))";

    // written only if the call exists and its latest planned time of the service differs and is from an older plan
    // (nodes hear the plans at their own pace); it answers the latest of the line's requests and estimates of the
    // service and the terminal's plans of it pushed before, if any
    private static final String INSERT_PLANNED = INSERT + """
            select v.id, v.line, $2, 'PLN', $3, $4, $7, null,
                   ($5::text::jsonb || coalesce(
                       (select jsonb_build_object('replyToTimestampID', earlier.id)
                        from (select t.timestamp_id as id, t.received_at as at
                              from jit_timestamps t
                              where t.port_call_service_id = $2 and t.classifier in ('REQ', 'EST')
                              union all
                              select f.timestamp_id, f.created_at
                              from jit_timestamp_feed f
                              where f.port_call_service_id = $2 and f.classifier = 'PLN') earlier
                        order by earlier.at desc limit 1),
                       '{}'::jsonb))::text,
                   %s
            from vessel_calls v
            where v.id = $1
              and not exists (select 1 from (select date_time, plan_version from jit_timestamp_feed
                                             where port_call_service_id = $2 and classifier = 'PLN'
                                             order by id desc limit 1) latest
                              where latest.date_time = $3 or latest.plan_version >= $7)""".formatted(
            CREATED_AT.formatted(6));

    // an actual answers the service's latest planned time pushed, if any
    private static final String INSERT_ACTUAL = INSERT + """
            values ($1, $2, $3, 'ACT', $4, $5, null, $6,
                    ($7::text::jsonb || coalesce(
                        (select jsonb_build_object('replyToTimestampID', f.timestamp_id)
                         from jit_timestamp_feed f
                         where f.port_call_service_id = $3 and f.classifier = 'PLN'
                         order by f.id desc limit 1),
                        '{}'::jsonb))::text,
                    %s)
            on conflict (source_event) do nothing""".formatted(CREATED_AT.formatted(8));

    private final Pool pool;

    public JitTimestampFeed(Pool pool) {
        this.pool = pool;
    }

    /**
     * The planned times of a berth plan chart (the berth planner's {@code berth.plan.published} JSON): berth arrival
     * and departure of each call an operator fixed; arrival no longer once the vessel is alongside.
     */
    public static List<Planned> fixedIn(JsonObject chart) {
        List<Planned> planned = new ArrayList<>();
        long version = chart.getLong("version");
        chart.getJsonArray("vessels").stream().map(JsonObject.class::cast)
                .filter(box -> box.getBoolean("fixed", false))
                .forEach(box -> {
                    VesselCallId call = new VesselCallId(box.getString("call"));
                    if (!box.getBoolean("alongside", false)) {
                        planned.add(new Planned(version, call, Service.BERTH_ARRIVAL,
                                Instant.parse(box.getString("start"))));
                    }
                    planned.add(new Planned(version, call, Service.BERTH_DEPARTURE,
                            Instant.parse(box.getString("end"))));
                });
        return planned;
    }

    /** Writes the planned times that change their service's latest one; returns how many it wrote. */
    public Future<Integer> writePlanned(List<Planned> planned, Instant now) {
        Future<Integer> written = Future.succeededFuture(0);
        for (Planned one : planned) {
            written = written.compose(count -> writePlanned(one, now).map(wrote -> count + (wrote ? 1 : 0)));
        }
        return written;
    }

    /** One service's plan under the feed's lock, so two nodes never both write the same change. */
    private Future<Boolean> writePlanned(Planned planned, Instant now) {
        UUID service = PortCallServices.serviceId(planned.call(), planned.service());
        UUID id = PortCallServices.terminalTimestampId(service, "PLN", planned.at());
        JsonObject body = body(id, service, "PLN", planned.at(), "berth plan: fixed by the terminal");
        return pool.withTransaction(connection -> connection
                .query(LOCK).execute()
                .compose(locked -> connection.preparedQuery(INSERT_PLANNED).execute(Tuple.tuple()
                        .addString(planned.call().value()).addUUID(service)
                        .addOffsetDateTime(Times.utc(planned.at())).addUUID(id).addString(body.encode())
                        .addOffsetDateTime(Times.utc(now)).addLong(planned.version())))
                .map(rows -> rows.rowCount() == 1));
    }

    /**
     * Writes the recorded actual arrivals and departures not written yet, in the order they were recorded; returns
     * how many it wrote (one another node wrote meanwhile is not counted).
     */
    public Future<Integer> writeActuals(Instant now) {
        return pool.preparedQuery(UNSENT_ACTUALS).execute(Tuple.of(ACTUALS_PER_ROUND)).compose(rows -> {
            List<Tuple> batch = new ArrayList<>();
            for (Row row : rows) {
                Service service = "ARRI".equals(row.getString("type")) ? Service.BERTH_ARRIVAL
                        : Service.BERTH_DEPARTURE;
                VesselCallId call = new VesselCallId(row.getString("call_id"));
                Instant at = Times.instant(row.getOffsetDateTime("event_time"));
                UUID serviceId = PortCallServices.serviceId(call, service);
                UUID id = PortCallServices.terminalTimestampId(serviceId, "ACT", at);
                batch.add(Tuple.tuple().addString(call.value()).addString(row.getString("line")).addUUID(serviceId)
                        .addOffsetDateTime(Times.utc(at)).addUUID(id).addLong(row.getLong("id"))
                        .addString(body(id, serviceId, "ACT", at, "recorded by the terminal").encode())
                        .addOffsetDateTime(Times.utc(now)));
            }
            if (batch.isEmpty()) {
                return Future.succeededFuture(0);
            }
            return pool.withTransaction(connection -> connection.query(LOCK).execute()
                            .compose(locked -> connection.preparedQuery(INSERT_ACTUAL).executeBatch(batch)))
                    .map(result -> {
                        int written = 0;
                        for (var each = result; each != null; each = each.next()) {
                            written += each.rowCount();
                        }
                        return written;
                    });
        });
    }

    /** The line's next timestamp after {@code after}, if there is one. */
    public Future<Optional<Timestamp>> next(String line, EventStream.Cursor after) {
        return pool.preparedQuery("select id, call_id, timestamp_id, body, created_at from jit_timestamp_feed "
                        + "where line = $1 and (created_at, lpad(id::text, 19, '0')) > ($2, $3) "
                        + "order by created_at, id limit 1")
                .execute(Tuple.of(line, Times.utc(after.createdAt()), after.key()))
                .map(rows -> {
                    if (rows.size() == 0) {
                        return Optional.empty();
                    }
                    Row row = rows.iterator().next();
                    return Optional.of(new Timestamp(new VesselCallId(row.getString("call_id")),
                            row.getUUID("timestamp_id"), new JsonObject(row.getString("body")),
                            new EventStream.Cursor(Times.instant(row.getOffsetDateTime("created_at")),
                                    String.format("%019d", row.getLong("id")))));
                });
    }

    /**
     * DCSA JIT 2.0's timestamp, as {@code PUT /timestamps/{timestampID}} takes it, before the timestamp it answers is
     * added ({@code replyToTimestampID}, left out for the first of a service, as JIT asks). It names no delay.
     */
    private static JsonObject body(UUID id, UUID service, String classifier, Instant at, String remark) {
        return new JsonObject()
                .put("timestampID", id.toString())
                .put("portCallServiceID", service.toString())
                .put("classifierCode", classifier)
                .put("dateTime", at.toString())
                .put("remark", remark);
    }
}
