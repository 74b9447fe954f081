package org.portops.map;

import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import org.portops.map.access.MapAccess;
import org.portops.map.access.MapPermission;
import org.portops.map.override.OverrideCommand;
import org.portops.map.override.OverrideDesk;
import org.portops.map.override.OverrideOutcome;
import org.portops.model.equipment.EquipmentId;
import org.portops.model.work.WorkInstructionId;
import org.portops.vessel.api.auth.ApiAuth;

/**
 * {@code POST /api/map/override} {@code {"instruction", "crane", "reason"}}: an operator puts a move on another
 * crane from the map. 200 with the new plan version, 409 with the crane scheduler's reasons, 404 for a move no
 * crane plan holds, 503 without a crane scheduler; each audited under the signed-in operator's name. The edge only:
 * the deciding is the crane scheduler's, the recording {@link OverrideDesk}'s.
 */
public final class OverrideRoutes {

    private static final long BODY_LIMIT_BYTES = 4 * 1024;

    private final OverrideDesk desk;
    private final MapAccess access;

    public OverrideRoutes(OverrideDesk desk, MapAccess access) {
        this.desk = desk;
        this.access = access;
    }

    public void mount(Router router) {
        router.post("/api/map/override").handler(BodyHandler.create().setBodyLimit(BODY_LIMIT_BYTES))
                .handler(access.signedIn()).handler(MapAccess.requires(MapPermission.OVERRIDE_PLAN))
                .handler(this::override);
    }

    private void override(RoutingContext ctx) {
        OverrideCommand command;
        try {
            JsonObject body = ctx.body().asJsonObject();
            if (body == null) {
                throw new IllegalArgumentException("the body must be a JSON object");
            }
            command = new OverrideCommand(new WorkInstructionId(required(body, "instruction")),
                    new EquipmentId(required(body, "crane")), ApiAuth.caller(ctx).subject(), body.getString("reason"));
        } catch (IllegalArgumentException | DecodeException | ClassCastException e) {
            OpsMapRoutes.error(ctx, 400, e.getMessage());
            return;
        }
        desk.pin(command).onSuccess(outcome -> {
            switch (outcome) {
                case OverrideOutcome.Accepted accepted -> ctx.json(new JsonObject().put("outcome", "ACCEPTED")
                        .put("planVersion", accepted.planVersion()));
                case OverrideOutcome.Refused refused -> ctx.response()
                        .setStatusCode(switch (refused.refusal()) {
                            case UNKNOWN_MOVE -> 404;
                            case REFUSED_BY_PLAN -> 409;
                            case INVALID -> 400;
                            case NO_SCHEDULER -> 503;
                        })
                        .putHeader("content-type", "application/json")
                        .end(new JsonObject().put("outcome", "REFUSED").put("refusal", refused.refusal().name())
                                .put("reasons", new JsonArray(refused.reasons()))
                                .put("error", String.join("; ", refused.reasons())).encode());
            }
        }).onFailure(ctx::fail);
    }

    private static String required(JsonObject body, String field) {
        String value = body.getString(field);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(field + ": missing");
        }
        return value;
    }
}
