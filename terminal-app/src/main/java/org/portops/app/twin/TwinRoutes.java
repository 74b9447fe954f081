package org.portops.app.twin;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.portops.model.layout.TerminalLayout;
import org.portops.sim.twin.Scenario;
import org.portops.sim.twin.TwinKpis;
import org.portops.sim.twin.TwinRun;
import org.portops.sim.twin.WhatIf;
import org.portops.sim.twin.WhatIfReport;
import org.portops.state.YardStateReader;
import org.portops.vessel.api.ApiException;
import org.portops.vessel.api.auth.ApiAuth;
import org.portops.vessel.api.auth.Caller;
import org.portops.vessel.api.auth.Permission;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /api/twin}: a what-if from the current live state or from a saved snapshot of it. The yard's
 * containers and the vessel calls are read from live state as they are now (or from the snapshot), the simulated
 * terminal runs forward from them under each scenario and the baseline (off the event loop, one what-if at a time),
 * and the answer has every run's KPIs, the side-by-side table and the SVG picture. Body: {@code {"hours": 8,
 * "seed": 7, "scenarios": ["down=breakdown:QC03@1h+2h"], "snapshot": "before-storm"}} ({@code snapshot} optional).
 * {@code POST /api/twin/snapshots} ({@code {"name": "before-storm"}}, name optional) saves live state as a
 * {@link TwinSnapshot} file in the snapshot directory, {@code GET /api/twin/snapshots} lists them. All need a bearer
 * token with a role that may run what-ifs (operator, planner, admin).
 */
public final class TwinRoutes {
    private static final Logger LOG = LoggerFactory.getLogger(TwinRoutes.class);
    /** Longest what-if a request may ask for: a day and a half covers a vessel's whole stay. */
    static final double MAX_HOURS = 36;
    static final int MAX_SCENARIOS = 6;
    /** Snapshot names are file names: no path, nothing a shell or URL would have to escape. */
    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");
    private static final DateTimeFormatter DEFAULT_NAME =
            DateTimeFormatter.ofPattern("'live-'yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);
    private static final String SUFFIX = ".json";

    private final Vertx vertx;
    private final YardStateReader yard;
    private final TerminalLayout layout;
    private final ApiAuth auth;
    private final Clock clock;
    private final int threads;
    private final Path snapshots;
    private final AtomicBoolean running = new AtomicBoolean();

    /** @param snapshots the directory of saved snapshots, created on the first save */
    public TwinRoutes(Vertx vertx, YardStateReader yard, TerminalLayout layout, ApiAuth auth, Clock clock, int threads,
                      Path snapshots) {
        this.vertx = vertx;
        this.yard = yard;
        this.layout = layout;
        this.auth = auth;
        this.clock = clock;
        this.threads = threads;
        this.snapshots = snapshots;
    }

    public void mount(Router router) {
        router.post("/api/twin").handler(BodyHandler.create().setBodyLimit(64 * 1024)).handler(auth::authenticate)
                .handler(this::whatIf);
        router.post("/api/twin/snapshots").handler(BodyHandler.create().setBodyLimit(4 * 1024))
                .handler(auth::authenticate).handler(this::save);
        router.get("/api/twin/snapshots").handler(auth::authenticate).handler(this::list);
    }

    /** What a request asks for, checked; {@code snapshot} is null for live state. */
    record Request(double hours, long seed, List<Scenario> scenarios, String snapshot) {
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
            Object snapshot = body.getValue("snapshot");
            if (snapshot != null) {
                name("snapshot", snapshot);
            }
            return new Request(hours, seed, scenarios, (String) snapshot);
        }
    }

    private static String name(String field, Object name) {
        if (!(name instanceof String text) || !NAME.matcher(text).matches()) {
            throw ApiException.badField(field, "a snapshot name: 1 to 64 of a-z, 0-9 and '-', starting with a letter "
                    + "or digit, was " + name);
        }
        return text;
    }

    private static JsonObject body(RoutingContext ctx) {
        try {
            JsonObject body = ctx.body().isEmpty() ? new JsonObject() : ctx.body().asJsonObject();
            return body == null ? new JsonObject() : body;
        } catch (DecodeException | ClassCastException e) {
            throw ApiException.badField("body", "not a JSON object: " + e.getMessage());
        }
    }

    private void whatIf(RoutingContext ctx) {
        Request request;
        Caller caller;
        try {
            caller = ApiAuth.require(ctx, Permission.RUN_WHAT_IF);
            request = Request.of(body(ctx));
        } catch (ApiException e) {
            error(ctx, e.status(), e.field(), e.getMessage());
            return;
        }
        if (!running.compareAndSet(false, true)) {
            error(ctx, 429, null, "a what-if is running; one at a time, try again when it is done");
            return;
        }
        LOG.info("what-if for {} from {}: {} h, seed {}, scenarios {}", caller.subject(),
                request.snapshot() == null ? "live state" : "snapshot " + request.snapshot(), request.hours(),
                request.seed(), request.scenarios().stream().map(Scenario::describe).toList());
        Future<TwinSnapshot> from = request.snapshot() == null ? live()
                : vertx.executeBlocking(() -> load(request.snapshot()), false);
        from.compose(snapshot -> vertx.executeBlocking(() -> new WhatIf(new TwinRun(layout, snapshot.inventory(),
                        snapshot.takenAt(), request.seed()), threads).compare(request.scenarios(),
                        Duration.ofSeconds(Math.round(request.hours() * 3600)), p -> { }), false)
                .map(results -> answer(snapshot, request, results))).onComplete(result -> {
                    running.set(false);
                    if (result.succeeded()) {
                        ctx.json(result.result());
                    } else {
                        failed(ctx, result.cause(), "what-if");
                    }
                });
    }

    /** Live state as it is now, as a starting state. */
    private Future<TwinSnapshot> live() {
        Instant now = clock.instant();
        return Future.all(yard.containers(), yard.vesselCalls()).map(read -> TwinSnapshot.ofLive(layout.terminalCode(),
                now, read.resultAt(0), read.resultAt(1)));
    }

    private TwinSnapshot load(String name) throws IOException {
        Path file = snapshots.resolve(name + SUFFIX);
        if (!Files.isRegularFile(file)) {
            throw ApiException.notFound("no twin snapshot '" + name + "'; GET /api/twin/snapshots lists them");
        }
        TwinSnapshot snapshot;
        try {
            snapshot = TwinSnapshot.read(file);
        } catch (IllegalArgumentException e) {
            throw new ApiException(422, "snapshot", e.getMessage());
        }
        if (!snapshot.terminal().equals(layout.terminalCode())) {
            throw new ApiException(422, "snapshot", "snapshot " + name + " is of terminal " + snapshot.terminal()
                    + ", this is " + layout.terminalCode());
        }
        return snapshot;
    }

    private void save(RoutingContext ctx) {
        String name;
        Caller caller;
        try {
            caller = ApiAuth.require(ctx, Permission.RUN_WHAT_IF);
            Object asked = body(ctx).getValue("name");
            name = asked == null ? DEFAULT_NAME.format(clock.instant()) : name("name", asked);
        } catch (ApiException e) {
            error(ctx, e.status(), e.field(), e.getMessage());
            return;
        }
        live().compose(snapshot -> vertx.executeBlocking(() -> {
            Files.createDirectories(snapshots);
            Path file = snapshots.resolve(name + SUFFIX);
            if (Files.exists(file)) {
                throw ApiException.conflict("a twin snapshot '" + name + "' exists; snapshots are kept as taken, "
                        + "choose another name");
            }
            snapshot.write(file);
            return snapshot;
        }, false)).onComplete(result -> {
            if (result.succeeded()) {
                TwinSnapshot snapshot = result.result();
                LOG.info("twin snapshot {} saved for {}: {} containers, {} vessel calls", name, caller.subject(),
                        snapshot.inventory().containers().size(), snapshot.inventory().vesselCalls().size());
                ctx.response().setStatusCode(201);
                ctx.json(new JsonObject().put("name", name).put("takenAt", snapshot.takenAt().toString())
                        .put("yardContainers", snapshot.inventory().containers().size())
                        .put("vesselCalls", snapshot.inventory().vesselCalls().size()));
            } else {
                failed(ctx, result.cause(), "twin snapshot");
            }
        });
    }

    private void list(RoutingContext ctx) {
        try {
            ApiAuth.require(ctx, Permission.RUN_WHAT_IF);
        } catch (ApiException e) {
            error(ctx, e.status(), e.field(), e.getMessage());
            return;
        }
        vertx.executeBlocking(() -> {
            JsonArray names = new JsonArray();
            if (Files.isDirectory(snapshots)) {
                try (Stream<Path> files = Files.list(snapshots)) {
                    files.map(f -> f.getFileName().toString()).filter(f -> f.endsWith(SUFFIX))
                            .map(f -> f.substring(0, f.length() - SUFFIX.length()))
                            .filter(n -> NAME.matcher(n).matches()).sorted().forEach(names::add);
                }
            }
            return new JsonObject().put("snapshots", names);
        }, false).onComplete(result -> {
            if (result.succeeded()) {
                ctx.json(result.result());
            } else {
                failed(ctx, result.cause(), "twin snapshot list");
            }
        });
    }

    private static void failed(RoutingContext ctx, Throwable cause, String what) {
        if (cause instanceof ApiException e) {
            error(ctx, e.status(), e.field(), e.getMessage());
        } else if (cause instanceof IllegalArgumentException bad) {
            error(ctx, 422, "scenarios", bad.getMessage());
        } else {
            LOG.error("{} failed", what, cause);
            error(ctx, 500, null, "the " + what + " failed; the server log has the details");
        }
    }

    private static JsonObject answer(TwinSnapshot snapshot, Request request, List<TwinKpis> results) {
        JsonObject answer = new JsonObject().put("from", snapshot.takenAt().toString());
        if (request.snapshot() != null) {
            answer.put("snapshot", request.snapshot());
        }
        return answer.put("hours", request.hours()).put("seed", request.seed())
                .put("yardContainers", snapshot.inventory().containers().size())
                .put("vesselCalls", snapshot.inventory().vesselCalls().size())
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
