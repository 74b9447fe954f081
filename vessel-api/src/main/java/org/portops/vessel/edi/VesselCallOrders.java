package org.portops.vessel.edi;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Tuple;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.portops.model.container.LineOperator;
import org.portops.model.vessel.BayPlanAction;
import org.portops.model.vessel.VesselCallId;
import org.portops.state.json.ModelJson;
import org.portops.vessel.edi.inbound.ContainerOrder;

/**
 * The COPRAR orders of vessel calls in PostgreSQL: which containers a line orders loaded or discharged, before the
 * stowage planning gives them a cell. A container's latest order for a call replaces its earlier one.
 */
public final class VesselCallOrders {

    /** One order to keep: the call it is for and the container order read. */
    public record Placed(VesselCallId call, ContainerOrder order) {
    }

    private final Pool pool;

    public VesselCallOrders(Pool pool) {
        this.pool = pool;
    }

    /** Keeps every order in one transaction. */
    public Future<Void> keep(List<Placed> orders, long ediMessage, Instant at) {
        List<Tuple> rows = new ArrayList<>();
        for (Placed placed : orders) {
            rows.add(Tuple.tuple().addString(placed.call().value())
                    .addString(placed.order().container().number().value())
                    .addString(placed.order().action().name())
                    .addString(placed.order().container().line().code())
                    .addValue(ModelJson.container(placed.order().container()))
                    .addLong(ediMessage)
                    .addOffsetDateTime(at.atOffset(ZoneOffset.UTC)));
        }
        if (rows.isEmpty()) {
            return Future.succeededFuture();
        }
        return pool.withTransaction(sql -> sql.preparedQuery("insert into vessel_call_orders (call_id, container, "
                        + "action, line, master, edi_message_id, ordered_at) values ($1, $2, $3, $4, $5, $6, $7) "
                        + "on conflict (call_id, container) do update set action = excluded.action, "
                        + "line = excluded.line, master = excluded.master, edi_message_id = excluded.edi_message_id, "
                        + "ordered_at = excluded.ordered_at")
                .executeBatch(rows)).mapEmpty();
    }

    /**
     * The orders of {@code action} for a call, oldest first, as {@code {container, action, orderedAt, ediMessage}};
     * only {@code line}'s when it is not null.
     */
    public Future<JsonArray> ordered(VesselCallId call, BayPlanAction action, LineOperator line) {
        return pool.preparedQuery("select master, action, ordered_at, edi_message_id from vessel_call_orders "
                        + "where call_id = $1 and action = $2 and ($3::text is null or line = $3) "
                        + "order by ordered_at, container")
                .execute(Tuple.of(call.value(), action.name(), line == null ? null : line.code()))
                .map(rows -> {
                    JsonArray orders = new JsonArray();
                    rows.forEach(row -> orders.add(new JsonObject()
                            .put("container", row.getJsonObject("master"))
                            .put("action", row.getString("action"))
                            .put("orderedAt", row.getOffsetDateTime("ordered_at").toInstant().toString())
                            .put("ediMessage", row.getLong("edi_message_id"))));
                    return orders;
                });
    }
}
