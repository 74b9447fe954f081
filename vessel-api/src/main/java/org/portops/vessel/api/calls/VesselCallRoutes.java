package org.portops.vessel.api.calls;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.portops.model.container.LineOperator;
import org.portops.model.vessel.BayPlan;
import org.portops.model.vessel.BayPlanAction;
import org.portops.model.vessel.BayPlanEntry;
import org.portops.model.vessel.ImoNumber;
import org.portops.model.vessel.StowageSlot;
import org.portops.model.vessel.Vessel;
import org.portops.model.vessel.VesselCall;
import org.portops.model.vessel.VesselCallId;
import org.portops.model.vessel.Voyage;
import org.portops.state.ChangeResult;
import org.portops.state.LiveYard;
import org.portops.state.VesselCallChange;
import org.portops.state.json.ModelJson;
import org.portops.vessel.api.ApiException;
import org.portops.vessel.api.Audit;
import org.portops.vessel.api.Fields;
import org.portops.vessel.api.auth.ApiAuth;
import org.portops.vessel.api.auth.Caller;
import org.portops.vessel.api.auth.Permission;
import org.portops.vessel.api.calls.TransportEvents.Change;
import org.portops.vessel.api.calls.TransportEvents.Classifier;
import org.portops.vessel.api.calls.TransportEvents.Type;
import org.portops.vessel.edi.VesselCallOrders;

/**
 * Vessel calls: list, create, get, schedule changes, bay plan upload, load and discharge lists. Calls are read from
 * and written to the live yard (durable in PostgreSQL first). A line reads a call it operates or carries
 * containers on, sees only its own containers in it, and changes only the calls it operates.
 */
public final class VesselCallRoutes {

    private final LiveYard yard;
    private final TransportEvents transportEvents;
    private final Audit audit;
    private final Clock clock;
    private final VesselCallOrders orders;

    public VesselCallRoutes(LiveYard yard, TransportEvents transportEvents, Audit audit, Clock clock,
                            VesselCallOrders orders) {
        this.yard = yard;
        this.orders = orders;
        this.transportEvents = transportEvents;
        this.audit = audit;
        this.clock = clock;
    }

    public void list(RoutingContext ctx) {
        Caller caller = ApiAuth.require(ctx, Permission.READ_VESSEL_CALLS);
        yard.reader().vesselCalls()
                .map(calls -> calls.stream()
                        .filter(call -> readable(caller, call))
                        .sorted(Comparator.comparing(VesselCall::eta).thenComparing(c -> c.id().value()))
                        .map(call -> summary(visibleTo(caller, call)))
                        .toList())
                .onSuccess(calls -> ctx.json(new JsonObject().put("vesselCalls", new JsonArray(calls))))
                .onFailure(ctx::fail);
    }

    public void create(RoutingContext ctx) {
        Caller caller = ApiAuth.require(ctx, Permission.WRITE_VESSEL_CALLS);
        JsonObject body = ctx.body().asJsonObject();
        VesselCall call = newCall(body);
        if (!caller.mayAccess(call.line())) {
            throw ApiException.forbidden(caller.subject() + " acts for line " + caller.line()
                    + " and cannot announce a call of line " + call.line());
        }
        yard.reader().vesselCall(call.id())
                .compose(existing -> existing.isPresent()
                        ? Future.failedFuture(ApiException.conflict("vessel call " + call.id() + " exists already"))
                        : store(call))
                .compose(stored -> transportEvents.record(call, List.of(
                        new Change(Type.ARRI, Classifier.PLN, call.eta()),
                        new Change(Type.DEPA, Classifier.PLN, call.etd())), clock.instant()))
                .compose(recorded -> audit.record(caller, "vessel-call.announced", call.id().value(), summary(call)))
                .onSuccess(done -> ctx.response().setStatusCode(201).putHeader("Location",
                        "/api/v1/vessel-calls/" + call.id()).putHeader("content-type", "application/json")
                        .end(summary(call).encode()))
                .onFailure(ctx::fail);
    }

    public void get(RoutingContext ctx) {
        Caller caller = ApiAuth.require(ctx, Permission.READ_VESSEL_CALLS);
        readableCall(ctx, caller)
                .onSuccess(call -> ctx.json(summary(visibleTo(caller, call))))
                .onFailure(ctx::fail);
    }

    public void updateSchedule(RoutingContext ctx) {
        Caller caller = ApiAuth.require(ctx, Permission.WRITE_VESSEL_CALLS);
        JsonObject body = ctx.body().asJsonObject();
        Instant eta = Fields.instant(body, "eta", "body/eta");
        Instant etb = Fields.instant(body, "etb", "body/etb");
        Instant etd = Fields.instant(body, "etd", "body/etd");
        Instant ata = Fields.instant(body, "ata", "body/ata");
        Instant atd = Fields.instant(body, "atd", "body/atd");
        Instant now = clock.instant();
        notInFuture(ata, "body/ata", now);
        notInFuture(atd, "body/atd", now);
        List<Change> changes = new ArrayList<>();
        if (eta != null) {
            changes.add(new Change(Type.ARRI, Classifier.EST, eta));
        }
        if (etd != null) {
            changes.add(new Change(Type.DEPA, Classifier.EST, etd));
        }
        if (ata != null) {
            changes.add(new Change(Type.ARRI, Classifier.ACT, ata));
        }
        if (atd != null) {
            changes.add(new Change(Type.DEPA, Classifier.ACT, atd));
        }
        writableCall(ctx, caller)
                .compose(call -> change(call, current -> rescheduled(current, eta, etb, etd, now)))
                .compose(changed -> transportEvents.record(changed, changes, now)
                        .compose(done -> audit.record(caller, "vessel-call.rescheduled", changed.id().value(), body))
                        .map(changed))
                .onSuccess(call -> ctx.json(summary(call)))
                .onFailure(ctx::fail);
    }

    public void uploadBayPlan(RoutingContext ctx) {
        Caller caller = ApiAuth.require(ctx, Permission.WRITE_VESSEL_CALLS);
        JsonArray entries = ctx.body().asJsonObject().getJsonArray("entries");
        BayPlan plan = bayPlan(entries, caller);
        writableCall(ctx, caller)
                .compose(call -> change(call, current -> current.withBayPlan(plan)))
                .compose(changed -> audit.record(caller, "vessel-call.bay-plan-replaced", changed.id().value(),
                                summary(changed).getJsonObject("bayPlan")).map(changed))
                .onSuccess(call -> ctx.json(summary(call)))
                .onFailure(ctx::fail);
    }

    public void loadList(RoutingContext ctx) {
        containerList(ctx, BayPlanAction.LOAD);
    }

    public void dischargeList(RoutingContext ctx) {
        containerList(ctx, BayPlanAction.DISCHARGE);
    }

    private void containerList(RoutingContext ctx, BayPlanAction action) {
        Caller caller = ApiAuth.require(ctx, Permission.READ_VESSEL_CALLS);
        readableCall(ctx, caller)
                .compose(call -> orders.ordered(call.id(), action, caller.line()).map(ordered -> {
                    JsonArray containers = new JsonArray();
                    Set<String> planned = new HashSet<>();
                    visibleTo(caller, call).bayPlan().withAction(action).forEach(entry -> {
                        planned.add(entry.container().number().value());
                        containers.add(new JsonObject().put("slot", entry.slot().toString())
                                .put("action", entry.action().name())
                                .put("container", ModelJson.container(entry.container())));
                    });
                    // COPRAR orders not yet given a cell by the stowage planning
                    JsonArray unplanned = new JsonArray(ordered.stream()
                            .filter(o -> !planned.contains(((JsonObject) o).getJsonObject("container")
                                    .getString("number")))
                            .toList());
                    return new JsonObject().put("vesselCall", call.id().value()).put("containers", containers)
                            .put("ordered", unplanned);
                }))
                .onSuccess(ctx::json)
                .onFailure(ctx::fail);
    }

    private Future<VesselCall> readableCall(RoutingContext ctx, Caller caller) {
        VesselCallId id = new VesselCallId(ctx.pathParam("callId"));
        return yard.reader().vesselCall(id).compose(call -> call.isPresent() && readable(caller, call.get())
                ? Future.succeededFuture(call.get()) : Future.failedFuture(noSuchCall(id)));
    }

    private Future<VesselCall> writableCall(RoutingContext ctx, Caller caller) {
        VesselCallId id = new VesselCallId(ctx.pathParam("callId"));
        return yard.reader().vesselCall(id).compose(call -> {
            if (call.isEmpty() || !readable(caller, call.get())) {
                return Future.failedFuture(noSuchCall(id));
            }
            if (!caller.mayAccess(call.get().line())) {
                return Future.failedFuture(ApiException.forbidden("vessel call " + id + " is operated by another "
                        + "line; " + caller.line() + " can read its own containers on it but not change the call"));
            }
            return Future.succeededFuture(call.get());
        });
    }

    private static ApiException noSuchCall(VesselCallId id) {
        return ApiException.notFound("no vessel call " + id);
    }

    /** A line reads a call it operates or has containers on. */
    private static boolean readable(Caller caller, VesselCall call) {
        return caller.mayAccess(call.line()) || call.bayPlan().entries().stream()
                .anyMatch(e -> caller.mayAccess(e.container().line()));
    }

    /** The call with only the bay plan entries the caller may see. */
    private static VesselCall visibleTo(Caller caller, VesselCall call) {
        if (!caller.isLine()) {
            return call;
        }
        return call.withBayPlan(new BayPlan(call.bayPlan().entries().stream()
                .filter(e -> caller.mayAccess(e.container().line())).toList()));
    }

    /**
     * Applies {@code change} to the call as live state holds it when it is stored, so the berth planner's berth or
     * another writer's change made since {@code call} was read is kept; the call as stored.
     */
    private Future<VesselCall> change(VesselCall call, UnaryOperator<VesselCall> change) {
        return yard.changeVesselCall(call.id(), current -> {
            VesselCall changed = change.apply(current);
            return changed.equals(current) ? new VesselCallChange.Keep() : new VesselCallChange.Store(changed);
        }).compose(outcome -> switch (outcome) {
            case VesselCallChange.Applied applied -> Future.succeededFuture(applied.after());
            case VesselCallChange.Unchanged unchanged -> Future.succeededFuture(unchanged.call());
            case VesselCallChange.Refused refused -> Future.failedFuture(ApiException.conflict(refused.reason()));
        });
    }

    private Future<Void> store(VesselCall call) {
        return yard.updateVesselCall(call).compose(result -> switch (result) {
            case ChangeResult.Refused refused -> Future.failedFuture(ApiException.conflict(refused.reason()));
            case ChangeResult.Applied applied -> Future.<Void>succeededFuture();
        });
    }

    private static VesselCall newCall(JsonObject body) {
        JsonObject vessel = body.getJsonObject("vessel");
        VesselCallId id = Fields.parse("body/id", () -> new VesselCallId(body.getString("id")));
        ImoNumber imo = Fields.parse("body/vessel/imo", () -> ImoNumber.of(vessel.getString("imo")));
        Vessel ship = Fields.parse("body/vessel", () -> new Vessel(imo, vessel.getString("name"),
                vessel.getDouble("lengthOverallMeters"), vessel.getDouble("beamMeters"),
                vessel.getDouble("draftMeters")));
        Voyage voyage = Fields.parse("body/voyage", () -> new Voyage(body.getString("voyage")));
        LineOperator line = Fields.parse("body/line", () -> new LineOperator(body.getString("line")));
        Instant eta = Fields.instant(body, "eta", "body/eta");
        Instant etb = Fields.instant(body, "etb", "body/etb");
        Instant etd = Fields.instant(body, "etd", "body/etd");
        checkWindow(eta, etb, etd);
        return new VesselCall(id, ship, voyage, line, null, eta, etb, etd, BayPlan.EMPTY);
    }

    /**
     * The call with the times given; an ETB in the future that a new ETA overtakes, when no ETB is given, is
     * cleared rather than refused: it is the berth plan's (or an operator's) berthing for the old ETA, and the berth
     * planner places the call again.
     */
    private static VesselCall rescheduled(VesselCall call, Instant eta, Instant etb, Instant etd, Instant now) {
        Instant newEta = eta == null ? call.eta() : eta;
        boolean overtaken = etb == null && call.etb() != null && call.etb().isAfter(now)
                && call.etb().isBefore(newEta);
        Instant newEtb = etb != null ? etb : overtaken ? null : call.etb();
        Instant newEtd = etd == null ? call.etd() : etd;
        checkWindow(newEta, newEtb, newEtd);
        return call.withTimes(newEta, newEtb, newEtd);
    }

    private static void checkWindow(Instant eta, Instant etb, Instant etd) {
        if (!eta.isBefore(etd)) {
            throw ApiException.badField("body/etd", "body/etd: ETD " + etd + " must be after ETA " + eta);
        }
        if (etb != null && (etb.isBefore(eta) || etb.isAfter(etd))) {
            throw ApiException.badField("body/etb", "body/etb: ETB " + etb + " must lie within ETA " + eta
                    + " and ETD " + etd);
        }
    }

    private static void notInFuture(Instant actual, String field, Instant now) {
        if (actual != null && actual.isAfter(now.plusSeconds(60))) {
            throw ApiException.badField(field, field + ": an actual time cannot be in the future (" + actual
                    + ", now " + now + ")");
        }
    }

    private static BayPlan bayPlan(JsonArray entries, Caller caller) {
        List<BayPlanEntry> parsed = new ArrayList<>(entries.size());
        for (int i = 0; i < entries.size(); i++) {
            JsonObject entry = entries.getJsonObject(i);
            String at = "body/entries/" + i;
            var container = Fields.parse(at + "/container", () -> ModelJson.container(entry.getJsonObject("container")));
            if (!caller.mayAccess(container.line())) {
                throw ApiException.badField(at + "/container/line", at + "/container/line: " + container.number()
                        + " belongs to line " + container.line() + "; " + caller.line()
                        + " may only send its own containers");
            }
            StowageSlot slot = Fields.parse(at + "/slot", () -> StowageSlot.parse(entry.getString("slot")));
            BayPlanAction action = BayPlanAction.valueOf(entry.getString("action"));
            parsed.add(Fields.parse(at, () -> new BayPlanEntry(slot, container, action)));
        }
        return Fields.parse("body/entries", () -> new BayPlan(parsed));
    }

    /** The call without its bay plan, with counts per action. */
    static JsonObject summary(VesselCall call) {
        JsonObject json = ModelJson.vesselCall(call.withBayPlan(BayPlan.EMPTY));
        json.remove("bayPlan");
        return json.put("bayPlan", new JsonObject()
                .put("discharge", call.bayPlan().withAction(BayPlanAction.DISCHARGE).size())
                .put("load", call.bayPlan().withAction(BayPlanAction.LOAD).size())
                .put("restow", call.bayPlan().withAction(BayPlanAction.RESTOW).size())
                .put("remainOnBoard", call.bayPlan().withAction(BayPlanAction.REMAIN_ON_BOARD).size()));
    }
}
