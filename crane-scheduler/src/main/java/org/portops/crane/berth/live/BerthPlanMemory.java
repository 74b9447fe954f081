package org.portops.crane.berth.live;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import org.portops.model.quay.BerthId;
import org.portops.model.vessel.VesselCallId;
import org.portops.state.lease.Lease;
import org.portops.state.lease.PlannerLease;

/**
 * The berth planner's memory of what it wrote into each vessel call ({@link BerthPlanWriteBack.Written}), in
 * PostgreSQL ({@code berth_plan_writes}), so that after a restart or a takeover the planner still knows its own
 * placements from an operator's: without it every future berth and ETB in live state would count as fixed.
 */
public final class BerthPlanMemory {

    private static final String REMEMBER = """
            insert into berth_plan_writes (call_id, berth, etb, eta, requested, written_at)
            values ($1, $2, $3, $4, $5, $6)
            on conflict (call_id) do update set berth = excluded.berth, etb = excluded.etb, eta = excluded.eta,
                requested = excluded.requested, written_at = excluded.written_at""";

    private final Pool pool;

    public BerthPlanMemory(Pool pool) {
        this.pool = pool;
    }

    /** Every call's last write. */
    public Future<Map<VesselCallId, BerthPlanWriteBack.Written>> load() {
        return pool.query("select call_id, berth, etb, eta, requested from berth_plan_writes").execute().map(rows -> {
            Map<VesselCallId, BerthPlanWriteBack.Written> written = new HashMap<>();
            for (Row row : rows) {
                written.put(new VesselCallId(row.getString("call_id")), new BerthPlanWriteBack.Written(
                        new BerthId(row.getString("berth")), instant(row, "etb"), instant(row, "eta"),
                        instant(row, "requested")));
            }
            return written;
        });
    }

    /** Records the write; with a {@code fence}, only while that lease term holds (null: none). */
    public Future<Void> remember(VesselCallId call, BerthPlanWriteBack.Written written, Instant at, Lease fence) {
        Tuple row = Tuple.of(call.value(), written.berth().value(), time(written.etb()), time(written.eta()),
                time(written.requested()), time(at));
        return pool.withTransaction(connection -> (fence == null ? Future.<Void>succeededFuture()
                : PlannerLease.checkHeld(connection, fence.planner(), fence.token()))
                .compose(held -> connection.preparedQuery(REMEMBER).execute(row)).<Void>mapEmpty());
    }

    private static OffsetDateTime time(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private static Instant instant(Row row, String column) {
        return row.getOffsetDateTime(column).toInstant();
    }
}
