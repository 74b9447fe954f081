package org.portops.map;

import io.vertx.core.Future;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.util.List;
import org.portops.map.access.MapAccess;
import org.portops.map.access.MapPermission;
import org.portops.map.cab.CabCommand;
import org.portops.map.cab.CabDesk;
import org.portops.map.cab.CabOutcome;
import org.portops.map.live.MapJson;
import org.portops.model.equipment.EquipmentId;
import org.portops.model.work.ExceptionReason;
import org.portops.model.work.WorkInstruction;
import org.portops.model.work.WorkInstructionId;
import org.portops.model.work.WorkInstructionState;
import org.portops.state.ContainerView;
import org.portops.state.YardStateReader;
import org.portops.state.json.ModelJson;
import org.portops.vessel.api.auth.ApiAuth;

/**
 * The crane cab's and the map's machine API, mounted on the launcher's router: a machine's state and work list
 * ({@code GET /api/cab/QC01}, {@code GET /api/map/machines/QC01}) and the driver's commands ({@code POST
 * /api/cab/QC01/confirm}, {@code .../exception}). The edge only: the deciding lives in {@link CabDesk}.
 */
public final class CabRoutes {

    private static final String JSON = "application/json";
    private static final long BODY_LIMIT_BYTES = 16 * 1024;

    private final YardStateReader yard;
    private final CabDesk cab;
    private final MapAccess access;

    public CabRoutes(YardStateReader yard, CabDesk cab, MapAccess access) {
        this.yard = yard;
        this.cab = cab;
        this.access = access;
    }

    /** Adds the cab's routes; call before the router's catch-all. */
    public void mount(Router router) {
        router.get("/api/map/machines/:machine").handler(access.signedIn())
                .handler(MapAccess.requires(MapPermission.VIEW_MAP))
                .handler(ctx -> workList(ctx, CabDesk.Reader.OPERATOR));
        router.get("/api/cab/:machine").handler(access.signedIn()).handler(CabRoutes::driverOfMachine)
                .handler(ctx -> workList(ctx, CabDesk.Reader.CAB));
        // Vert.x takes the body handler before any other; the body is small and read only to be checked after
        router.post("/api/cab/:machine/*").handler(BodyHandler.create().setBodyLimit(BODY_LIMIT_BYTES))
                .handler(access.signedIn()).handler(CabRoutes::driverOfMachine);
        router.post("/api/cab/:machine/confirm").handler(ctx -> command(ctx, false));
        router.post("/api/cab/:machine/exception").handler(ctx -> command(ctx, true));
    }

    /** A tablet reads and confirms the work of the machine its driver's token names, and no other. */
    private static void driverOfMachine(RoutingContext ctx) {
        EquipmentId machine;
        try {
            machine = new EquipmentId(ctx.pathParam("machine"));
        } catch (IllegalArgumentException e) {
            OpsMapRoutes.error(ctx, 400, "machine: " + e.getMessage());
            return;
        }
        MapAccess.mayDrive(ApiAuth.caller(ctx), machine).ifPresentOrElse(
                reason -> OpsMapRoutes.error(ctx, 403, reason), ctx::next);
    }

    private void workList(RoutingContext ctx, CabDesk.Reader reader) {
        EquipmentId machine;
        try {
            machine = new EquipmentId(ctx.pathParam("machine"));
        } catch (IllegalArgumentException e) {
            OpsMapRoutes.error(ctx, 400, "machine: " + e.getMessage());
            return;
        }
        cab.workList(machine, reader).compose(list -> {
            if (list.state().isEmpty() && list.instructions().isEmpty()) {
                return Future.succeededFuture((JsonObject) null);
            }
            List<Future<JsonObject>> instructions = list.instructions().stream().map(this::withContainer).toList();
            return Future.all(instructions).map(all -> new JsonObject()
                    .put("machine", machine.value())
                    .put("state", list.state().map(MapJson::machine).orElse(null))
                    .put("instructions", new JsonArray(instructions.stream().map(Future::result).toList())));
        }).onSuccess(json -> {
            if (json == null) {
                OpsMapRoutes.error(ctx, 404, "no machine " + machine + " in the live yard");
            } else {
                ctx.json(json);
            }
        }).onFailure(ctx::fail);
    }

    /**
     * The instruction with its container's master data: the cab shows weight, reefer and dangerous-goods marks. A twin
     * lift's partner comes with it, its box and positions too: the driver sets the spreader for both boxes at once,
     * whether or not the partner is among the next five.
     */
    private Future<JsonObject> withContainer(WorkInstruction instruction) {
        Future<JsonObject> twin = instruction.twinWith() == null ? Future.succeededFuture(null)
                : yard.workInstruction(instruction.twinWith()).compose(partner -> partner.isEmpty()
                        ? Future.succeededFuture(null) : detailed(partner.get()));
        return Future.all(detailed(instruction), twin).map(all -> all.<JsonObject>resultAt(0)
                .put("twin", all.<JsonObject>resultAt(1)));
    }

    private Future<JsonObject> detailed(WorkInstruction instruction) {
        return yard.container(instruction.container()).map(view -> ModelJson.workInstruction(instruction)
                .put("detail", view.map(ContainerView::container).map(ModelJson::container).orElse(null)));
    }

    private void command(RoutingContext ctx, boolean exception) {
        CabCommand command;
        try {
            JsonObject body = ctx.body().asJsonObject();
            if (body == null) {
                throw new IllegalArgumentException("the body must be a JSON object");
            }
            EquipmentId machine = new EquipmentId(ctx.pathParam("machine"));
            WorkInstructionId instruction = new WorkInstructionId(required(body, "instruction"));
            WorkInstructionState seen = WorkInstructionState.valueOf(required(body, "seen"));
            String key = required(body, "key");
            command = exception
                    ? CabCommand.flag(machine, instruction, seen,
                    new ExceptionReason(required(body, "code"), body.getString("text", "")), key)
                    : CabCommand.confirm(machine, instruction, seen, key);
        } catch (IllegalArgumentException | DecodeException | ClassCastException e) {
            OpsMapRoutes.error(ctx, 400, e.getMessage());
            return;
        }
        cab.apply(command).onSuccess(outcome -> answer(ctx, outcome)).onFailure(ctx::fail);
    }

    private static void answer(RoutingContext ctx, CabOutcome outcome) {
        switch (outcome) {
            case CabOutcome.Applied applied -> ctx.json(new JsonObject().put("outcome", "APPLIED")
                    .put("instruction", ModelJson.workInstruction(applied.instruction())));
            case CabOutcome.Replayed replayed -> ctx.json(new JsonObject().put("outcome", "REPLAYED")
                    .put("instruction", ModelJson.workInstruction(replayed.instruction())));
            case CabOutcome.Refused refused -> ctx.response()
                    .setStatusCode(switch (refused.refusal()) {
                        case UNKNOWN_INSTRUCTION -> 404;
                        case NOT_ASSIGNED -> 403;
                        case STALE, NOT_ALLOWED -> 409;
                        case KEY_REUSED -> 422;
                    })
                    .putHeader("content-type", JSON)
                    .end(new JsonObject().put("outcome", "REFUSED").put("refusal", refused.refusal().name())
                            .put("error", refused.reason())
                            .put("instruction", refused.current() == null ? null
                                    : ModelJson.workInstruction(refused.current())).encode());
        }
    }

    private static String required(JsonObject body, String field) {
        String value = body.getString(field);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(field + ": missing");
        }
        return value;
    }

}
