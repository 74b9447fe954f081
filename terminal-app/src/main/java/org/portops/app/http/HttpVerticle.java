package org.portops.app.http;

import com.hazelcast.core.HazelcastInstance;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.core.net.PemKeyCertOptions;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.micrometer.PrometheusScrapingHandler;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.function.Consumer;
import org.portops.app.health.Health;
import org.portops.app.metrics.Metrics;
import org.portops.model.event.AlertKind;
import org.portops.state.YardStateReader;
import org.portops.state.alert.ActiveAlert;
import org.portops.state.alert.AlertBoardReader;
import org.portops.state.alert.AlertFilter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The launcher's HTTP edge: {@code GET /health} (200 when every component is UP, else 503),
 * {@code GET /metrics} (Prometheus text), {@code GET /api/yard/summary} and {@code GET /api/alerts} (the active
 * alerts, most recently seen first; {@code ?kind=EQUIPMENT_OFFLINE} and {@code ?subject=QC01} filter),
 * {@code GET /api/berth-plan} ({@link BerthPlanRoute}), and the routes the services mount on it (the operator map's
 * {@code /}, {@code /cab} and {@code /api/map/...}, the vessel API). Over HTTPS, when given a certificate, with
 * Strict-Transport-Security on every answer, so a browser that once reached it never falls back to plain HTTP. No
 * logic of its own.
 */
public final class HttpVerticle extends VerticleBase {

    private static final Logger LOG = LoggerFactory.getLogger(HttpVerticle.class);
    private static final String JSON = "application/json";

    private final String host;
    private final int port;
    private final Health health;
    private final Metrics metrics;
    private final HazelcastInstance hazelcast;
    private final YardStateReader yard;
    private final AlertBoardReader alerts;
    private final Consumer<Router> mounts;
    private final Https https;
    private volatile HttpServer server;

    /**
     * HTTPS: the server's PEM certificate chain and its PEM private key.
     *
     * @param hstsMaxAge how long browsers must use HTTPS only for this host (Strict-Transport-Security)
     */
    public record Https(Path certificate, Path key, Duration hstsMaxAge) {

        /** HSTS for a year, as browsers' preload lists ask. */
        public static Https of(Path certificate, Path key) {
            return new Https(certificate, key, Duration.ofDays(365));
        }
    }

    public HttpVerticle(String host, int port, Health health, Metrics metrics, HazelcastInstance hazelcast,
                        YardStateReader yard, AlertBoardReader alerts) {
        this(host, port, health, metrics, hazelcast, yard, alerts, router -> { });
    }

    /** @param mounts adds the services' routes, before the catch-all 404 */
    public HttpVerticle(String host, int port, Health health, Metrics metrics, HazelcastInstance hazelcast,
                        YardStateReader yard, AlertBoardReader alerts, Consumer<Router> mounts) {
        this(host, port, null, health, metrics, hazelcast, yard, alerts, mounts);
    }

    /** @param https HTTPS with HSTS; null serves plain HTTP */
    public HttpVerticle(String host, int port, Https https, Health health, Metrics metrics,
                        HazelcastInstance hazelcast, YardStateReader yard, AlertBoardReader alerts,
                        Consumer<Router> mounts) {
        this.https = https;
        this.host = host;
        this.port = port;
        this.health = health;
        this.metrics = metrics;
        this.hazelcast = hazelcast;
        this.yard = yard;
        this.alerts = alerts;
        this.mounts = mounts;
    }

    @Override
    public Future<?> start() {
        Router router = Router.router(vertx);
        if (https != null) {
            String hsts = "max-age=" + https.hstsMaxAge().toSeconds();
            router.route().order(Integer.MIN_VALUE).handler(ctx -> {
                ctx.response().putHeader("Strict-Transport-Security", hsts);
                ctx.next();
            });
        }
        router.get("/health").handler(this::health);
        var scrape = PrometheusScrapingHandler.create(metrics.registry());
        router.get("/metrics").handler(ctx -> {
            metrics.watchHazelcastMaps(hazelcast);
            scrape.handle(ctx);
        });
        router.get("/api/yard/summary").handler(this::yardSummary);
        router.get("/api/alerts").handler(this::activeAlerts);
        router.get("/api/berth-plan").handler(BerthPlanRoute.handler(vertx));
        mounts.accept(router);
        router.route().last().handler(ctx -> error(ctx, 404, "no such resource: " + ctx.request().path()));
        router.route().failureHandler(this::failure);
        return vertx.createHttpServer(serverOptions())
                .requestHandler(router)
                .listen(port, host)
                .onSuccess(listening -> server = listening);
    }

    private HttpServerOptions serverOptions() {
        HttpServerOptions options = new HttpServerOptions();
        if (https != null) {
            options.setSsl(true).setKeyCertOptions(new PemKeyCertOptions()
                    .setCertPath(https.certificate().toString()).setKeyPath(https.key().toString()));
        }
        return options;
    }

    /** The port the server listens on; the configured one, or the one picked when that was 0. */
    public int actualPort() {
        return server.actualPort();
    }

    private void health(RoutingContext ctx) {
        health.check().onComplete(report -> ctx.response()
                .setStatusCode(report.result().up() ? 200 : 503)
                .putHeader("content-type", JSON)
                .end(report.result().toJson().encode()));
    }

    private void yardSummary(RoutingContext ctx) {
        yard.summary().onSuccess(summary -> ctx.json(summary.toJson())).onFailure(ctx::fail);
    }

    private void activeAlerts(RoutingContext ctx) {
        String kindParameter = ctx.request().getParam("kind");
        AlertKind kind = null;
        if (kindParameter != null) {
            try {
                kind = AlertKind.valueOf(kindParameter);
            } catch (IllegalArgumentException e) {
                error(ctx, 400, "kind: no alert kind " + kindParameter + "; one of "
                        + Arrays.toString(AlertKind.values()));
                return;
            }
        }
        alerts.active(new AlertFilter(kind, ctx.request().getParam("subject")))
                .onSuccess(active -> ctx.json(new JsonObject()
                        .put("alerts", new JsonArray(active.stream().map(ActiveAlert::toJson).toList()))))
                .onFailure(ctx::fail);
    }

    private void failure(RoutingContext ctx) {
        if (ctx.failure() != null) {
            LOG.error("{} {} failed", ctx.request().method(), ctx.request().path(), ctx.failure());
        }
        int status = ctx.statusCode() > 0 ? ctx.statusCode() : 500;
        error(ctx, status, status == 500 ? "internal error; the server log has the details" : "request failed");
    }

    private static void error(RoutingContext ctx, int status, String message) {
        ctx.response().setStatusCode(status).putHeader("content-type", JSON)
                .end(new JsonObject().put("status", status).put("error", message).encode());
    }
}
