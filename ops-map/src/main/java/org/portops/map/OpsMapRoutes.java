package org.portops.map;

import io.vertx.core.Future;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import io.vertx.ext.web.handler.StaticHandler;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.portops.map.cab.CabCommand;
import org.portops.map.cab.CabDesk;
import org.portops.map.cab.CabOutcome;
import org.portops.map.layout.LayoutJson;
import org.portops.map.live.MapJson;
import org.portops.map.live.MapSnapshot;
import org.portops.map.live.MapStream;
import org.portops.model.equipment.EquipmentId;
import org.portops.model.event.Addresses;
import org.portops.model.layout.TerminalLayout;
import org.portops.model.work.ExceptionReason;
import org.portops.model.work.WorkInstruction;
import org.portops.model.work.WorkInstructionId;
import org.portops.model.work.WorkInstructionState;
import org.portops.model.yard.StackId;
import org.portops.state.ContainerView;
import org.portops.state.StackView;
import org.portops.state.YardStateReader;
import org.portops.state.alert.AlertBoardReader;
import org.portops.state.json.ModelJson;

/**
 * The operator map's and the crane cab's HTTP side, mounted on the launcher's router: the pages ({@code /} the map,
 * {@code /cab?machine=QC01} the tablet) and their bundle from this jar's {@code webroot/}, the layout, the live
 * stream, the stack and machine details, and the cab's commands. The edge only: reading and deciding live in
 * {@link MapSnapshot} and {@link CabDesk}.
 */
public final class OpsMapRoutes {

    private static final String JSON = "application/json";
    private static final String WEBROOT = "webroot";
    private static final long PING_MILLIS = 15_000;
    private static final long BODY_LIMIT_BYTES = 16 * 1024;

    private final JsonObject layout;
    private final YardStateReader yard;
    private final AlertBoardReader alerts;
    private final CabDesk cab;
    private final Clock wall;

    public OpsMapRoutes(TerminalLayout layout, YardStateReader yard, AlertBoardReader alerts, CabDesk cab, Clock wall) {
        this.layout = LayoutJson.of(layout);
        this.yard = yard;
        this.alerts = alerts;
        this.cab = cab;
        this.wall = wall;
    }

    /** Adds the map's routes; call before the router's catch-all. */
    public void mount(Router router) {
        router.get("/").handler(ctx -> page(ctx, "index.html"));
        router.get("/cab").handler(ctx -> page(ctx, "cab.html"));
        router.get("/assets/*").handler(StaticHandler.create(WEBROOT + "/assets").setCachingEnabled(true));
        router.get("/api/layout").handler(ctx -> ctx.json(layout));
        router.get("/api/map/stream").handler(this::stream);
        router.get("/api/map/stacks/:stack").handler(this::stack);
        router.get("/api/map/machines/:machine").handler(this::workList);
        router.get("/api/cab/:machine").handler(this::workList);
        router.post("/api/cab/:machine/*").handler(BodyHandler.create().setBodyLimit(BODY_LIMIT_BYTES));
        router.post("/api/cab/:machine/confirm").handler(ctx -> command(ctx, false));
        router.post("/api/cab/:machine/exception").handler(ctx -> command(ctx, true));
    }

    private static void page(RoutingContext ctx, String file) {
        ctx.response().putHeader("content-type", "text/html; charset=utf-8")
                .putHeader("cache-control", "no-cache")
                .sendFile(WEBROOT + "/" + file)
                .onFailure(e -> error(ctx, 503, "the map's pages are not in this build (" + file + "): " + e.getMessage()));
    }

    private void stream(RoutingContext ctx) {
        MapStream stream = new MapStream(ctx.response(), () -> MapSnapshot.read(yard, alerts, wall.instant()));
        MessageConsumer<String> deltas = ctx.vertx().eventBus()
                .localConsumer(Addresses.MAP_DELTA_PUBLISHED, message -> stream.delta(message.body()));
        long ping = ctx.vertx().setPeriodic(PING_MILLIS, id -> stream.ping());
        ctx.response().closeHandler(v -> {
            stream.close();
            deltas.unregister();
            ctx.vertx().cancelTimer(ping);
        });
        // subscribed before the snapshot is read, so no change falls between the two
        deltas.completion().compose(v -> stream.open()).onFailure(e -> {
            stream.close();
            ctx.response().reset();
        });
    }

    private void stack(RoutingContext ctx) {
        StackId id;
        try {
            id = StackId.parse(ctx.pathParam("stack"));
        } catch (IllegalArgumentException e) {
            error(ctx, 400, "stack: " + e.getMessage());
            return;
        }
        yard.stack(id).compose(this::withContainers).onSuccess(ctx::json).onFailure(e -> {
            if (e instanceof IllegalArgumentException) {
                error(ctx, 404, e.getMessage());
            } else {
                ctx.fail(e);
            }
        });
    }

    /** The stack tier by tier, ground first, each container with its master data. */
    private Future<JsonObject> withContainers(StackView stack) {
        List<Future<JsonObject>> tiers = new ArrayList<>();
        for (StackView.TierView tier : stack.tiers()) {
            JsonObject json = new JsonObject().put("tier", tier.tier().level()).put("status", tier.status().name())
                    .put("container", tier.container() == null ? null : tier.container().value())
                    .put("long", tier.longContainer()).put("closed", tier.closed());
            tiers.add(tier.container() == null ? Future.succeededFuture(json)
                    : yard.container(tier.container()).map(view -> json.put("detail",
                            view.map(ContainerView::container).map(ModelJson::container).orElse(null))));
        }
        return Future.all(tiers).map(all -> new JsonObject()
                .put("stack", stack.stack().toString())
                .put("maxTiers", stack.maxTiers())
                .put("plugged", stack.plugged())
                .put("height", stack.height())
                .put("tiers", new JsonArray(tiers.stream().map(Future::result).toList())));
    }

    private void workList(RoutingContext ctx) {
        EquipmentId machine;
        try {
            machine = new EquipmentId(ctx.pathParam("machine"));
        } catch (IllegalArgumentException e) {
            error(ctx, 400, "machine: " + e.getMessage());
            return;
        }
        cab.workList(machine).compose(list -> {
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
                error(ctx, 404, "no machine " + machine + " in the live yard");
            } else {
                ctx.json(json);
            }
        }).onFailure(ctx::fail);
    }

    /** The instruction with its container's master data: the cab shows weight, reefer and dangerous-goods marks. */
    private Future<JsonObject> withContainer(WorkInstruction instruction) {
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
            error(ctx, 400, e.getMessage());
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

    private static void error(RoutingContext ctx, int status, String message) {
        ctx.response().setStatusCode(status).putHeader("content-type", JSON)
                .end(new JsonObject().put("status", status).put("error", message).encode());
    }
}
