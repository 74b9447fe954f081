package org.portops.app.http;

import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.eventbus.ReplyFailure;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import org.portops.model.event.Addresses;

/**
 * {@code GET /api/berth-plan}: the berth planner's current plan as a berth-time chart (quay position x time,
 * vessels as boxes, conflicts, each placement's explanation), asked of the planner on the event bus. 503 when the
 * planner does not run ({@code berth.enabled=false}) or has no plan yet.
 */
final class BerthPlanRoute {

    private BerthPlanRoute() {
    }

    static Handler<RoutingContext> handler(Vertx vertx) {
        return ctx -> vertx.eventBus().<JsonObject>request(Addresses.BERTH_PLAN_CURRENT, new JsonObject())
                .onSuccess(reply -> ctx.json(reply.body()))
                .onFailure(e -> {
                    String message = e instanceof ReplyException reply && reply.failureType() == ReplyFailure.NO_HANDLERS
                            ? "the berth planner is not running (berth.enabled=false)"
                            : "no berth plan: " + e.getMessage();
                    ctx.response().setStatusCode(503).putHeader("content-type", "application/json")
                            .end(new JsonObject().put("status", 503).put("error", message).encode());
                });
    }
}
