package org.portops.map;

import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.util.List;
import org.portops.map.access.MapAccess;
import org.portops.map.access.MapPermission;
import org.portops.map.yard.HoldDesk;
import org.portops.model.container.ContainerNumber;
import org.portops.state.hold.ContainerHold;
import org.portops.vessel.api.auth.ApiAuth;

/**
 * {@code GET /api/map/containers/{id}/holds}: the container's active holds (customs, line, terminal);
 * {@code POST /api/map/containers/{id}/hold} and {@code .../release} {@code {"reason"}}: a supervisor holds the
 * container in the terminal, or releases that hold ({@link HoldDesk}); 200 with the holds after it, 409 with the
 * reason where it was refused, 404 for a container the terminal does not have. Audited under the signed-in name.
 */
public final class HoldRoutes {

    private static final long BODY_LIMIT_BYTES = 4 * 1024;

    private final HoldDesk desk;
    private final MapAccess access;

    public HoldRoutes(HoldDesk desk, MapAccess access) {
        this.desk = desk;
        this.access = access;
    }

    public void mount(Router router) {
        router.get("/api/map/containers/:container/holds").handler(access.signedIn())
                .handler(MapAccess.requires(MapPermission.VIEW_MAP)).handler(this::holds);
        router.post("/api/map/containers/:container/hold").handler(BodyHandler.create().setBodyLimit(BODY_LIMIT_BYTES))
                .handler(access.signedIn()).handler(MapAccess.requires(MapPermission.HOLD_CONTAINERS))
                .handler(ctx -> change(ctx, true));
        router.post("/api/map/containers/:container/release")
                .handler(BodyHandler.create().setBodyLimit(BODY_LIMIT_BYTES))
                .handler(access.signedIn()).handler(MapAccess.requires(MapPermission.HOLD_CONTAINERS))
                .handler(ctx -> change(ctx, false));
    }

    private void holds(RoutingContext ctx) {
        ContainerNumber container;
        try {
            container = new ContainerNumber(ctx.pathParam("container"));
        } catch (IllegalArgumentException e) {
            OpsMapRoutes.error(ctx, 400, e.getMessage());
            return;
        }
        desk.holds(container)
                .onSuccess(holds -> ctx.json(new JsonObject().put("container", container.value())
                        .put("holds", json(holds))))
                .onFailure(e -> failed(ctx, e));
    }

    private void change(RoutingContext ctx, boolean hold) {
        ContainerNumber container;
        String reason;
        try {
            container = new ContainerNumber(ctx.pathParam("container"));
            JsonObject body = ctx.body().asJsonObject();
            reason = body == null ? null : body.getString("reason");
            if (reason == null || reason.isBlank()) {
                throw new IllegalArgumentException("reason: missing; say why the container is "
                        + (hold ? "held" : "released") + ", it goes to the audit trail and to the gate");
            }
        } catch (IllegalArgumentException | DecodeException | ClassCastException e) {
            OpsMapRoutes.error(ctx, 400, e.getMessage());
            return;
        }
        String supervisor = ApiAuth.caller(ctx).subject();
        (hold ? desk.hold(container, supervisor, reason) : desk.release(container, supervisor, reason))
                .onSuccess(outcome -> ctx.response().setStatusCode(outcome.applied() ? 200 : 409)
                        .putHeader("content-type", "application/json")
                        .end(new JsonObject().put("container", container.value()).put("holds", json(outcome.holds()))
                                .put("refusal", outcome.refusal()).put("by", supervisor).encode()))
                .onFailure(e -> failed(ctx, e));
    }

    private static void failed(RoutingContext ctx, Throwable e) {
        if (e instanceof IllegalArgumentException) {
            OpsMapRoutes.error(ctx, 404, e.getMessage());
        } else {
            ctx.fail(e);
        }
    }

    private static JsonArray json(List<ContainerHold> holds) {
        return new JsonArray(holds.stream().map(hold -> new JsonObject().put("kind", hold.kind().name())
                .put("reason", hold.reason()).put("placedBy", hold.placedBy())
                .put("placedAt", hold.placedAt().toString())).toList());
    }
}
