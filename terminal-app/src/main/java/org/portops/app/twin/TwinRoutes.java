package org.portops.app.twin;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.portops.model.layout.Inventory;
import org.portops.model.layout.PlacedContainer;
import org.portops.model.layout.TerminalLayout;
import org.portops.model.work.YardLocation;
import org.portops.sim.twin.Scenario;
import org.portops.sim.twin.TwinKpis;
import org.portops.sim.twin.TwinRun;
import org.portops.sim.twin.WhatIf;
import org.portops.sim.twin.WhatIfReport;
import org.portops.state.ContainerView;
import org.portops.state.YardStateReader;
import org.portops.vessel.api.ApiException;
import org.portops.vessel.api.auth.ApiAuth;
import org.portops.vessel.api.auth.Caller;
import org.portops.vessel.api.auth.Permission;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /api/twin}: a what-if from the current live state. The yard's containers and the vessel calls are
 * read from live state as they are now, the simulated terminal runs forward from them under each scenario and the
 * baseline (off the event loop, one what-if at a time), and the answer has every run's KPIs, the side-by-side table
 * and the SVG picture. Body: {@code {"hours": 8, "seed": 7, "scenarios": ["down=breakdown:QC03@1h+2h"]}}; needs
 * a bearer token with a role that may run what-ifs (operator, planner, admin).
 */
public final class TwinRoutes {
    private static final Logger LOG = LoggerFactory.getLogger(TwinRoutes.class);
    /** Longest what-if a request may ask for: a day and a half covers a vessel's whole stay. */
    static final double MAX_HOURS = 36;
    static final int MAX_SCENARIOS = 6;

    private final Vertx vertx;
    private final YardStateReader yard;
    private final TerminalLayout layout;
    private final ApiAuth auth;
    private final Clock clock;
    private final int threads;
    private final AtomicBoolean running = new AtomicBoolean();

    public TwinRoutes(Vertx vertx, YardStateReader yard, TerminalLayout layout, ApiAuth auth, Clock clock, int threads) {
        this.vertx = vertx;
        this.yard = yard;
        this.layout = layout;
        this.auth = auth;
        this.clock = clock;
        this.threads = threads;
    }

    public void mount(Router router) {
        router.post("/api/twin").handler(BodyHandler.create().setBodyLimit(64 * 1024)).handler(auth::authenticate)
                .handler(this::whatIf);
    }

    /** What a request asks for, checked. */
    record Request(double hours, long seed, List<Scenario> scenarios) {
        static Request of(JsonObject body) {
            double hours = body.getNumber("hours", 8).doubleValue();
            if (!(hours > 0 && hours <= MAX_HOURS)) {
                throw ApiException.badField("hours", "more than 0 and at most " + MAX_HOURS + ", was " + hours);
            }
            long seed = body.getNumber("seed", 7).longValue();
            JsonArray texts = body.getJsonArray("scenarios", new JsonArray());
            if (texts.size() > MAX_SCENARIOS) {
                throw ApiException.badField("scenarios", "at most " + MAX_SCENARIOS + " besides the baseline, was "
                        + texts.size());
            }
            List<Scenario> scenarios = new ArrayList<>();
            for (int i = 0; i < texts.size(); i++) {
                try {
                    scenarios.add(Scenario.parse(texts.getString(i)));
                } catch (IllegalArgumentException | ClassCastException e) {
                    throw ApiException.badField("scenarios[" + i + "]", e.getMessage());
                }
            }
            return new Request(hours, seed, scenarios);
        }
    }

    private void whatIf(RoutingContext ctx) {
        Request request;
        Caller caller;
        try {
            caller = ApiAuth.require(ctx, Permission.RUN_WHAT_IF);
            JsonObject body;
            try {
                body = ctx.body().isEmpty() ? new JsonObject() : ctx.body().asJsonObject();
            } catch (DecodeException | ClassCastException e) {
                throw ApiException.badField("body", "not a JSON object: " + e.getMessage());
            }
            request = Request.of(body == null ? new JsonObject() : body);
        } catch (ApiException e) {
            error(ctx, e.status(), e.field(), e.getMessage());
            return;
        }
        if (!running.compareAndSet(false, true)) {
            error(ctx, 429, null, "a what-if is running; one at a time, try again when it is done");
            return;
        }
        Instant start = clock.instant();
        LOG.info("what-if for {}: {} h, seed {}, scenarios {}", caller.subject(), request.hours(), request.seed(),
                request.scenarios().stream().map(Scenario::describe).toList());
        Future.all(yard.containers(), yard.vesselCalls()).compose(read -> {
            Inventory snapshot = snapshot(read.resultAt(0), read.resultAt(1));
            return vertx.executeBlocking(() -> new WhatIf(new TwinRun(layout, snapshot, start, request.seed()), threads)
                    .compare(request.scenarios(), Duration.ofSeconds(Math.round(request.hours() * 3600)), p -> { }),
                    false).map(results -> answer(start, snapshot, request, results));
        }).onComplete(result -> {
            running.set(false);
            if (result.succeeded()) {
                ctx.json(result.result());
            } else if (result.cause() instanceof IllegalArgumentException bad) {
                error(ctx, 422, "scenarios", bad.getMessage());
            } else {
                LOG.error("what-if failed", result.cause());
                error(ctx, 500, null, "the what-if failed; the server log has the details");
            }
        });
    }

    /** Live state as the simulator's starting state: the boxes in the yard where they stand, and the vessel calls. */
    static Inventory snapshot(List<ContainerView> containers, List<org.portops.model.vessel.VesselCall> calls) {
        List<PlacedContainer> placed = new ArrayList<>();
        for (ContainerView view : containers) {
            if (view.location() instanceof YardLocation yardLocation) {
                placed.add(new PlacedContainer(view.container(), yardLocation.slot()));
            }
        }
        return new Inventory(placed, calls);
    }

    private static JsonObject answer(Instant start, Inventory snapshot, Request request, List<TwinKpis> results) {
        return new JsonObject().put("from", start.toString()).put("hours", request.hours()).put("seed", request.seed())
                .put("yardContainers", snapshot.containers().size()).put("vesselCalls", snapshot.vesselCalls().size())
                .put("scenarios", new JsonArray(results.stream().map(TwinJson::of).toList()))
                .put("table", WhatIfReport.table(results)).put("svg", WhatIfReport.svg(results));
    }

    private static void error(RoutingContext ctx, int status, String field, String message) {
        JsonObject body = new JsonObject().put("status", status).put("error", message);
        if (field != null) {
            body.put("field", field);
        }
        ctx.response().setStatusCode(status).putHeader("content-type", "application/json").end(body.encode());
    }
}
