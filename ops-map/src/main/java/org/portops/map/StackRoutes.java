package org.portops.map;

import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import org.portops.map.access.MapAccess;
import org.portops.map.access.MapPermission;
import org.portops.map.yard.StackDesk;
import org.portops.model.yard.StackId;
import org.portops.vessel.api.auth.ApiAuth;

/**
 * {@code POST /api/map/stacks/{stack}/close} and {@code .../open} {@code {"reason"}}: a supervisor closes a stack to
 * new containers, or opens it again ({@link StackDesk}); 200 with the slots changed, 409 with the live yard's
 * reasons where a slot was refused, 404 for a stack the yard does not have. Audited under the signed-in name.
 */
public final class StackRoutes {

    private static final long BODY_LIMIT_BYTES = 4 * 1024;

    private final StackDesk desk;
    private final MapAccess access;

    public StackRoutes(StackDesk desk, MapAccess access) {
        this.desk = desk;
        this.access = access;
    }

    public void mount(Router router) {
        router.post("/api/map/stacks/:stack/close").handler(BodyHandler.create().setBodyLimit(BODY_LIMIT_BYTES))
                .handler(access.signedIn()).handler(MapAccess.requires(MapPermission.CONTROL_YARD))
                .handler(ctx -> change(ctx, true));
        router.post("/api/map/stacks/:stack/open").handler(BodyHandler.create().setBodyLimit(BODY_LIMIT_BYTES))
                .handler(access.signedIn()).handler(MapAccess.requires(MapPermission.CONTROL_YARD))
                .handler(ctx -> change(ctx, false));
    }

    private void change(RoutingContext ctx, boolean close) {
        StackId stack;
        String reason;
        try {
            stack = StackId.parse(ctx.pathParam("stack"));
            JsonObject body = ctx.body().asJsonObject();
            reason = body == null ? null : body.getString("reason");
            if (reason == null || reason.isBlank()) {
                throw new IllegalArgumentException("reason: missing; say why the stack is "
                        + (close ? "closed" : "opened again") + ", it goes to the audit trail");
            }
        } catch (IllegalArgumentException | DecodeException | ClassCastException e) {
            OpsMapRoutes.error(ctx, 400, e.getMessage());
            return;
        }
        String supervisor = ApiAuth.caller(ctx).subject();
        (close ? desk.close(stack, supervisor, reason) : desk.reopen(stack, supervisor, reason))
                .onSuccess(outcome -> ctx.response().setStatusCode(outcome.applied() ? 200 : 409)
                        .putHeader("content-type", "application/json")
                        .end(new JsonObject().put("stack", outcome.stack().toString()).put("closed", outcome.closed())
                                .put("slots", outcome.slots()).put("refusals", new JsonArray(outcome.refusals()))
                                .put("by", supervisor).encode()))
                .onFailure(e -> {
                    if (e instanceof IllegalArgumentException) {
                        OpsMapRoutes.error(ctx, 404, e.getMessage());
                    } else {
                        ctx.fail(e);
                    }
                });
    }
}
