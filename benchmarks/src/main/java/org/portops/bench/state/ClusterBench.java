package org.portops.bench.state;

import com.hazelcast.config.Config;
import com.hazelcast.config.MapConfig;
import com.hazelcast.config.MultiMapConfig;
import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.eventbus.EventBusOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.spi.cluster.hazelcast.HazelcastClusterManager;
import io.vertx.sqlclient.Pool;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.portops.bench.support.Table;
import org.portops.model.container.Container;
import org.portops.model.layout.TerminalLayout;
import org.portops.model.layout.TerminalLayoutLoader;
import org.portops.model.work.MoveKind;
import org.portops.model.work.YardLocation;
import org.portops.state.Database;
import org.portops.state.LiveYard;
import org.portops.state.MoveRequest;
import org.portops.state.MoveResult;
import org.portops.state.YardHazelcast;
import org.portops.state.YardMaps;
import org.portops.state.block.BlockState;
import org.portops.state.lease.LeaderElector;
import org.portops.state.lease.Lease;
import org.portops.state.lease.Leadership;
import org.portops.state.lease.NodeId;
import org.portops.state.lease.PlannerLease;
import org.portops.state.lease.PlannerName;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code ./portops bench cluster}: the live yard on three nodes of one cluster (a Hazelcast member, a Vert.x clustered
 * through it and PostgreSQL pools each, in this JVM, sharing one PostgreSQL), the yard's writer on one of them, chosen
 * by its {@code yard-writer} lease as in PortOps. Durable moves per second and their latency, made through the writer's
 * node, through a joined node (sent to the writer over the clustered event bus) and through all three at once; then
 * the writer's node crashes (its connections dropped, its member gone, the lease not given back) and the bench
 * measures the fail-over: to the next node's term, to its yard rebuilt from the move log, and to the first move made
 * through a surviving node, against the lease's bound of ttl + ttl/3.
 */
@Command(name = "cluster", mixinStandardHelpOptions = true,
        description = "Three live-yard nodes: moves via the writer, via a joined node, via all; writer fail-over time.")
public final class ClusterBench implements Callable<Integer> {

    private static final PlannerName YARD_WRITER = new PlannerName("yard-writer");
    private static final int NODES = 3;

    @Option(names = "--seconds", defaultValue = "8", description = "measured seconds per path (default ${DEFAULT-VALUE})")
    int seconds;

    @Option(names = "--warmup", defaultValue = "2", description = "warm-up seconds per path (default ${DEFAULT-VALUE})")
    int warmUp;

    @Option(names = "--threads", defaultValue = "6",
            description = "client threads, each moving containers in its own blocks (default ${DEFAULT-VALUE})")
    int threads;

    @Option(names = "--ttl-ms", defaultValue = "6000",
            description = "the yard-writer lease's ttl, PortOps's default (default ${DEFAULT-VALUE})")
    long ttlMillis;

    @Option(names = "--seed", defaultValue = "42", description = "seed of the move generator (default ${DEFAULT-VALUE})")
    long seed;

    /** One node: its member, clustered Vert.x, pools, live yard and elector. */
    private record Node(int index, HazelcastInstance member, Vertx vertx, Pool pool, Pool leasePool, LiveYard yard,
                        AtomicLong electedAt, AtomicLong writingAt) {
    }

    @Override
    public Integer call() throws Exception {
        TerminalLayout layout = TerminalLayoutLoader.sample();
        Duration ttl = Duration.ofMillis(ttlMillis);
        Path dataDir = Files.createTempDirectory("portops-bench-cluster");
        progress("starting embedded PostgreSQL and " + NODES + " nodes; the first seeds the sample yard");
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().setOverrideWorkingDirectory(dataDir.toFile())
                .setDataDirectory(dataDir.resolve("pg")).start()) {
            String jdbcUrl = "jdbc:postgresql://127.0.0.1:" + postgres.getPort() + "/postgres";
            Database.migrate(jdbcUrl, "postgres", "postgres");
            String cluster = "portops-bench-cluster-" + UUID.randomUUID();
            List<Node> nodes = new ArrayList<>();
            try {
                for (int i = 0; i < NODES; i++) {
                    nodes.add(startNode(i, cluster, jdbcUrl, layout, ttl));
                }
                Node writer = nodes.getFirst();
                if (!writer.yard().writing()) {
                    throw new IllegalStateException("the first node does not write the yard");
                }
                Map<String, Container> master = new HashMap<>();
                YardMaps.of(writer.member()).containers().forEach((number, tracked) ->
                        master.put(number, tracked.container()));
                List<PathRun.Result> results = new ArrayList<>();
                results.add(measure("via the writer's node", List.of(writer), writer, master));
                results.add(measure("via a joined node (event bus)", List.of(nodes.get(1)), writer, master));
                results.add(measure("via all " + NODES + " nodes", nodes, writer, master));
                Failover failover = failover(nodes, master);
                report(results, failover, master.size(), ttl);
                return 0;
            } finally {
                for (Node node : nodes.reversed()) {
                    stopQuietly(node);
                }
                try (Stream<Path> files = Files.walk(dataDir)) {
                    files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
                }
            }
        }
    }

    private Node startNode(int index, String cluster, String jdbcUrl, TerminalLayout layout, Duration ttl)
            throws Exception {
        Config config = YardHazelcast.memberConfig(cluster, 5901, List.of("127.0.0.1"));
        config.addMultiMapConfig(new MultiMapConfig("__vertx.subs").setBackupCount(1)
                .setValueCollectionType(MultiMapConfig.ValueCollectionType.SET));
        config.addMapConfig(new MapConfig("__vertx.haInfo").setBackupCount(1));
        config.addMapConfig(new MapConfig("__vertx.nodeInfo").setBackupCount(1));
        config.getMemberAttributeConfig().setAttribute("__vertx.nodeId", UUID.randomUUID().toString());
        HazelcastInstance member = Hazelcast.newHazelcastInstance(config);
        Vertx vertx = Vertx.builder()
                .with(new VertxOptions().setEventBusOptions(new EventBusOptions().setHost("127.0.0.1")))
                .withClusterManager(new HazelcastClusterManager(member))
                .buildClustered().await(60, TimeUnit.SECONDS);
        Pool pool = Database.pool(vertx, jdbcUrl, "postgres", "postgres", 8);
        Pool leasePool = Database.pool(vertx, jdbcUrl, "postgres", "postgres", 2);
        LiveYard yard = (index == 0 ? LiveYard.open(vertx, member, pool, layout, Clock.systemUTC())
                : LiveYard.join(vertx, member, pool, layout, Clock.systemUTC())).await(300, TimeUnit.SECONDS);
        Node node = new Node(index, member, vertx, pool, leasePool, yard, new AtomicLong(), new AtomicLong());
        LeaderElector elector = new LeaderElector(new PlannerLease(leasePool), YARD_WRITER,
                new NodeId("bench-node-" + index + ":" + UUID.randomUUID()), ttl, Clock.systemUTC(), new Leadership() {
                    @Override
                    public void onElected(Lease lease) {
                        node.electedAt().set(System.nanoTime());
                        yard.takeOverAsWriter().onSuccess(v -> node.writingAt().set(System.nanoTime()));
                    }

                    @Override
                    public void onRevoked(Lease lease, String reason) {
                        yard.stepDownAsWriter();
                    }
                });
        vertx.deployVerticle(elector).await(30, TimeUnit.SECONDS);
        progress("node " + index + (index == 0 ? " opened the live yard" : " joined") + "; "
                + member.getCluster().getMembers().size() + " member(s)");
        return node;
    }

    private PathRun.Result measure(String label, List<Node> through, Node writer, Map<String, Container> master) {
        progress("measuring: " + label);
        AtomicInteger dealt = new AtomicInteger();
        ThreadLocal<LiveYard> yardOfThread = ThreadLocal.withInitial(() ->
                through.get(dealt.getAndIncrement() % through.size()).yard());
        MovePath path = new MovePath() {
            @Override
            public String label() {
                return label;
            }

            @Override
            public boolean carry(YardMove move, long seq) {
                return yardOfThread.get().move(request(move)).toCompletionStage().toCompletableFuture().join()
                        instanceof MoveResult.Accepted;
            }
        };
        PathRun.Result result = PathRun.run(path, mirrors(YardMaps.of(writer.member()), master),
                Duration.ofSeconds(warmUp), Duration.ofSeconds(seconds), seed);
        progress(String.format("  %,.0f moves/s, p50 %,.0f µs, p99 %,.0f µs", result.movesPerSecond(),
                result.p50Micros(), result.p99Micros()));
        return result;
    }

    private record Failover(int nextWriter, double electedSeconds, double rebuiltSeconds, double firstMoveSeconds,
                            int failedMoves) {
    }

    /**
     * Crashes the writer's node as a killed process would look to the others, then makes moves through the last node
     * until one is accepted.
     */
    private Failover failover(List<Node> nodes, Map<String, Container> master) throws Exception {
        Node dead = nodes.getFirst();
        Node survivor = nodes.getLast();
        List<BlockMirror> mirrors = mirrors(YardMaps.of(survivor.member()), master);
        progress("crashing node 0 (the writer): connections dropped, member terminated, event bus closed, lease not "
                + "given back");
        long crashed = System.nanoTime();
        dead.leasePool().close().await(10, TimeUnit.SECONDS);
        dead.pool().close().await(10, TimeUnit.SECONDS);
        dead.member().getLifecycleService().terminate();
        // its event bus server goes too, as with a killed process: a request sent there fails at once, not after
        // its timeout (the survivors may still route to it until they learn that its member left)
        dead.vertx().close();
        Random random = new Random(seed);
        long firstMove = 0;
        int failed = 0;
        long giveUp = crashed + TimeUnit.SECONDS.toNanos(120);
        while (firstMove == 0 && System.nanoTime() < giveUp) {
            try {
                MoveResult result = survivor.yard().move(request(mirrors.getFirst().next(random)))
                        .toCompletionStage().toCompletableFuture().join();
                if (result instanceof MoveResult.Accepted) {
                    firstMove = System.nanoTime();
                }
            } catch (RuntimeException e) {
                failed++;
                progress("  a move during the fail-over failed: " + e.getMessage());
            }
        }
        if (firstMove == 0) {
            throw new IllegalStateException("no move accepted within 120 s of the writer's crash");
        }
        Node next = nodes.stream().skip(1).filter(node -> node.writingAt().get() != 0).findFirst()
                .orElseThrow(() -> new IllegalStateException("no surviving node took over as the writer"));
        Failover failover = new Failover(next.index(), seconds(next.electedAt().get() - crashed),
                seconds(next.writingAt().get() - next.electedAt().get()), seconds(firstMove - crashed), failed);
        progress(String.format("  node %d led %.2f s after the crash, rebuilt the yard in %.2f s; first move %.2f s",
                failover.nextWriter(), failover.electedSeconds(), failover.rebuiltSeconds(),
                failover.firstMoveSeconds()));
        return failover;
    }

    private static MoveRequest request(YardMove move) {
        return MoveRequest.of(move.container().number(), MoveKind.YARD_SHIFT, new YardLocation(move.from()),
                new YardLocation(move.to()));
    }

    /** Blocks dealt round-robin to the threads; each thread moves containers only in its own blocks. */
    private List<BlockMirror> mirrors(YardMaps maps, Map<String, Container> master) {
        List<String> ids = new ArrayList<>(maps.blocks().keySet());
        ids.sort(null);
        List<List<BlockState>> dealt = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            dealt.add(new ArrayList<>());
        }
        for (int i = 0; i < ids.size(); i++) {
            dealt.get(i % threads).add(maps.blocks().get(ids.get(i)).copy());
        }
        return dealt.stream().map(own -> new BlockMirror(own, master)).toList();
    }

    private void report(List<PathRun.Result> results, Failover failover, int containers, Duration ttl) {
        double bound = ttl.toMillis() / 1000.0 * 4 / 3;
        double local = results.getFirst().movesPerSecond();
        Table table = new Table("moves made", "moves", "moves/s", "p50 µs", "p99 µs", "refused", "vs writer's node");
        for (PathRun.Result r : results) {
            table.row(r.label(), r.moves(), r.movesPerSecond(), r.p50Micros(), r.p99Micros(), r.refused(),
                    String.format("%.2f", r.movesPerSecond() / local));
        }
        Table failoverTable = new Table("writer fail-over", "seconds", "vs ttl + ttl/3");
        failoverTable.row("crash to the next writer's term", failover.electedSeconds(),
                String.format("%.2f", failover.electedSeconds() / bound));
        failoverTable.row("term to the yard rebuilt from the move log", failover.rebuiltSeconds(), "");
        failoverTable.row("crash to the first move accepted (" + failover.failedMoves() + " failed before)",
                failover.firstMoveSeconds(), String.format("%.2f", failover.firstMoveSeconds() / bound));
        System.out.println();
        System.out.printf("bench cluster: %d nodes in one JVM, %,d containers, %d threads, %d s per path, lease ttl "
                + "%d ms (bound ttl + ttl/3 = %.1f s), %d cores%n", NODES, containers, threads, seconds,
                ttl.toMillis(), bound, Runtime.getRuntime().availableProcessors());
        table.print(System.out);
        failoverTable.print(System.out);
        JsonObject json = new JsonObject()
                .put("bench", "cluster")
                .put("nodes", NODES)
                .put("containers", containers)
                .put("threads", threads)
                .put("secondsPerPath", seconds)
                .put("ttlMillis", ttl.toMillis())
                .put("viaWriter", figures(results.get(0)))
                .put("viaJoined", figures(results.get(1)))
                .put("viaAll", figures(results.get(2)))
                .put("joinedVsWriter", round(results.get(1).movesPerSecond() / local))
                .put("allVsWriter", round(results.get(2).movesPerSecond() / local))
                .put("failoverElectedSeconds", round(failover.electedSeconds()))
                .put("failoverRebuildSeconds", round(failover.rebuiltSeconds()))
                .put("failoverFirstMoveSeconds", round(failover.firstMoveSeconds()))
                .put("failoverFailedMoves", failover.failedMoves())
                .put("electedVsBound", round(failover.electedSeconds() / bound))
                .put("firstMoveVsBound", round(failover.firstMoveSeconds() / bound));
        System.out.println(json.encode());
    }

    private static void stopQuietly(Node node) {
        if (!node.member().getLifecycleService().isRunning()) {
            return;
        }
        for (Future<?> step : List.of(node.yard().close(), node.leasePool().close(), node.pool().close())) {
            try {
                step.await(30, TimeUnit.SECONDS);
            } catch (Exception e) {
                progress("node " + node.index() + " did not stop cleanly: " + e.getMessage());
            }
        }
        try {
            node.vertx().close().await(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            progress("node " + node.index() + "'s Vert.x did not close: " + e.getMessage());
        }
        if (node.member().getLifecycleService().isRunning()) {
            node.member().shutdown();
        }
    }

    private static JsonObject figures(PathRun.Result r) {
        return new JsonObject().put("moves", r.moves()).put("movesPerSecond", round(r.movesPerSecond()))
                .put("p50Micros", round(r.p50Micros())).put("p99Micros", round(r.p99Micros()))
                .put("refused", r.refused());
    }

    private static double seconds(long nanos) {
        return nanos / 1e9;
    }

    private static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }

    private static void progress(String message) {
        System.err.println("[bench cluster] " + message);
    }
}
