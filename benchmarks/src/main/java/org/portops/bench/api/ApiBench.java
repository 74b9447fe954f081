package org.portops.bench.api;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import org.portops.bench.state.BenchYard;
import org.portops.bench.support.Table;
import org.portops.model.layout.TerminalLayout;
import org.portops.model.layout.TerminalLayoutLoader;
import org.portops.state.ContainerView;
import org.portops.state.json.ModelJson;
import org.portops.vessel.api.VesselApi;
import org.portops.vessel.api.auth.ApiAuth;
import org.portops.vessel.api.auth.AuthSettings;
import org.portops.vessel.api.auth.Caller;
import org.portops.vessel.api.auth.Role;
import org.portops.vessel.api.events.CallbackGuard;
import org.portops.vessel.api.gate.GateSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code ./portops bench api}: container status lookups ({@code GET /api/v1/containers/{n}}, bearer token checked,
 * live yard and PostgreSQL read) against the real vessel API on the embedded PostgreSQL, Hazelcast and the sample
 * terminal, next to a bare Vert.x route answering a container-sized JSON on the same machine. A closed loop finds
 * the most each serves; an open loop at the target rate gives the p99 a client would see. Target: p99 < 20 ms at
 * 5,000 requests/s. The load generator runs in the same JVM (Vert.x WebClient, its own Vert.x instance) and takes
 * its share of the cores.
 */
@Command(name = "api", mixinStandardHelpOptions = true,
        description = "Container status lookups against the running vessel API and a bare Vert.x route "
                + "(target p99 < 20 ms at 5,000 req/s).")
public final class ApiBench implements Callable<Integer> {

    private static final Logger LOG = LoggerFactory.getLogger(ApiBench.class);
    private static final double TARGET_P99_MS = 20;

    @Option(names = "--seconds", defaultValue = "10", description = "length of each measured run (default ${DEFAULT-VALUE})")
    int seconds;

    @Option(names = "--concurrency", defaultValue = "32",
            description = "requests in flight in the closed loop (default ${DEFAULT-VALUE})")
    int concurrency;

    @Option(names = "--rate", defaultValue = "5000", description = "requests/s of the open loop (default ${DEFAULT-VALUE})")
    int rate;

    @Option(names = "--containers", defaultValue = "1000",
            description = "distinct containers looked up in turn (default ${DEFAULT-VALUE})")
    int containers;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (seconds < 1 || concurrency < 1 || rate < 1 || containers < 1) {
            throw new ParameterException(spec.commandLine(), "--seconds, --concurrency, --rate and --containers must "
                    + "be positive");
        }
        TerminalLayout layout = TerminalLayoutLoader.sample();
        LOG.info("starting the live yard (embedded PostgreSQL, Hazelcast, sample terminal) and the vessel API");
        try (BenchYard bench = new BenchYard(layout, 1)) {
            Vertx server = bench.vertx();
            Clock clock = Clock.systemUTC();
            byte[] secret = new byte[32];
            new SecureRandom().nextBytes(secret);
            // the per-client rate limit would cap one client long before the server: lifted for the bench
            AuthSettings settings = new AuthSettings(Base64.getEncoder().encodeToString(secret), null,
                    AuthSettings.DEFAULT_ISSUER, AuthSettings.DEFAULT_AUDIENCE, 1e9, 1_000_000_000);
            ApiAuth auth = join(ApiAuth.create(server, settings, clock));
            Router api = join(VesselApi.router(server, bench.yard(), bench.pool(), auth, clock, layout,
                    VesselApi.Settings.of(GateSettings.defaults(), CallbackGuard.Policy.strict())));
            Router root = Router.router(server);
            root.route("/*").subRouter(api);
            HttpServer apiServer = join(server.createHttpServer().requestHandler(root).listen(0, "127.0.0.1"));
            List<ContainerView> inYard = join(bench.yard().reader().containers());
            if (inYard.isEmpty()) {
                throw new IllegalStateException("the sample terminal's yard is empty");
            }
            List<ContainerView> looked = inYard.subList(0, Math.min(containers, inYard.size()));
            JsonObject bareBody = new JsonObject().put("container", ModelJson.container(looked.getFirst().container()))
                    .put("inTerminal", true).put("location", ModelJson.location(looked.getFirst().location()))
                    .put("lastMove", null).put("holds", List.of()).put("plannedMoves", List.of());
            Router bareRouter = Router.router(server);
            bareRouter.get("/bare/:container").handler(ctx -> ctx.json(bareBody));
            HttpServer bareServer = join(server.createHttpServer().requestHandler(bareRouter).listen(0, "127.0.0.1"));
            List<String> apiPaths = looked.stream().map(v -> "/api/v1/containers/" + v.container().number()).toList();
            List<String> barePaths = looked.stream().map(v -> "/bare/" + v.container().number()).toList();
            String token = auth.mint(new Caller("bench-operator", Set.of(Role.OPERATOR), null, null),
                    Duration.ofHours(2));

            Vertx load = Vertx.vertx();
            try {
                WebClient client = WebClient.create(load, new WebClientOptions().setKeepAlive(true),
                        new PoolOptions().setHttp1MaxSize(Math.max(concurrency, 64)));
                LoadRun apiRun = new LoadRun(load, client, apiServer.actualPort(), token);
                LoadRun bareRun = new LoadRun(load, client, bareServer.actualPort(), token);
                LOG.info("{} containers looked up in turn; warming up", looked.size());
                join(bareRun.closed("bare", barePaths, concurrency, Duration.ofSeconds(3)));
                join(apiRun.closed("api", apiPaths, concurrency, Duration.ofSeconds(5)));
                Duration run = Duration.ofSeconds(seconds);
                LOG.info("closed loop, {} in flight, {} s each", concurrency, seconds);
                LoadRun.Result bare = join(bareRun.closed("bare Vert.x route", barePaths, concurrency, run));
                LoadRun.Result status = join(apiRun.closed("container status", apiPaths, concurrency, run));
                LOG.info("open loop at {} req/s for {} s", rate, seconds);
                LoadRun.Result bareOpen = join(bareRun.open("bare Vert.x route", barePaths, rate, run));
                LoadRun.Result statusOpen = join(apiRun.open("container status", apiPaths, rate, run));
                report(List.of(bare, status, bareOpen, statusOpen));
            } finally {
                join(load.close());
            }
        }
        return 0;
    }

    private void report(List<LoadRun.Result> results) {
        Table table = new Table("target", "load", "requests", "errors", "req/s", "p50 ms", "p99 ms", "p99.9 ms");
        for (LoadRun.Result r : results) {
            table.row(r.target(), r.mode(), r.requests(), r.errors(), round(r.perSecond()), round(r.percentileMs(0.5)),
                    round(r.percentileMs(0.99)), round(r.percentileMs(0.999)));
        }
        table.print(System.out);
        LoadRun.Result bare = results.get(0);
        LoadRun.Result status = results.get(1);
        LoadRun.Result open = results.get(3);
        double ratio = status.perSecond() / bare.perSecond();
        boolean met = open.percentileMs(0.99) < TARGET_P99_MS && open.errors() == 0;
        System.out.printf("container status / bare route, closed-loop req/s: %.4f%n", ratio);
        System.out.printf("target p99 < %.0f ms at %d req/s: %s (p99 %.2f ms, ratio to target %.2f)%n", TARGET_P99_MS,
                rate, met ? "met" : "NOT met", open.percentileMs(0.99), open.percentileMs(0.99) / TARGET_P99_MS);
        System.out.println(new JsonObject()
                .put("bench", "api")
                .put("closedConcurrency", concurrency)
                .put("statusRps", round(status.perSecond())).put("statusP99Ms", round(status.percentileMs(0.99)))
                .put("bareRps", round(bare.perSecond())).put("bareP99Ms", round(bare.percentileMs(0.99)))
                .put("statusToBareRatio", Math.round(ratio * 10_000) / 10_000.0)
                .put("openRate", rate).put("openStatusP50Ms", round(open.percentileMs(0.5)))
                .put("openStatusP99Ms", round(open.percentileMs(0.99)))
                .put("openBareP99Ms", round(results.get(2).percentileMs(0.99)))
                .put("errors", results.stream().mapToLong(LoadRun.Result::errors).sum())
                .put("targetP99Ms", TARGET_P99_MS).put("targetMet", met)
                .put("cpus", Runtime.getRuntime().availableProcessors()).encode());
    }

    private static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }

    private static <T> T join(Future<T> future) {
        return future.toCompletionStage().toCompletableFuture().join();
    }
}
