package org.portops.map;

import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import org.portops.map.access.MapAccess;
import org.portops.map.access.MapPermission;
import org.portops.state.ChangeResult;
import org.portops.state.alert.AlertBoard;
import org.portops.vessel.api.auth.ApiAuth;

/**
 * {@code POST /api/map/alerts/acknowledge} {@code {"alert": key}} (a key has slashes, so it is not in the path):
 * the signed-in person has seen an alert. The board keeps the first
 * acknowledgement with who and when (the signed-in name, never one the page sends); 409 when the alert is no longer
 * active or someone acknowledged it first.
 */
public final class AlertRoutes {

    private static final long BODY_LIMIT_BYTES = 1024;

    private final AlertBoard alerts;
    private final MapAccess access;

    public AlertRoutes(AlertBoard alerts, MapAccess access) {
        this.alerts = alerts;
        this.access = access;
    }

    public void mount(Router router) {
        router.post("/api/map/alerts/acknowledge").handler(BodyHandler.create().setBodyLimit(BODY_LIMIT_BYTES))
                .handler(access.signedIn())
                .handler(MapAccess.requires(MapPermission.ACKNOWLEDGE_ALERTS)).handler(this::acknowledge);
    }

    private void acknowledge(RoutingContext ctx) {
        String key;
        try {
            JsonObject body = ctx.body().asJsonObject();
            key = body == null ? null : body.getString("alert");
        } catch (DecodeException | ClassCastException e) {
            OpsMapRoutes.error(ctx, 400, "the body must be {\"alert\": key}: " + e.getMessage());
            return;
        }
        if (key == null || key.isBlank()) {
            OpsMapRoutes.error(ctx, 400, "alert: missing");
            return;
        }
        String who = ApiAuth.caller(ctx).subject();
        alerts.acknowledge(key, who).onSuccess(result -> {
            switch (result) {
                case ChangeResult.Applied applied -> ctx.json(new JsonObject().put("alert", key)
                        .put("acknowledgedBy", who));
                case ChangeResult.Refused refused -> OpsMapRoutes.error(ctx, 409, refused.reason());
            }
        }).onFailure(ctx::fail);
    }
}
