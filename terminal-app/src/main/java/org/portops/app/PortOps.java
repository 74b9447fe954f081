package org.portops.app;

import com.hazelcast.config.Config;
import com.hazelcast.config.MapConfig;
import com.hazelcast.config.MultiMapConfig;
import com.hazelcast.core.HazelcastInstance;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxBuilder;
import io.vertx.core.VertxOptions;
import io.vertx.core.eventbus.EventBusOptions;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.micrometer.Label;
import io.vertx.micrometer.MicrometerMetricsFactory;
import io.vertx.micrometer.MicrometerMetricsOptions;
import io.vertx.pgclient.PgBuilder;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.PoolOptions;
import io.vertx.spi.cluster.hazelcast.HazelcastClusterManager;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.function.Function;
import org.portops.app.config.PortOpsConfig;
import org.portops.app.cluster.DischargeSlotsRoute;
import org.portops.app.cluster.PlannerSeat;
import org.portops.app.crane.CraneScheduling;
import org.portops.app.yard.YardPlanning;
import org.portops.app.demo.LiveInventory;
import org.portops.app.health.HazelcastCheck;
import org.portops.app.health.Health;
import org.portops.app.health.IngestCheck;
import org.portops.app.health.MqttBrokerCheck;
import org.portops.app.health.PostgresCheck;
import org.portops.app.http.HttpVerticle;
import org.portops.app.infra.MqttBroker;
import org.portops.app.infra.PostgresServer;
import org.portops.app.infra.Stopwatch;
import org.portops.app.metrics.Metrics;
import org.portops.app.twin.TwinRoutes;
import org.portops.crane.berth.live.BerthPlanMemory;
import org.portops.crane.berth.live.BerthPlannerVerticle;
import org.portops.crane.berth.quay.BerthSettings;
import org.portops.crane.live.BayPlanWorkSource;
import org.portops.crane.live.YardRoom;
import org.portops.ingest.IngestConfig;
import org.portops.ingest.tls.CertificateDirectory;
import org.portops.ingest.IngestVerticle;
import org.portops.map.AlertRoutes;
import org.portops.map.CabRoutes;
import org.portops.map.HoldRoutes;
import org.portops.map.KpiRoutes;
import org.portops.map.OpsMapRoutes;
import org.portops.map.OpsMapVerticle;
import org.portops.map.OverrideRoutes;
import org.portops.map.StackRoutes;
import org.portops.map.access.MapAccess;
import org.portops.map.cab.CabDesk;
import org.portops.map.kpi.CraneShiftClock;
import org.portops.map.kpi.Shifts;
import org.portops.map.override.OverrideDesk;
import org.portops.map.yard.HoldDesk;
import org.portops.map.yard.StackDesk;
import org.portops.model.event.Addresses;
import org.portops.model.layout.Inventory;
import org.portops.model.layout.LayoutException;
import org.portops.model.layout.TerminalLayout;
import org.portops.model.layout.TerminalLayoutLoader;
import org.portops.model.vessel.BayPlanAction;
import org.portops.model.vessel.VesselCall;
import org.portops.sim.SimulatorConfig;
import org.portops.sim.TerminalSimulator;
import org.portops.sim.mqtt.MachineSockets;
import org.portops.state.Database;
import org.portops.state.LiveYard;
import org.portops.state.YardHazelcast;
import org.portops.state.audit.AuditTrail;
import org.portops.state.cluster.AllowListMembers;
import org.portops.state.cluster.MemberAllowList;
import org.portops.state.lease.LeaderElector;
import org.portops.state.lease.Lease;
import org.portops.state.lease.NodeId;
import org.portops.state.lease.PlannerLease;
import org.portops.state.lease.PlannerName;
import org.portops.state.store.MoveLog;
import org.portops.vessel.api.VesselApi;
import org.portops.vessel.api.auth.ApiAuth;
import org.portops.vessel.api.auth.AuthSettings;
import org.portops.vessel.api.dcsa.DcsaEvents;
import org.portops.vessel.api.events.WebhookDispatcher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One running PortOps: starts every part in order, logging each step, and stops them in reverse.
 *
 * <p>Start: the terminal layout is read first (a broken file stops the start before anything runs);
 * PostgreSQL, the MQTT broker and the Hazelcast member start side by side, as they need nothing from
 * each other; then the schema migration, Vert.x with its PostgreSQL pool, the live yard (rebuilt from
 * the move log, seeded on an empty database), the telemetry ingest subscribed to the broker, the berth planner
 * (unless {@code berth.enabled=false}), the operator map's feed, the HTTP server (with the vessel API, the map's and
 * the cab's pages and API), for {@link Mode#DEMO} the simulated terminal publishing to the broker, starting from the
 * live yard as it stands ({@link LiveInventory}), with {@code yard.enabled} (by default in a demo) the yard planner
 * ({@link YardPlanning}), and last, with {@code scheduler.enabled} (by default in a demo), the crane scheduler
 * ({@link CraneScheduling}), taking its discharge slots from the yard planner when that runs. Stop, from the JVM shutdown hook or after a failed start, in
 * reverse: the crane scheduler and the simulator first, so nothing new arrives; HTTP, so no request reaches a
 * half-stopped system; the ingest, which drains what it accepted into the live yard; then the live yard, Vert.x,
 * Hazelcast, the broker and PostgreSQL, each flushing what it holds before the next goes.
 */
public final class PortOps {

    private static final Logger LOG = LoggerFactory.getLogger(PortOps.class);
    private static final long VERTX_TIMEOUT_SECONDS = 30;
    /** Seeding the sample yard on an empty database is the slowest step; give a slow machine room. */
    private static final long LIVE_YARD_TIMEOUT_SECONDS = 180;
    private static final int POOL_SIZE = 8;
    /**
     * The planners' lease renewals have connections of their own: queued behind a burst of plan writes in the main
     * pool, a renewal would come too late and the leader would step down in the middle of its work.
     */
    private static final int LEASE_POOL_SIZE = 2;
    /** The simulator's seed: its random choices (gate trucks, slots) start the same on every demo. */
    private static final long DEMO_SEED = 1;
    static final PlannerName CRANE_SCHEDULER = new PlannerName("crane-scheduler");
    static final PlannerName BERTH_PLANNER = new PlannerName("berth-planner");
    static final PlannerName YARD_PLANNER = new PlannerName("yard-planner");
    static final PlannerName YARD_WRITER = new PlannerName("yard-writer");

    /** What a PortOps runs: the service alone, or the service with a simulated terminal feeding it. */
    public enum Mode { RUN, DEMO }

    private final PortOpsConfig config;
    private final Clock clock;
    private final Mode mode;
    private final Deque<Stage> running = new ArrayDeque<>();
    private final ReentrantLock lifecycle = new ReentrantLock();
    private final CountDownLatch stopped = new CountDownLatch(1);
    private volatile boolean stopping;
    private volatile HttpVerticle http;
    private volatile LiveYard liveYard;
    private volatile Pool pool;
    private volatile Pool leasePool;
    private volatile TerminalSimulator simulator;
    private volatile PlannerSeat<CraneScheduling> craneScheduling;
    private volatile PlannerSeat<String> berthPlanner;
    private volatile HazelcastInstance hazelcast;
    private volatile boolean joinedLiveYard;
    private volatile PlannerSeat<SeatedYardPlanner> yardPlanner;
    private volatile PlannerSeat<LiveYard> yardWriter;
    private volatile Vertx vertx;

    /** PortOps without the simulated terminal ({@code portops run}). */
    public PortOps(PortOpsConfig config, Clock clock) {
        this(config, clock, Mode.RUN);
    }

    /**
     * @param clock PortOps's time; for a demo sped up, one running at the simulator's pace (the simulator's
     *              timestamps start from it and must stay within the ingest's skew window)
     */
    public PortOps(PortOpsConfig config, Clock clock, Mode mode) {
        this.config = config;
        this.clock = clock;
        this.mode = mode;
    }

    /**
     * Starts everything and returns when the HTTP server answers.
     *
     * @throws StartupException naming the part that failed; what had started is still running, so
     *                          call {@link #stop()}
     */
    public void start() {
        lifecycle.lock();
        try {
            Stopwatch total = Stopwatch.start();
            LOG.info("Starting PortOps {} (pid {}, Java {}): {}", version(), ProcessHandle.current().pid(),
                    Runtime.version().feature(), config.describe());
            String nodeId = prepareDataDirectory();
            TerminalLayout layout = step("Terminal layout", this::loadLayout, PortOps::describe);
            Infrastructure infrastructure = startInfrastructure();
            checkNotStopping();
            step("Schema migration", () -> migrate(infrastructure.postgres()),
                    applied -> applied + " migration(s) applied");
            Metrics metrics = new Metrics();
            Vertx vertx = startVertx(metrics, infrastructure.hazelcast());
            this.vertx = vertx;
            pool = startPool(vertx, infrastructure.postgres(), POOL_SIZE, "PostgreSQL pool");
            leasePool = startPool(vertx, infrastructure.postgres(), LEASE_POOL_SIZE, "PostgreSQL lease pool");
            checkNotStopping();
            liveYard = step("Live yard", () -> openLiveYard(vertx, infrastructure.hazelcast(), pool, layout),
                    this::describe);
            metrics.watchHazelcastMaps(infrastructure.hazelcast());
            checkNotStopping();
            NodeId leaseNode = new NodeId(nodeId + ":" + ProcessHandle.current().pid());
            startYardWriter(vertx, leaseNode);
            checkNotStopping();
            IngestCheck ingest = startIngest(vertx, layout, infrastructure.broker(), metrics, nodeId);
            checkNotStopping();
            if (config.berthEnabled()) {
                startBerthPlanner(vertx, layout, metrics, leaseNode);
            }
            Health health = new Health(List.of(
                    new PostgresCheck(pool, infrastructure.postgres().host() + ":" + infrastructure.postgres().port()
                            + "/" + infrastructure.postgres().database()),
                    new HazelcastCheck(infrastructure.hazelcast()),
                    new MqttBrokerCheck(vertx, infrastructure.broker().url(), config.tls().mqttCertificates() == null
                            ? null : new CertificateDirectory(config.tls().mqttCertificates())),
                    ingest));
            // one verifier of the vessel API's tokens for the API and the map: the same people sign in to both
            ApiAuth auth = step("Token verification", () -> ApiAuth.create(vertx,
                            AuthSettings.resolve(System.getenv(), config.dataDir()), clock)
                    .await(VERTX_TIMEOUT_SECONDS, TimeUnit.SECONDS), started -> "bearer tokens for the API, the map and what-ifs");
            Consumer<Router> opsMap = startOpsMap(vertx, layout, auth);
            startHttp(vertx, health, metrics, infrastructure.hazelcast(), layout, opsMap, auth);
            if (mode == Mode.DEMO) {
                checkNotStopping();
                startSimulator(layout, infrastructure, nodeId);
            }
            if (config.yard().enabledIn(mode == Mode.DEMO)) {
                checkNotStopping();
                startYardPlanner(vertx, layout, leaseNode);
            }
            if (config.scheduler().enabledIn(mode == Mode.DEMO)) {
                checkNotStopping();
                startCraneScheduler(vertx, layout, metrics, leaseNode);
            }
            LOG.info("PortOps {}started in {} — {}", mode == Mode.DEMO ? "demo " : "", total,
                    config.httpUrl(http.actualPort()));
        } catch (StartupException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new StartupException("PortOps did not start: " + e.getMessage(), e);
        } finally {
            lifecycle.unlock();
        }
    }

    /**
     * Stops whatever runs, newest first; safe to call more than once and from a shutdown hook while
     * {@link #start()} is still going (start gives up at its next step, then everything stops).
     */
    public void stop() {
        stopping = true;
        lifecycle.lock();
        try {
            if (running.isEmpty()) {
                return;
            }
            Stopwatch total = Stopwatch.start();
            LOG.info("Stopping PortOps");
            while (!running.isEmpty()) {
                Stage stage = running.pop();
                Stopwatch watch = Stopwatch.start();
                try {
                    stage.stop().run();
                    LOG.info("{} stopped in {}", stage.name(), watch);
                } catch (Exception e) {
                    LOG.error("{} did not stop cleanly", stage.name(), e);
                }
            }
            LOG.info("PortOps stopped in {}", total);
        } finally {
            stopped.countDown();
            lifecycle.unlock();
        }
    }

    /** Blocks until {@link #stop()} has finished. */
    public void awaitStopped() throws InterruptedException {
        stopped.await();
    }

    /** The port the HTTP server listens on. */
    public int httpPort() {
        return http.actualPort();
    }

    /** The live yard of this instance, for what the launcher assembles on top of it (the demo, tests). */
    public LiveYard liveYard() {
        return liveYard;
    }

    /** The Vert.x instance, for tests that listen to the event bus. */
    Vertx vertx() {
        return vertx;
    }

    /** The reactive PostgreSQL pool, for tests that read the durable record. */
    Pool pool() {
        return pool;
    }

    /** The yard planner when {@code yard.enabled} and this node leads it (holds the {@code yard-planner} lease). */
    public YardPlanning yardPlanning() {
        SeatedYardPlanner seated = yardPlanner == null ? null : yardPlanner.current();
        return seated == null ? null : seated.planning();
    }

    /** Whether this node is the yard's writer now (holds the {@code yard-writer} lease and the move log's epoch). */
    boolean yardWriter() {
        return yardWriter != null && yardWriter.current() != null && liveYard.writing();
    }


    /** The planners' lease pool, for tests that cut a node off from the database. */
    Pool leasePool() {
        return leasePool;
    }

    /**
     * The crane scheduler when {@code scheduler.enabled} and this node leads it (holds the {@code crane-scheduler}
     * lease); null otherwise.
     */
    public CraneScheduling craneScheduling() {
        return craneScheduling == null ? null : craneScheduling.current();
    }

    /** The berth planner's deployment when {@code berth.enabled} and this node leads it; null otherwise. */
    String berthPlanner() {
        return berthPlanner == null ? null : berthPlanner.current();
    }

    /** The Hazelcast member of this node. */
    HazelcastInstance hazelcast() {
        return hazelcast;
    }

    /** The simulated terminal of a demo; null otherwise. */
    public TerminalSimulator simulator() {
        return simulator;
    }

    /** The configuration this instance runs with. */
    public PortOpsConfig config() {
        return config;
    }

    /** Creates the data directory when missing; returns this node's id kept there. */
    private String prepareDataDirectory() {
        try {
            Files.createDirectories(config.dataDir());
        } catch (IOException e) {
            throw new StartupException("data.dir '" + config.dataDir() + "' cannot be created: " + e, e);
        }
        if (!Files.isWritable(config.dataDir())) {
            throw new StartupException("data.dir '" + config.dataDir() + "' is not writable");
        }
        try {
            return org.portops.app.infra.NodeId.of(config.dataDir());
        } catch (IOException e) {
            throw new StartupException("the node id in data.dir '" + config.dataDir() + "' cannot be read or made: "
                    + e.getMessage(), e);
        }
    }

    private TerminalLayout loadLayout() {
        try {
            return config.layoutFile() == null ? TerminalLayoutLoader.sample()
                    : TerminalLayoutLoader.load(config.layoutFile());
        } catch (LayoutException e) {
            throw new StartupException("layout '" + (config.layoutFile() == null ? "sample" : config.layoutFile())
                    + "' is invalid: " + String.join("; ", e.problems()), e);
        }
    }

    private static String describe(TerminalLayout layout) {
        return layout.terminalCode() + " " + layout.name() + ": " + layout.blocks().size() + " yard blocks, "
                + layout.capacitySlots() + " slots, " + layout.allEquipment().size() + " machines";
    }

    private record Infrastructure(PostgresServer postgres, MqttBroker broker, HazelcastInstance hazelcast) {
    }

    /** PostgreSQL, the broker and Hazelcast need nothing from each other, so they start side by side. */
    private Infrastructure startInfrastructure() {
        ExecutorService starters = Executors.newFixedThreadPool(3,
                Thread.ofPlatform().name("portops-start-", 1).factory());
        try {
            CompletableFuture<PostgresServer> postgres = CompletableFuture.supplyAsync(
                    () -> step("PostgreSQL", () -> PostgresServer.start(config), PostgresServer::describe), starters);
            CompletableFuture<MqttBroker> broker = CompletableFuture.supplyAsync(
                    () -> step("MQTT broker", () -> MqttBroker.start(config), MqttBroker::describe), starters);
            CompletableFuture<HazelcastInstance> hazelcast = CompletableFuture.supplyAsync(
                    () -> step("Hazelcast", this::startHazelcast, this::describe), starters);
            CompletableFuture.allOf(postgres, broker, hazelcast).exceptionally(e -> null).join();
            postgres.thenAccept(p -> running.push(new Stage("PostgreSQL", p::close)));
            broker.thenAccept(b -> running.push(new Stage("MQTT broker", b::close)));
            hazelcast.thenAccept(h -> running.push(new Stage("Hazelcast", () -> h.getLifecycleService().shutdown())));
            return new Infrastructure(postgres.join(), broker.join(), hazelcast.join());
        } catch (CompletionException e) {
            throw e.getCause() instanceof StartupException s ? s
                    : new StartupException("PortOps did not start: " + e.getCause(), e.getCause());
        } finally {
            starters.shutdown();
        }
    }

    private HazelcastInstance startHazelcast() {
        Config hazelcast = YardHazelcast.memberConfig(config.clusterName(), config.hzPort(), config.hzMembers());
        // the launcher's shutdown hook stops the member after the live yard that still writes to it
        hazelcast.setProperty("hazelcast.shutdownhook.enabled", "false");
        if (clustered()) {
            // Vert.x's clustered event bus keeps its subscriptions and node records in this member too
            hazelcast.addMultiMapConfig(new MultiMapConfig("__vertx.subs").setBackupCount(1)
                    .setValueCollectionType(MultiMapConfig.ValueCollectionType.SET));
            hazelcast.addMapConfig(new MapConfig("__vertx.haInfo").setBackupCount(1));
            hazelcast.addMapConfig(new MapConfig("__vertx.nodeInfo").setBackupCount(1));
            // the cluster manager of an instance it did not create reads its Vert.x node id from this attribute
            hazelcast.getMemberAttributeConfig().setAttribute("__vertx.nodeId", UUID.randomUUID().toString());
        }
        // only the listed members may join (a single node: its own loopback ports), docs/security.md C1
        List<String> allowed = config.hzMembers().isEmpty() ? List.of("127.0.0.1") : config.hzMembers();
        HazelcastInstance member = AllowListMembers.start(hazelcast, MemberAllowList.of(allowed, config.hzPort(),
                hazelcast.getNetworkConfig().getPortCount()));
        this.hazelcast = member;
        return member;
    }

    private String describe(HazelcastInstance hazelcast) {
        return "Hazelcast member " + hazelcast.getCluster().getLocalMember().getAddress() + " in cluster '"
                + config.clusterName() + "' with " + hazelcast.getCluster().getMembers().size() + " member(s)";
    }

    private static int migrate(PostgresServer postgres) {
        return Database.migrate(postgres.jdbcUrl(), postgres.user(), postgres.password());
    }

    /** A node of several ({@code hz.members} set) runs a clustered event bus on its Hazelcast member. */
    private boolean clustered() {
        return !config.hzMembers().isEmpty();
    }

    private Vertx startVertx(Metrics metrics, HazelcastInstance hazelcast) {
        VertxBuilder builder = Vertx.builder()
                .with(new VertxOptions().setMetricsOptions(new MicrometerMetricsOptions().setEnabled(true)
                        // tells the clients apart (PostgreSQL pool, MQTT health check) in the net client meters
                        .addLabels(Label.CLIENT_NAME))
                        // the event bus listens where the Hazelcast member does (loopback for a loopback cluster)
                        .setEventBusOptions(new EventBusOptions()
                                .setHost(hazelcast.getCluster().getLocalMember().getAddress().getHost())))
                .withMetrics(new MicrometerMetricsFactory(metrics.registry()));
        Vertx vertx = clustered()
                ? step("Clustered event bus", () -> builder.withClusterManager(new HazelcastClusterManager(hazelcast))
                        .buildClustered().await(VERTX_TIMEOUT_SECONDS, TimeUnit.SECONDS),
                        started -> "Vert.x event bus clustered through Hazelcast member "
                                + hazelcast.getCluster().getLocalMember().getAddress())
                : builder.build();
        running.push(new Stage("Vert.x", () -> {
            vertx.close().await(VERTX_TIMEOUT_SECONDS, TimeUnit.SECONDS);
            metrics.close();
        }));
        return vertx;
    }

    private Pool startPool(Vertx vertx, PostgresServer postgres, int size, String name) {
        Pool pool = PgBuilder.pool()
                .with(new PoolOptions().setMaxSize(size))
                .connectingTo(postgres.connectOptions())
                .using(vertx)
                .build();
        running.push(new Stage(name, () -> pool.close().await(VERTX_TIMEOUT_SECONDS, TimeUnit.SECONDS)));
        return pool;
    }

    /**
     * The oldest member of the Hazelcast cluster opens the live yard (the move log's writer, the maps rebuilt from
     * PostgreSQL); a member joining a running cluster joins the maps as they are, so they are not rebuilt under the
     * nodes already serving from them.
     */
    private LiveYard openLiveYard(Vertx vertx, HazelcastInstance hazelcast, Pool pool, TerminalLayout layout)
            throws TimeoutException {
        boolean oldest = hazelcast.getCluster().getMembers().iterator().next().localMember();
        joinedLiveYard = !oldest;
        LiveYard yard = (oldest ? LiveYard.open(vertx, hazelcast, pool, layout, clock)
                : LiveYard.join(vertx, hazelcast, pool, layout, clock))
                .await(LIVE_YARD_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        running.push(new Stage("Live yard", () -> yard.close().await(VERTX_TIMEOUT_SECONDS, TimeUnit.SECONDS)));
        return yard;
    }

    private String describe(LiveYard yard) {
        if (joinedLiveYard) {
            return "joined the live yard of the cluster (" + yard.startup().containersInTerminal()
                    + " containers); its moves go to the yard writer's node";
        }
        LiveYard.Startup startup = yard.startup();
        return (startup.seeded() ? "empty database seeded with the sample inventory, "
                : startup.logEntriesReplayed() + " move-log entries replayed, ")
                + startup.containersInTerminal() + " containers in the terminal";
    }

    private IngestCheck startIngest(Vertx vertx, TerminalLayout layout, MqttBroker broker, Metrics metrics,
                                    String nodeId) {
        PortOpsConfig.IngestSettings settings = config.ingest();
        // The windows are wall-clock time: in a sped-up demo PortOps's clock and the machines' run faster, and a
        // busy machine's few seconds of delay would otherwise become minutes of simulated skew or silence.
        long pace = mode == Mode.DEMO ? Math.max(1, Math.round(config.simulation().speedUp())) : 1;
        // Only the embedded broker stamps each message with its sender's certificate; behind an external one
        // (Mosquitto) the broker's ACL binds the certificate to the topic instead (docs/security.md).
        IngestConfig.MqttTls tls = config.tls().mqttCertificates() == null ? null : new IngestConfig.MqttTls(
                new CertificateDirectory(config.tls().mqttCertificates()), broker.embedded());
        IngestConfig ingestConfig = IngestConfig.defaults(broker.url().clientUrl(), layout.terminalCode())
                .withClientIdPrefix("portops-ingest-" + nodeId)
                .withSkewWindow(settings.skewWindow().multipliedBy(pace))
                .withOfflineTimeout(settings.offlineTimeout().multipliedBy(pace))
                .withRetention(settings.retention())
                .withTls(tls);
        IngestVerticle verticle = IngestVerticle.create(liveYard, pool, layout, clock, ingestConfig,
                metrics.registry());
        String subscriptions = "$share/" + ingestConfig.sharedGroup() + "/portops/v1/" + layout.terminalCode()
                + "/+/{state,reefer,connection,events} at " + broker.url().clientUrl();
        String deployment = step("Telemetry ingest",
                () -> vertx.deployVerticle(verticle).await(VERTX_TIMEOUT_SECONDS, TimeUnit.SECONDS),
                id -> "subscribed to " + subscriptions + " as " + ingestConfig.clientIdPrefix());
        running.push(new Stage("Telemetry ingest",
                () -> vertx.undeploy(deployment).await(VERTX_TIMEOUT_SECONDS, TimeUnit.SECONDS)));
        return new IngestCheck(vertx, deployment, metrics.registry(), subscriptions);
    }

    /**
     * The berth planner runs on the node holding the {@code berth-planner} lease; it writes nothing durable (its
     * plans go out on the event bus, cluster-wide), so its term only decides where it runs.
     */
    private void startBerthPlanner(Vertx vertx, TerminalLayout layout, Metrics metrics, NodeId node) {
        berthPlanner = new PlannerSeat<>("Berth planner", new PlannerSeat.Planner<>() {
            @Override
            public Future<String> start(Lease lease) {
                return vertx.deployVerticle(new BerthPlannerVerticle(liveYard.fencedBy(lease),
                        new BerthPlanMemory(pool), layout, BerthSettings.defaults(), clock, metrics.registry()));
            }

            @Override
            public Future<Void> stop(String deployment) {
                return vertx.undeploy(deployment);
            }
        });
        elect(vertx, BERTH_PLANNER, node, berthPlanner, "planning the vessel calls of live state while it leads; plans"
                + " on " + Addresses.BERTH_PLAN_PUBLISHED + ", berths and ETBs written into live state");
    }

    /**
     * Stands this node for a planner's lease ({@link LeaderElector}); the planner runs while it leads. Returns once
     * the first candidacy was decided and, if this node won, its planner started.
     */
    private <P> void elect(Vertx vertx, PlannerName planner, NodeId node, PlannerSeat<P> seat, String description) {
        // The lease's ttl and its renewal timers are wall-clock time, as is the database clock that decides terms: in a
        // sped-up demo PortOps's clock would end every term before its first renewal.
        LeaderElector elector = new LeaderElector(new PlannerLease(leasePool), planner, node, config.plannerLeaseTtl(),
                Clock.systemUTC(), seat);
        String deployment = step(planner.value() + " lease", () -> {
            String id = vertx.deployVerticle(elector).await(VERTX_TIMEOUT_SECONDS, TimeUnit.SECONDS);
            seat.started().await(VERTX_TIMEOUT_SECONDS, TimeUnit.SECONDS);
            return id;
        }, id -> (elector.leadership().isPresent() ? "this node leads (token " + elector.leadership().get().token()
                + "): " : "another node leads; standing by: ") + description);
        running.push(new Stage(planner.value() + " lease", () -> {
            vertx.undeploy(deployment).await(VERTX_TIMEOUT_SECONDS, TimeUnit.SECONDS);
            seat.started().await(VERTX_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        }));
    }

    private void startSimulator(TerminalLayout layout, Infrastructure infrastructure, String nodeId) {
        PortOpsConfig.SimulationSettings settings = config.simulation();
        int fleet = layout.allEquipment().size();
        if (settings.machines() > fleet) {
            throw new StartupException("sim.machines is " + settings.machines() + ", but the layout has " + fleet
                    + " machines; simulate at most those (0 = all)");
        }
        simulator = step("Simulated terminal", () -> {
            List<VesselCall> calls = liveYard.reader().vesselCalls().await(VERTX_TIMEOUT_SECONDS, TimeUnit.SECONDS);
            Inventory inventory = LiveInventory.read(infrastructure.hazelcast(), calls);
            TerminalSimulator started = TerminalSimulator.start(new SimulatorConfig(
                    infrastructure.broker().url().clientUrl(), layout.terminalCode(), settings.rateHz(),
                    settings.speedUp(), DEMO_SEED, settings.machines(), 0, clock, layout, "portops-sim-" + nodeId,
                    null, null, inventory, settings.mode(), settings.visualizationHz(), machineSockets()));
            running.push(new Stage("Simulated terminal", started::stop));
            LOG.info("Simulated terminal: starts from the live yard: {} containers in the yard, {} vessel calls with "
                    + "{} discharges and {} loads to do", inventory.containers().size(), calls.size(),
                    planned(inventory, BayPlanAction.DISCHARGE), planned(inventory, BayPlanAction.LOAD));
            return started;
        }, started -> started.engine().machines().size() + " machines and reefer monitors publishing at "
                + settings.rateHz() + " Hz, speed-up " + settings.speedUp() + ", " + settings.mode() + " mode");
    }

    /**
     * The yard's writer (the one ordered writer of container moves and slot changes) runs on the node holding the
     * {@code yard-writer} lease; the other nodes send it their moves over the event bus. The node that opened the live
     * yard writes from the start (it took the move log's epoch); a node elected later fences it with a new epoch and
     * rebuilds the yard from the move log first ({@link LiveYard#takeOverAsWriter}).
     */
    private void startYardWriter(Vertx vertx, NodeId node) {
        yardWriter = new PlannerSeat<>("Yard writer", new PlannerSeat.Planner<>() {
            @Override
            public Future<LiveYard> start(Lease lease) {
                return liveYard.takeOverAsWriter().map(liveYard);
            }

            @Override
            public Future<Void> stop(LiveYard yard) {
                return yard.stepDownAsWriter();
            }
        });
        elect(vertx, YARD_WRITER, node, yardWriter, "container moves and slot changes of every node applied here "
                + "while it leads, in order, durable in the move log first");
    }

    /**
     * Before the crane scheduler, which takes its discharge slots from it; stopped after it. Runs on the node holding
     * the {@code yard-planner} lease, its instructions fenced by that term, and serves the discharge slots cluster-wide.
     */
    private void startYardPlanner(Vertx vertx, TerminalLayout layout, NodeId node) {
        yardPlanner = new PlannerSeat<>("Yard planner", new PlannerSeat.Planner<>() {
            @Override
            public Future<SeatedYardPlanner> start(Lease lease) {
                return YardPlanning.start(vertx, liveYard.fencedBy(lease), new MoveLog(pool), layout, clock,
                                config.yard())
                        .compose(planning -> DischargeSlotsRoute.serve(vertx, planning.dischargeSlots())
                                .map(route -> new SeatedYardPlanner(planning, route)));
            }

            @Override
            public Future<Void> stop(SeatedYardPlanner seated) {
                return seated.route().unregister().transform(done -> seated.planning().stop());
            }
        });
        elect(vertx, YARD_PLANNER, node, yardPlanner, "slots for announced containers, housekeeping every "
                + YardPlanning.HOUSEKEEPING_EVERY.toMinutes() + " min in quiet blocks, loading housekeeping,"
                + " while it leads");
    }

    /** A yard planner of this node's term and its discharge-slot route. */
    private record SeatedYardPlanner(YardPlanning planning, MessageConsumer<JsonObject> route) {
    }

    /** Over mutual TLS, each simulated machine connects with its own certificate, as a real one would. */
    private MachineSockets machineSockets() {
        if (config.tls().mqttCertificates() == null) {
            return null;
        }
        CertificateDirectory certificates = new CertificateDirectory(config.tls().mqttCertificates());
        return machine -> certificates.clientContext(machine.value()).getSocketFactory();
    }

    /** After the simulator, so the machines listen for the orders of the first plans; stopped before it. */
    private void startCraneScheduler(Vertx vertx, TerminalLayout layout, Metrics metrics, NodeId node) {
        craneScheduling = new PlannerSeat<>("Crane scheduler", new PlannerSeat.Planner<>() {
            @Override
            public Future<CraneScheduling> start(Lease lease) {
                BayPlanWorkSource.DischargeSlots slots = yardPlanner == null ? null : DischargeSlotsRoute.slots(vertx,
                        () -> {
                            YardPlanning local = yardPlanning();
                            return local == null ? null : local.dischargeSlots();
                        }, new YardRoom(liveYard.reader(), layout));
                return CraneScheduling.start(vertx, liveYard, pool, layout, slots, clock, metrics.registry(), lease);
            }

            @Override
            public Future<Void> stop(CraneScheduling scheduling) {
                return scheduling.stop();
            }
        });
        elect(vertx, CRANE_SCHEDULER, node, craneScheduling, "planning the berthed vessel calls from their bay plans"
                + " while it leads, vehicles dispatched after every crane plan");
    }

    private static long planned(Inventory inventory, BayPlanAction action) {
        return inventory.vesselCalls().stream().mapToLong(c -> c.bayPlan().withAction(action).size()).sum();
    }

    /**
     * The operator map's live feed, and the map's and the cab's routes for the HTTP server. The feed stamps its deltas
     * with the wall clock, not PortOps's (sped up in a demo): browsers measure an update's delay against their own.
     */
    private Consumer<Router> startOpsMap(Vertx vertx, TerminalLayout layout, ApiAuth auth) {
        CraneShiftClock shift = new CraneShiftClock(Shifts.DEFAULT);
        OpsMapVerticle feed = new OpsMapVerticle(liveYard.reader(), OpsMapVerticle.DEFAULT_FLUSH, Clock.systemUTC(),
                shift);
        String deployment = step("Operator map feed",
                () -> vertx.deployVerticle(feed).await(VERTX_TIMEOUT_SECONDS, TimeUnit.SECONDS),
                id -> "coalescing live-yard changes every " + OpsMapVerticle.DEFAULT_FLUSH.toMillis() + " ms");
        running.push(new Stage("Operator map feed",
                () -> vertx.undeploy(deployment).await(VERTX_TIMEOUT_SECONDS, TimeUnit.SECONDS)));
        MapAccess access = new MapAccess(auth);
        OpsMapRoutes map = new OpsMapRoutes(layout, liveYard.reader(), liveYard.alerts(), Clock.systemUTC(), access);
        CabRoutes cab = new CabRoutes(liveYard.reader(), new CabDesk(liveYard, clock), access);
        OverrideRoutes override = new OverrideRoutes(new OverrideDesk(vertx.eventBus(), new AuditTrail(pool, clock)),
                access);
        KpiRoutes kpis = new KpiRoutes(layout, liveYard.reader(), pool, clock, access, shift);
        AlertRoutes alerts = new AlertRoutes(liveYard.alerts(), access);
        StackRoutes stacks = new StackRoutes(new StackDesk(liveYard, new AuditTrail(pool, clock)), access);
        HoldRoutes holds = new HoldRoutes(new HoldDesk(liveYard, new AuditTrail(pool, clock)), access);
        return router -> {
            map.mount(router);
            cab.mount(router);
            override.mount(router);
            kpis.mount(router);
            alerts.mount(router);
            stacks.mount(router);
            holds.mount(router);
        };
    }

    private void startHttp(Vertx vertx, Health health, Metrics metrics, HazelcastInstance hazelcast,
                           TerminalLayout layout, Consumer<Router> opsMap, ApiAuth auth) {
        Router vesselApi = step("Vessel API", () -> VesselApi.router(vertx, liveYard, pool, auth, clock, layout)
                .await(VERTX_TIMEOUT_SECONDS, TimeUnit.SECONDS), api -> "/api/v1, /dcsa/tnt/v3, /dcsa/jit/v2, docs at /api/docs");
        // a what-if leaves a core to the live service
        TwinRoutes twin = new TwinRoutes(vertx, liveYard.reader(), layout, auth, clock,
                Math.max(1, Runtime.getRuntime().availableProcessors() - 1), config.dataDir().resolve("twin-snapshots"));
        String webhooks = step("Webhook delivery", () -> vertx.deployVerticle(new WebhookDispatcher(pool,
                        new DcsaEvents(layout), clock, WebhookDispatcher.Settings.defaults()))
                .await(VERTX_TIMEOUT_SECONDS, TimeUnit.SECONDS), id -> "subscriptions polled every second");
        running.push(new Stage("Webhook delivery",
                () -> vertx.undeploy(webhooks).await(VERTX_TIMEOUT_SECONDS, TimeUnit.SECONDS)));
        HttpVerticle.Https https = config.tls().https()
                ? HttpVerticle.Https.of(config.tls().httpCertificate(), config.tls().httpKey()) : null;
        HttpVerticle verticle = new HttpVerticle(config.httpHost(), config.httpPort(), https, health, metrics,
                hazelcast, liveYard.reader(), liveYard.alerts(), router -> {
                    opsMap.accept(router);
                    twin.mount(router);
                    router.route("/*").subRouter(vesselApi);
                });
        String deployment = step("HTTP server",
                () -> vertx.deployVerticle(verticle).await(VERTX_TIMEOUT_SECONDS, TimeUnit.SECONDS),
                id -> "listening on " + config.httpUrl(verticle.actualPort()));
        http = verticle;
        running.push(new Stage("HTTP server",
                () -> vertx.undeploy(deployment).await(VERTX_TIMEOUT_SECONDS, TimeUnit.SECONDS)));
    }

    private void checkNotStopping() {
        if (stopping) {
            throw new StartupException("PortOps was asked to stop while starting");
        }
    }

    private static <T> T step(String name, Step<T> step, Function<T, String> description) {
        Stopwatch watch = Stopwatch.start();
        LOG.info("{}: starting", name);
        T result;
        try {
            result = step.run();
        } catch (StartupException e) {
            throw e;
        } catch (TimeoutException e) {
            throw new StartupException(name + " did not start in time", e);
        } catch (Exception e) {
            throw new StartupException(name + " did not start: " + e.getMessage(), e);
        }
        LOG.info("{}: ready in {} — {}", name, watch, description.apply(result));
        return result;
    }

    private static String version() {
        String version = PortOps.class.getPackage().getImplementationVersion();
        return version == null ? "(development build)" : version;
    }

    /** One start-up step that may fail with any exception. */
    @FunctionalInterface
    private interface Step<T> {
        T run() throws Exception;
    }

    /** What stops a started part. */
    @FunctionalInterface
    private interface Stopper {
        void run() throws Exception;
    }

    private record Stage(String name, Stopper stop) {
    }
}
