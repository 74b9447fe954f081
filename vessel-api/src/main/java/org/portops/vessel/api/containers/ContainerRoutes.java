package org.portops.vessel.api.containers;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import io.vertx.pgclient.PgException;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.portops.model.container.Container;
import org.portops.model.container.ContainerNumber;
import org.portops.model.vessel.BayPlanEntry;
import org.portops.model.vessel.VesselCall;
import org.portops.model.work.Location;
import org.portops.model.work.VesselLocation;
import org.portops.model.work.WorkInstruction;
import org.portops.state.LiveYard;
import org.portops.state.hold.HoldKind;
import org.portops.state.json.ModelJson;
import org.portops.vessel.api.ApiException;
import org.portops.vessel.api.Audit;
import org.portops.vessel.api.Fields;
import org.portops.vessel.api.Times;
import org.portops.vessel.api.auth.ApiAuth;
import org.portops.vessel.api.auth.Caller;
import org.portops.vessel.api.auth.Permission;

/**
 * A container's status (where it is, its last move, its holds, the moves planned for it), its move history and
 * its holds. A container another line owns answers 404 to a line, as an unknown one does.
 */
public final class ContainerRoutes {

    private static final String MOVE_COLUMNS = "seq, kind, from_location, to_location, instruction_id, recorded_at";

    private final LiveYard yard;
    private final Pool pool;
    private final Audit audit;
    private final Clock clock;

    public ContainerRoutes(LiveYard yard, Pool pool, Audit audit, Clock clock) {
        this.yard = yard;
        this.pool = pool;
        this.audit = audit;
        this.clock = clock;
    }

    /** What the terminal knows of a container: master data and where it is now (null: not in the terminal). */
    private record Known(Container container, Location location) {
    }

    public void status(RoutingContext ctx) {
        Caller caller = ApiAuth.require(ctx, Permission.READ_CONTAINERS);
        ContainerNumber number = number(ctx);
        Future<List<VesselCall>> calls = yard.reader().vesselCallsCarrying(number);
        known(number, caller, () -> calls)
                .compose(known -> Future.all(lastMove(number), activeHolds(number), plannedMoves(known, calls))
                        .map(all -> new JsonObject()
                                .put("container", ModelJson.container(known.container()))
                                .put("inTerminal", known.location() != null)
                                .put("location", ModelJson.location(known.location()))
                                .put("lastMove", all.<JsonObject>resultAt(0))
                                .put("holds", all.<JsonArray>resultAt(1))
                                .put("plannedMoves", all.<JsonArray>resultAt(2))))
                .onSuccess(ctx::json)
                .onFailure(ctx::fail);
    }

    public void moves(RoutingContext ctx) {
        Caller caller = ApiAuth.require(ctx, Permission.READ_CONTAINERS);
        ContainerNumber number = number(ctx);
        known(number, caller, () -> yard.reader().vesselCallsCarrying(number))
                .compose(known -> pool.preparedQuery("select " + MOVE_COLUMNS
                                + " from move_log where container = $1 order by seq")
                        .execute(Tuple.of(number.value())))
                .map(rows -> {
                    JsonArray moves = new JsonArray();
                    rows.forEach(row -> moves.add(move(row)));
                    return new JsonObject().put("container", number.value()).put("moves", moves);
                })
                .onSuccess(ctx::json)
                .onFailure(ctx::fail);
    }

    public void placeHold(RoutingContext ctx) {
        Caller caller = ApiAuth.require(ctx, Permission.PLACE_HOLDS);
        ContainerNumber number = number(ctx);
        JsonObject body = ctx.body().asJsonObject();
        String kind = body.getString("kind");
        checkHoldKind(caller, kind);
        known(number, caller, () -> yard.reader().vesselCallsCarrying(number))
                .compose(known -> pool.preparedQuery("insert into container_holds (container, kind, reason, placed_by, "
                                + "placed_at) values ($1, $2, $3, $4, $5) returning kind, reason, placed_by, placed_at")
                        .execute(Tuple.of(number.value(), kind, body.getString("reason"), caller.subject(),
                                Times.utc(clock.instant())))
                        .recover(failure -> Future.failedFuture(isUniqueViolation(failure)
                                ? ApiException.conflict(number + " already has an active " + kind + " hold")
                                : failure)))
                .compose(rows -> audit.record(caller, "container.hold-placed", number.value(), body)
                        .map(hold(rows.iterator().next())))
                // the planners keep the box's moves back at once (the crane scheduler listens)
                .onSuccess(hold -> yard.holds().announce(number, HoldKind.valueOf(kind), true, hold.getString("reason")))
                .onSuccess(hold -> ctx.response().setStatusCode(201).putHeader("content-type", "application/json")
                        .end(hold.encode()))
                .onFailure(ctx::fail);
    }

    public void releaseHold(RoutingContext ctx) {
        Caller caller = ApiAuth.require(ctx, Permission.PLACE_HOLDS);
        ContainerNumber number = number(ctx);
        String kind = ctx.pathParam("kind");
        checkHoldKind(caller, kind);
        known(number, caller, () -> yard.reader().vesselCallsCarrying(number))
                .compose(known -> pool.preparedQuery("update container_holds set released_at = $3, released_by = $4 "
                                + "where container = $1 and kind = $2 and released_at is null")
                        .execute(Tuple.of(number.value(), kind, Times.utc(clock.instant()), caller.subject())))
                .compose(rows -> rows.rowCount() == 0
                        ? Future.failedFuture(ApiException.notFound(number + " has no active " + kind + " hold"))
                        : audit.record(caller, "container.hold-released", number.value(),
                                new JsonObject().put("kind", kind)))
                .onSuccess(done -> yard.holds().announce(number, HoldKind.valueOf(kind), false,
                        "released by " + caller.subject()))
                .onSuccess(done -> ctx.response().setStatusCode(204).end())
                .onFailure(ctx::fail);
    }

    private static void checkHoldKind(Caller caller, String kind) {
        if (caller.isLine() && !"LINE".equals(kind)) {
            throw ApiException.forbidden("a line places and releases LINE holds only, not " + kind);
        }
    }

    private static ContainerNumber number(RoutingContext ctx) {
        return Fields.parse("path/containerNumber", () -> new ContainerNumber(ctx.pathParam("containerNumber")));
    }

    /**
     * The container as the live yard has it, else as a bay plan announces it, else as its master data remembers
     * it (it left the terminal); 404 when none knows it or it belongs to another line than the caller's.
     */
    private Future<Known> known(ContainerNumber number, Caller caller, Supplier<Future<List<VesselCall>>> calls) {
        return yard.reader().container(number)
                .compose(view -> view.isPresent()
                        ? Future.succeededFuture(Optional.of(new Known(view.get().container(), view.get().location())))
                        : announced(number, calls.get()).compose(entry -> entry.isPresent()
                                ? Future.succeededFuture(Optional.of(new Known(entry.get().container(), null)))
                                : remembered(number)))
                .compose(known -> known.isPresent() && caller.mayAccess(known.get().container().line())
                        ? Future.succeededFuture(known.get())
                        : Future.failedFuture(ApiException.notFound("no container " + number)));
    }

    private static Future<Optional<BayPlanEntry>> announced(ContainerNumber number, Future<List<VesselCall>> calls) {
        return calls.map(all -> all.stream()
                .flatMap(call -> call.bayPlan().entries().stream())
                .filter(entry -> entry.container().number().equals(number))
                .findFirst());
    }

    private Future<Optional<Known>> remembered(ContainerNumber number) {
        return pool.preparedQuery("select number, size_type, weight_kg, line, port_of_loading, port_of_discharge, "
                        + "category, reefer_set_point_c, imdg_class from containers where number = $1")
                .execute(Tuple.of(number.value()))
                .map(rows -> {
                    if (rows.size() == 0) {
                        return Optional.empty();
                    }
                    Row row = rows.iterator().next();
                    JsonObject json = new JsonObject()
                            .put("number", row.getString("number")).put("sizeType", row.getString("size_type"))
                            .put("weightKg", row.getInteger("weight_kg")).put("line", row.getString("line"))
                            .put("portOfLoading", row.getString("port_of_loading"))
                            .put("portOfDischarge", row.getString("port_of_discharge"))
                            .put("category", row.getString("category"))
                            .put("reeferSetPointC", row.getDouble("reefer_set_point_c"))
                            .put("imdgClass", row.getString("imdg_class"));
                    return Optional.of(new Known(ModelJson.container(json), null));
                });
    }

    private Future<JsonObject> lastMove(ContainerNumber number) {
        return pool.preparedQuery("select " + MOVE_COLUMNS + " from move_log where container = $1 "
                        + "order by seq desc limit 1")
                .execute(Tuple.of(number.value()))
                .map(rows -> rows.size() == 0 ? null : move(rows.iterator().next()));
    }

    private Future<JsonArray> activeHolds(ContainerNumber number) {
        return pool.preparedQuery("select kind, reason, placed_by, placed_at from container_holds "
                        + "where container = $1 and released_at is null order by placed_at")
                .execute(Tuple.of(number.value()))
                .map(rows -> {
                    JsonArray holds = new JsonArray();
                    rows.forEach(row -> holds.add(hold(row)));
                    return holds;
                });
    }

    /**
     * Open work instructions for the container, then the bay-plan actions of calls still to happen; both read only
     * what names the container (the calls cut down to its entries).
     */
    private Future<JsonArray> plannedMoves(Known known, Future<List<VesselCall>> calls) {
        ContainerNumber number = known.container().number();
        return Future.all(yard.reader().workInstructions(number), calls).map(all -> {
            JsonArray planned = new JsonArray();
            all.<List<WorkInstruction>>resultAt(0).stream()
                    .filter(w -> !w.state().isTerminal())
                    .forEach(w -> planned.add(new JsonObject().put("source", "WORK_INSTRUCTION")
                            .mergeIn(ModelJson.workInstruction(w))));
            for (VesselCall call : all.<List<VesselCall>>resultAt(1)) {
                for (BayPlanEntry entry : call.bayPlan().entries()) {
                    if (stillToDo(entry, call, known.location())) {
                        planned.add(new JsonObject().put("source", "BAY_PLAN")
                                .put("vesselCall", call.id().value())
                                .put("action", entry.action().name())
                                .put("slot", entry.slot().toString()));
                    }
                }
            }
            return planned;
        });
    }

    /** A discharge or restow is to do while the container is still on that call; a load until it is at its slot. */
    private static boolean stillToDo(BayPlanEntry entry, VesselCall call, Location location) {
        VesselLocation atSlot = new VesselLocation(call.id(), entry.slot());
        return switch (entry.action()) {
            case DISCHARGE, RESTOW -> location instanceof VesselLocation on && on.call().equals(call.id());
            case LOAD -> !atSlot.equals(location);
            case REMAIN_ON_BOARD -> false;
        };
    }

    private static JsonObject move(Row row) {
        return new JsonObject()
                .put("sequence", row.getLong("seq"))
                .put("kind", row.getString("kind"))
                .put("from", row.getString("from_location"))
                .put("to", row.getString("to_location"))
                .put("instruction", row.getString("instruction_id"))
                .put("at", Times.instant(row.getOffsetDateTime("recorded_at")).toString());
    }

    private static JsonObject hold(Row row) {
        return new JsonObject()
                .put("kind", row.getString("kind"))
                .put("reason", row.getString("reason"))
                .put("placedBy", row.getString("placed_by"))
                .put("placedAt", Times.instant(row.getOffsetDateTime("placed_at")).toString());
    }

    private static boolean isUniqueViolation(Throwable failure) {
        return failure instanceof PgException pg && "23505".equals(pg.getSqlState());
    }
}
