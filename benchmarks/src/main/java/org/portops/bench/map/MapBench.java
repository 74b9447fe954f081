package org.portops.bench.map;

import io.vertx.core.Future;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.portops.bench.state.BenchYard;
import org.portops.bench.support.Table;
import org.portops.map.OpsMapRoutes;
import org.portops.map.OpsMapVerticle;
import org.portops.map.access.MapAccess;
import org.portops.map.kpi.CraneShiftClock;
import org.portops.map.kpi.Shifts;
import org.portops.model.equipment.EquipmentKind;
import org.portops.model.equipment.Position;
import org.portops.model.layout.BlockLayout;
import org.portops.model.layout.EquipmentSpec;
import org.portops.model.layout.TerminalLayout;
import org.portops.model.layout.TerminalLayoutLoader;
import org.portops.model.work.YardLocation;
import org.portops.model.yard.BlockId;
import org.portops.state.ContainerView;
import org.portops.state.alert.ActiveAlert;
import org.portops.state.alert.AlertBoardReader;
import org.portops.state.alert.AlertFilter;
import org.portops.vessel.api.auth.ApiAuth;
import org.portops.vessel.api.auth.AuthSettings;
import org.portops.vessel.api.auth.Caller;
import org.portops.vessel.api.auth.Role;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code ./portops bench map}: the operator map in headless Debian Chromium, fed by the real map feed (coalescer,
 * server-sent stream) over a real live yard of the sample terminal grown to 40 blocks (over 25,000 containers) and
 * 500 machines reporting at 10 Hz, with container moves through the live yard. Measured in the browser: frames
 * drawn per second (machines glide between updates, so the map redraws every frame while they move) and the
 * wall-clock delay from a machine's reading to the frame that shows it.
 */
@Command(name = "map", mixinStandardHelpOptions = true,
        description = "Operator map in headless Chromium: fps and reading-to-screen latency, >= 25,000 boxes, 500 machines at 10 Hz.")
public final class MapBench implements Callable<Integer> {

    static final int MIN_CONTAINERS = 25_000;
    static final int MACHINES = 500;
    static final double TARGET_FPS = 30;
    static final long TARGET_LATENCY_MS = 500;

    @Option(names = "--seconds", defaultValue = "20", description = "measured seconds (default ${DEFAULT-VALUE})")
    int seconds;

    @Option(names = "--warmup", defaultValue = "5", description = "warm-up seconds after the map is up (default ${DEFAULT-VALUE})")
    int warmUp;

    @Option(names = "--hz", defaultValue = "10", description = "readings per machine per second (default ${DEFAULT-VALUE})")
    int hz;

    @Option(names = "--moves", defaultValue = "20", description = "container moves per second through the live yard (default ${DEFAULT-VALUE})")
    int movesPerSecond;

    @Option(names = "--seed", defaultValue = "7", description = "seed of the recorded stream (default ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--chromium", defaultValue = "/usr/bin/chromium", description = "Chromium binary (default ${DEFAULT-VALUE})")
    Path chromium;

    @Option(names = "--chromedriver", defaultValue = "/usr/bin/chromedriver", description = "its driver (default ${DEFAULT-VALUE})")
    Path chromedriver;

    @Override
    public Integer call() throws Exception {
        if (!Files.isExecutable(chromium) || !Files.isExecutable(chromedriver)) {
            System.err.println("bench map needs Debian's chromium and chromium-driver (" + chromium + ", " + chromedriver
                    + "): apt-get install chromium chromium-driver");
            return 2;
        }
        if (hz < 1 || hz > 50 || movesPerSecond < 0 || seconds < 1) {
            throw new IllegalArgumentException("--hz must be 1..50, --moves >= 0, --seconds >= 1");
        }
        TerminalLayout layout = benchLayout();
        progress("seeding the live yard of " + layout.blocks().size() + " blocks (embedded PostgreSQL, Hazelcast)");
        try (BenchYard bench = new BenchYard(layout, 1)) {
            List<ContainerView> containers = bench.yard().reader().containers().await(120, TimeUnit.SECONDS);
            long inYard = containers.stream().filter(c -> c.location() instanceof YardLocation).count();
            long inTerminal = containers.size();
            Clock wall = Clock.systemUTC();
            bench.vertx().deployVerticle(new OpsMapVerticle(bench.yard().reader(), OpsMapVerticle.DEFAULT_FLUSH, wall,
                            new CraneShiftClock(Shifts.DEFAULT)))
                    .await(30, TimeUnit.SECONDS);
            Router router = Router.router(bench.vertx());
            byte[] secret = new byte[32];
            new SecureRandom().nextBytes(secret);
            ApiAuth auth = ApiAuth.create(bench.vertx(), AuthSettings.hmac(HexFormat.of().formatHex(secret)), wall)
                    .await(30, TimeUnit.SECONDS);
            String token = auth.mint(new Caller("bench", Set.of(Role.OPERATOR), null, null), Duration.ofHours(2));
            new OpsMapRoutes(layout, bench.yard().reader(), NO_ALERTS, wall, new MapAccess(auth)).mount(router);
            HttpServer server = bench.vertx().createHttpServer().requestHandler(router).listen(0, "127.0.0.1")
                    .await(30, TimeUnit.SECONDS);
            MapFeed feed = new MapFeed(bench.vertx(), bench.yard(), layout, containers, seed, wall);
            long started = System.nanoTime();
            int movesPerTick = Math.max(0, Math.round((float) movesPerSecond / hz));
            long timer = bench.vertx().setPeriodic(1000 / hz,
                    id -> feed.tick((System.nanoTime() - started) / 1e9, movesPerTick));
            progress(inYard + " containers in the yard, " + layout.allEquipment().size() + " machines at " + hz
                    + " Hz, " + movesPerTick * hz + " moves/s; opening the map in Chromium");
            ChromeDriver browser = open();
            try {
                Result result = measure(browser, "http://127.0.0.1:" + server.actualPort() + "/", token, feed,
                        inYard, inTerminal);
                report(result, layout);
            } finally {
                browser.quit();
                bench.vertx().cancelTimer(timer);
                server.close().await(10, TimeUnit.SECONDS);
            }
        }
        return 0;
    }

    record Result(long containers, long inTerminal, long containersOnMap, int machines, double fps, long frames, Spread latency,
                  Spread transport, long readings, long moves, long refused, double seconds) {
    }

    private Result measure(ChromeDriver browser, String url, String token, MapFeed feed, long containers,
                           long inTerminal) throws InterruptedException {
        // signed in as the map's sign-in form would leave it: the operator's token in the session cookie
        browser.get(url);
        browser.manage().addCookie(new Cookie(MapAccess.COOKIE, token));
        browser.get(url);
        new WebDriverWait(browser, Duration.ofSeconds(180), Duration.ofMillis(200)).until(d -> Boolean.TRUE.equals(
                browser.executeScript("return !!(window.portopsMap && window.portopsMap.ready "
                        + "&& window.portopsMap.machineCount() >= arguments[0])", MACHINES)));
        Thread.sleep(warmUp * 1000L);
        browser.executeScript("window.portopsMap.updateLatencies().length = 0; window.portopsMap.latencies.length = 0;");
        long readings0 = feed.readings.get();
        long moves0 = feed.movesAccepted.get();
        long refused0 = feed.movesRefused.get();
        long frames0 = number(browser, "return window.portopsMap.frames()");
        long t0 = System.nanoTime();
        Thread.sleep(seconds * 1000L);
        long frames1 = number(browser, "return window.portopsMap.frames()");
        double elapsed = (System.nanoTime() - t0) / 1e9;
        Spread latency = summary(browser, "return window.portopsMap.updateLatencies()");
        Spread transport = summary(browser, "return window.portopsMap.latencies");
        return new Result(containers, inTerminal, number(browser, "return window.portopsMap.containerCount()"),
                (int) number(browser, "return window.portopsMap.machineCount()"), (frames1 - frames0) / elapsed,
                frames1 - frames0, latency, transport, feed.readings.get() - readings0,
                feed.movesAccepted.get() - moves0, feed.movesRefused.get() - refused0, elapsed);
    }

    /** Milliseconds measured in the page: how many, median, 99th percentile, worst. */
    record Spread(int count, long p50, long p99, long max) {

        static Spread of(List<Long> millis) {
            List<Long> sorted = millis.stream().sorted().toList();
            return sorted.isEmpty() ? new Spread(0, 0, 0, 0) : new Spread(sorted.size(), at(sorted, 0.50),
                    at(sorted, 0.99), sorted.getLast());
        }

        private static long at(List<Long> sorted, double q) {
            return sorted.get((int) Math.min(sorted.size() - 1, Math.ceil(q * sorted.size()) - 1));
        }
    }

    private static Spread summary(ChromeDriver browser, String script) {
        return Spread.of(((List<?>) browser.executeScript(script)).stream()
                .map(value -> ((Number) value).longValue()).toList());
    }

    private void report(Result r, TerminalLayout layout) {
        boolean fpsMet = r.fps() >= TARGET_FPS;
        boolean latencyMet = r.latency().count() > 0 && r.latency().p99() < TARGET_LATENCY_MS;
        Table table = new Table("figure", "value", "target");
        table.row("containers in the yard", r.containers(), ">= " + MIN_CONTAINERS);
        table.row("containers in the terminal (+ aboard) / on the map", r.inTerminal() + " / " + r.containersOnMap(), "");
        table.row("machines on the map", r.machines(), ">= " + MACHINES);
        table.row("stacks drawn", layout.blocks().stream().mapToLong(b -> (long) b.bays() * b.rows()).sum(), "");
        table.row("readings published / s", String.format("%.0f", r.readings() / r.seconds()), MACHINES * hz + "");
        table.row("moves accepted (refused) / s", String.format("%.1f (%.1f)", r.moves() / r.seconds(),
                r.refused() / r.seconds()), "");
        table.row("frames per second", String.format("%.1f", r.fps()), ">= " + TARGET_FPS + (fpsMet ? " met" : " MISSED"));
        table.row("reading to screen p50 / p99 / max ms", r.latency().p50() + " / " + r.latency().p99()
                + " / " + r.latency().max(), "< " + TARGET_LATENCY_MS + (latencyMet ? " met" : " MISSED"));
        table.row("delta send to receive p50 / p99 ms", r.transport().p50() + " / "
                + r.transport().p99(), "");
        table.print(System.out);
        System.out.println(new JsonObject()
                .put("bench", "map")
                .put("containers", r.containers()).put("containersInTerminal", r.inTerminal())
                .put("containersOnMap", r.containersOnMap())
                .put("machines", r.machines()).put("hz", hz).put("seconds", Math.round(r.seconds()))
                .put("readingsPerSecond", Math.round(r.readings() / r.seconds()))
                .put("movesPerSecond", Math.round(r.moves() / r.seconds() * 10) / 10.0)
                .put("fps", Math.round(r.fps() * 10) / 10.0).put("frames", r.frames())
                .put("latencyMs", new JsonObject().put("count", r.latency().count())
                        .put("p50", r.latency().p50()).put("p99", r.latency().p99())
                        .put("max", r.latency().max()))
                .put("deltaTransportMs", new JsonObject().put("p50", r.transport().p50())
                        .put("p99", r.transport().p99()))
                .put("targets", new JsonObject().put("fps", TARGET_FPS).put("latencyMs", TARGET_LATENCY_MS)
                        .put("fpsMet", fpsMet).put("latencyMet", latencyMet))
                .encode());
    }

    private ChromeDriver open() throws Exception {
        Path profile = Files.createTempDirectory("portops-bench-chromium-");
        ChromeOptions options = new ChromeOptions().setBinary(chromium.toFile())
                .addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                        "--disable-background-networking", "--disable-component-update", "--disable-sync",
                        "--disable-dev-shm-usage", "--window-size=1600,1000", "--user-data-dir=" + profile);
        return new ChromeDriver(new ChromeDriverService.Builder().usingDriverExecutable(chromedriver.toFile())
                .usingAnyFreePort().build(), options);
    }

    private static long number(ChromeDriver browser, String script) {
        return ((Number) browser.executeScript(script)).longValue();
    }

    /**
     * The sample terminal with three more rows of five blocks landside (40 blocks, 12,800 stacks, 64,000 slots: the
     * seeded inventory fills them with over 25,000 boxes) and 500 machines, most of them tractors.
     */
    static TerminalLayout benchLayout() {
        TerminalLayout sample = TerminalLayoutLoader.sample();
        List<BlockLayout> blocks = new ArrayList<>(sample.blocks());
        double lastY = sample.blocks().stream().mapToDouble(b -> b.origin().y()).max().orElseThrow();
        String[] rows = {"F", "G", "H"};
        for (int r = 0; r < rows.length; r++) {
            for (int b = 0; b < 5; b++) {
                blocks.add(new BlockLayout(new BlockId(rows[r] + "0" + (b + 1)), 40, 8, 5, Set.of(),
                        new Position(25 + 275 * b, lastY + 48 * (r + 1)), EquipmentKind.RMG));
            }
        }
        List<EquipmentSpec> equipment = List.of(
                new EquipmentSpec(EquipmentKind.QUAY_CRANE, "QC", 14, "STS crane"),
                new EquipmentSpec(EquipmentKind.RTG, "RTG", 40, "RTG 1-over-5"),
                new EquipmentSpec(EquipmentKind.RMG, "RMG", 40, "RMG 1-over-5"),
                new EquipmentSpec(EquipmentKind.TERMINAL_TRACTOR, "TT", MACHINES - 14 - 40 - 40 - 4, "terminal tractor"),
                new EquipmentSpec(EquipmentKind.REACH_STACKER, "RS", 4, "reach stacker"));
        return new TerminalLayout("BENCH", "Map bench terminal (sample grown to 40 blocks)", sample.port(),
                sample.quay(), blocks, equipment, sample.gateLanes());
    }

    /** The bench raises no alerts. */
    private static final AlertBoardReader NO_ALERTS = new AlertBoardReader() {
        @Override
        public Future<List<ActiveAlert>> active(AlertFilter filter) {
            return Future.succeededFuture(List.of());
        }

        @Override
        public Future<Optional<ActiveAlert>> alert(String key) {
            return Future.succeededFuture(Optional.empty());
        }
    };

    private static void progress(String message) {
        System.err.println("bench map: " + message);
    }
}
