package org.portops.state.store;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import org.portops.model.container.LineOperator;
import org.portops.model.quay.BerthId;
import org.portops.model.vessel.BayPlan;
import org.portops.model.vessel.BayPlanAction;
import org.portops.model.vessel.BayPlanEntry;
import org.portops.model.vessel.ImoNumber;
import org.portops.model.vessel.StowageSlot;
import org.portops.model.vessel.Vessel;
import org.portops.model.vessel.VesselCall;
import org.portops.model.vessel.VesselCallId;
import org.portops.model.vessel.Voyage;
import org.portops.state.json.ModelJson;
import org.portops.state.lease.Lease;
import org.portops.state.lease.PlannerLease;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Vessel calls and their bay plans in PostgreSQL. */
public final class VesselCallStore {

    private final Pool pool;

    public VesselCallStore(Pool pool) {
        this.pool = pool;
    }

    /** Stores a call and replaces its bay plan, in one transaction. */
    public Future<Void> upsert(VesselCall call, Instant at) {
        return upsert(call, at, null);
    }

    /** Like {@link #upsert(VesselCall, Instant)}, committed only while {@code fence}'s lease term holds (null: none). */
    public Future<Void> upsert(VesselCall call, Instant at, Lease fence) {
        return pool.withTransaction(connection -> (fence == null ? Future.<Void>succeededFuture()
                : PlannerLease.checkHeld(connection, fence.planner(), fence.token()))
                .compose(held -> upsert(connection, List.of(call), at)));
    }

    /** Stores calls and replace their bay plans in the caller's transaction. */
    public static Future<Void> upsert(SqlClient client, List<VesselCall> calls, Instant at) {
        if (calls.isEmpty()) {
            return Future.succeededFuture();
        }
        List<JsonObject> containers = new ArrayList<>();
        List<Tuple> callTuples = new ArrayList<>();
        List<Tuple> entryTuples = new ArrayList<>();
        List<Tuple> ids = new ArrayList<>();
        for (VesselCall call : calls) {
            callTuples.add(Tuple.tuple()
                    .addString(call.id().value())
                    .addString(call.vessel().imo().value())
                    .addString(call.vessel().name())
                    .addDouble(call.vessel().lengthOverallMeters())
                    .addDouble(call.vessel().beamMeters())
                    .addDouble(call.vessel().draftMeters())
                    .addString(call.voyage().value())
                    .addString(call.line().code())
                    .addString(call.berth() == null ? null : call.berth().value())
                    .addOffsetDateTime(Sql.time(call.eta()))
                    .addOffsetDateTime(Sql.time(call.etb()))
                    .addOffsetDateTime(Sql.time(call.etd()))
                    .addOffsetDateTime(Sql.time(at))
                    .addDouble(call.quayFromMeter()));
            ids.add(Tuple.of(call.id().value()));
            List<BayPlanEntry> plan = call.bayPlan().entries();
            for (int position = 0; position < plan.size(); position++) {
                BayPlanEntry entry = plan.get(position);
                containers.add(ModelJson.container(entry.container()));
                entryTuples.add(Tuple.of(call.id().value(), entry.container().number().value(),
                        entry.slot().toString(), entry.action().name(), position));
            }
        }
        Future<Void> masters = containers.isEmpty() ? Future.succeededFuture()
                : ContainerMasterData.upsert(client, containers, at);
        return masters
                .compose(done -> client.preparedQuery("insert into vessel_calls (id, imo, vessel_name, length_overall_m, "
                                + "beam_m, draft_m, voyage, line, berth, eta, etb, etd, updated_at, quay_from_m) values ($1, "
                                + "$2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14) on conflict (id) do update set "
                                + "imo = excluded.imo, vessel_name = excluded.vessel_name, "
                                + "length_overall_m = excluded.length_overall_m, beam_m = excluded.beam_m, "
                                + "draft_m = excluded.draft_m, voyage = excluded.voyage, line = excluded.line, "
                                + "berth = excluded.berth, eta = excluded.eta, etb = excluded.etb, etd = excluded.etd, "
                                + "updated_at = excluded.updated_at, quay_from_m = excluded.quay_from_m")
                        .executeBatch(callTuples))
                .compose(done -> client.preparedQuery("delete from bay_plan_entries where call_id = $1").executeBatch(ids))
                .compose(done -> entryTuples.isEmpty() ? Future.succeededFuture()
                        : client.preparedQuery("insert into bay_plan_entries (call_id, container, slot, action, "
                        + "position) values ($1, $2, $3, $4, $5)").executeBatch(entryTuples).mapEmpty())
                .mapEmpty();
    }

    /** Every stored call with its bay plan. */
    public Future<List<VesselCall>> loadAll() {
        return pool.query("select c.number, c.size_type, c.weight_kg, c.line, c.port_of_loading, c.port_of_discharge, "
                        + "c.category, c.reefer_set_point_c, c.imdg_class, e.call_id, e.slot, e.action "
                        + "from bay_plan_entries e join containers c on c.number = e.container order by e.call_id, e.position")
                .execute()
                .compose(entryRows -> {
                    Map<String, List<BayPlanEntry>> plans = new HashMap<>();
                    for (Row row : entryRows) {
                        JsonObject container = new JsonObject()
                                .put("number", row.getString("number"))
                                .put("sizeType", row.getString("size_type"))
                                .put("weightKg", row.getInteger("weight_kg"))
                                .put("line", row.getString("line"))
                                .put("portOfLoading", row.getString("port_of_loading"))
                                .put("portOfDischarge", row.getString("port_of_discharge"))
                                .put("category", row.getString("category"))
                                .put("reeferSetPointC", row.getDouble("reefer_set_point_c"))
                                .put("imdgClass", row.getString("imdg_class"));
                        plans.computeIfAbsent(row.getString("call_id"), id -> new ArrayList<>())
                                .add(new BayPlanEntry(StowageSlot.parse(row.getString("slot")),
                                        ModelJson.container(container), BayPlanAction.valueOf(row.getString("action"))));
                    }
                    return pool.query("select * from vessel_calls order by eta, id").execute()
                            .map(callRows -> {
                                Map<String, VesselCall> calls = new LinkedHashMap<>();
                                for (Row row : callRows) {
                                    String id = row.getString("id");
                                    String berth = row.getString("berth");
                                    calls.put(id, new VesselCall(new VesselCallId(id),
                                            new Vessel(new ImoNumber(row.getString("imo")), row.getString("vessel_name"),
                                                    row.getDouble("length_overall_m"), row.getDouble("beam_m"),
                                                    row.getDouble("draft_m")),
                                            new Voyage(row.getString("voyage")), new LineOperator(row.getString("line")),
                                            berth == null ? null : new BerthId(berth),
                                            Sql.instant(row.getOffsetDateTime("eta")),
                                            Sql.instant(row.getOffsetDateTime("etb")),
                                            Sql.instant(row.getOffsetDateTime("etd")),
                                            new BayPlan(plans.getOrDefault(id, List.of())),
                                            row.getDouble("quay_from_m")));
                                }
                                return List.copyOf(calls.values());
                            });
                });
    }
}
