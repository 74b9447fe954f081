package org.portops.map;

import io.vertx.core.Future;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.eventbus.ReplyFailure;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Route;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.StaticHandler;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.portops.map.access.MapAccess;
import org.portops.map.access.MapPermission;
import org.portops.map.layout.LayoutJson;
import org.portops.map.live.MapSnapshot;
import org.portops.map.live.MapStream;
import org.portops.model.event.Addresses;
import org.portops.model.layout.TerminalLayout;
import org.portops.model.yard.StackId;
import org.portops.state.ContainerView;
import org.portops.state.StackView;
import org.portops.state.YardStateReader;
import org.portops.state.alert.AlertBoardReader;
import org.portops.state.json.ModelJson;

/**
 * The operator map's HTTP side, mounted on the launcher's router: the pages ({@code /} the map, {@code /cab} the
 * tablet, whose API is {@link CabRoutes}) and their bundle from this jar's {@code webroot/}, the layout, the live
 * stream and the stack details. The edge only: the reading lives in {@link MapSnapshot}.
 */
public final class OpsMapRoutes {

    private static final String JSON = "application/json";
    private static final String WEBROOT = "webroot";
    private static final long PING_MILLIS = 15_000;

    private final JsonObject layout;
    private final YardStateReader yard;
    private final AlertBoardReader alerts;
    private final Clock wall;
    private final MapAccess access;

    public OpsMapRoutes(TerminalLayout layout, YardStateReader yard, AlertBoardReader alerts, Clock wall,
                        MapAccess access) {
        this.layout = LayoutJson.of(layout);
        this.yard = yard;
        this.alerts = alerts;
        this.wall = wall;
        this.access = access;
    }

    /** Adds the map's routes; call before the router's catch-all. */
    public void mount(Router router) {
        router.get("/").handler(ctx -> page(ctx, "index.html"));
        router.get("/cab").handler(ctx -> page(ctx, "cab.html"));
        router.get("/assets/*").handler(StaticHandler.create(WEBROOT + "/assets").setCachingEnabled(true));
        // the pages and their bundle hold no terminal data; everything below them needs a signed-in caller
        access.mount(router);
        viewing(router, "/api/layout").handler(ctx -> ctx.json(layout));
        viewing(router, "/api/map/stream").handler(this::stream);
        viewing(router, "/api/map/stacks/:stack").handler(this::stack);
        viewing(router, "/api/map/berth-plan").handler(OpsMapRoutes::berthPlan);
        viewing(router, "/api/map/explain/:instruction").handler(OpsMapRoutes::explain);
        // the what-if is the service's own route (mounted after this one); a page's request carries the session
        // cookie, not a header, so the cookie is handed on as the bearer token that route verifies
        router.post("/api/twin").handler(MapAccess.sessionAsBearer());
    }

    /** A GET route open to callers who may view the map. */
    private Route viewing(Router router, String path) {
        return router.get(path).handler(access.signedIn()).handler(MapAccess.requires(MapPermission.VIEW_MAP));
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

    /** The berth planner's current berth-time chart, asked on the event bus as {@code GET /api/berth-plan} does. */
    private static void berthPlan(RoutingContext ctx) {
        ctx.vertx().eventBus().<JsonObject>request(Addresses.BERTH_PLAN_CURRENT, new JsonObject())
                .onSuccess(reply -> ctx.json(reply.body()))
                .onFailure(e -> error(ctx, 503, e instanceof ReplyException reply
                        && reply.failureType() == ReplyFailure.NO_HANDLERS
                        ? "the berth planner is not running (berth.enabled=false)" : "no berth plan: " + e.getMessage()));
    }

    /** The crane plan's explanation of a move, asked of the crane scheduler on the event bus. */
    private static void explain(RoutingContext ctx) {
        ctx.vertx().eventBus().<JsonObject>request(Addresses.CRANE_EXPLAIN,
                        new JsonObject().put("instruction", ctx.pathParam("instruction")))
                .onSuccess(reply -> ctx.json(reply.body()))
                .onFailure(e -> {
                    if (e instanceof ReplyException reply && reply.failureType() == ReplyFailure.NO_HANDLERS) {
                        error(ctx, 503, "the crane scheduler is not running on this node");
                    } else if (e instanceof ReplyException reply && reply.failureType() == ReplyFailure.RECIPIENT_FAILURE
                            && (reply.failureCode() == 404 || reply.failureCode() == 400)) {
                        error(ctx, reply.failureCode(), reply.getMessage());
                    } else {
                        ctx.fail(e);
                    }
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

    static void error(RoutingContext ctx, int status, String message) {
        ctx.response().setStatusCode(status).putHeader("content-type", JSON)
                .end(new JsonObject().put("status", status).put("error", message).encode());
    }
}
