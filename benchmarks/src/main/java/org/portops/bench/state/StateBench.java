package org.portops.bench.state;

import com.hazelcast.map.IMap;
import io.vertx.core.json.JsonObject;
import org.portops.bench.support.Table;
import org.portops.model.container.Container;
import org.portops.model.layout.TerminalLayout;
import org.portops.model.layout.TerminalLayoutLoader;
import org.portops.state.YardMaps;
import org.portops.state.block.BlockState;
import org.portops.state.block.StackCells;
import org.portops.state.custody.TrackedContainer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code ./portops bench state}: container moves through the live state. Three paths over the same seeded sample
 * yard, in one run: plain map writes of the same data (the reference), the entry-processor protocol that keeps the
 * yard invariants atomic, and {@code LiveYard.move} with its durable move log.
 */
@Command(name = "state", mixinStandardHelpOptions = true,
        description = "Live-state move throughput: entry processors vs plain IMap writes, and durable LiveYard moves.")
public final class StateBench implements Callable<Integer> {

    @Option(names = "--seconds", defaultValue = "10", description = "measured seconds per path (default ${DEFAULT-VALUE})")
    int seconds;

    @Option(names = "--warmup", defaultValue = "3", description = "warm-up seconds per path (default ${DEFAULT-VALUE})")
    int warmUp;

    @Option(names = "--threads", defaultValue = "8",
            description = "client threads, each moving containers in its own blocks (default ${DEFAULT-VALUE})")
    int threads;

    @Option(names = "--members", defaultValue = "1",
            description = "Hazelcast members in this JVM; 2 or more adds backup copies (default ${DEFAULT-VALUE})")
    int members;

    @Option(names = "--seed", defaultValue = "42", description = "seed of the move generator (default ${DEFAULT-VALUE})")
    long seed;

    @Override
    public Integer call() throws Exception {
        TerminalLayout layout = TerminalLayoutLoader.sample();
        if (threads < 1 || threads > layout.blocks().size()) {
            throw new IllegalArgumentException("--threads must be 1.." + layout.blocks().size() + " (one block each at least), was " + threads);
        }
        progress("starting embedded PostgreSQL, " + members + " Hazelcast member(s), seeding the sample yard");
        try (BenchYard bench = new BenchYard(layout, members)) {
            YardMaps live = YardMaps.of(bench.hazelcast());
            Map<String, BlockState> blocks = snapshotBlocks(live, layout);
            Map<String, TrackedContainer> containers = new HashMap<>(live.containers());
            Map<String, Container> master = new HashMap<>();
            containers.forEach((number, tracked) -> master.put(number, tracked.container()));
            progress("yard: " + containers.size() + " containers in " + blocks.size() + " blocks; "
                    + seconds + " s per path after " + warmUp + " s warm-up, " + threads + " threads");

            IMap<String, BlockState> benchBlocks = bench.hazelcast().getMap(BenchYard.BENCH_PREFIX + YardMaps.BLOCKS);
            IMap<String, TrackedContainer> benchContainers =
                    bench.hazelcast().getMap(BenchYard.BENCH_PREFIX + YardMaps.CONTAINERS);
            IMap<String, StackCells> benchStacks = bench.hazelcast().getMap(BenchYard.BENCH_STACKS);

            List<PathRun.Result> results = new ArrayList<>();
            load(benchBlocks, benchContainers, blocks, containers);
            results.add(measure(new PlainPutPath(benchContainers, benchStacks), blocks, master));
            load(benchBlocks, benchContainers, blocks, containers);
            results.add(measure(new EntryProcessorPath(benchContainers, benchBlocks), blocks, master));
            List<String> violations = violations(benchBlocks);
            results.add(measure(new LiveYardPath(bench.yard()), blocks, master));
            violations.addAll(violations(live.blocks()));
            report(results, containers.size(), bench.members(), violations);
            return violations.isEmpty() ? 0 : 1;
        }
    }

    private PathRun.Result measure(MovePath path, Map<String, BlockState> blocks, Map<String, Container> master) {
        progress("measuring: " + path.label());
        PathRun.Result result = PathRun.run(path, mirrors(blocks, master), Duration.ofSeconds(warmUp),
                Duration.ofSeconds(seconds), seed);
        progress(String.format("  %,.0f moves/s, p99 %,.0f µs", result.movesPerSecond(), result.p99Micros()));
        return result;
    }

    /** Blocks dealt round-robin to the threads; each thread moves containers only in its own blocks. */
    private List<BlockMirror> mirrors(Map<String, BlockState> blocks, Map<String, Container> master) {
        List<List<BlockState>> dealt = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            dealt.add(new ArrayList<>());
        }
        List<String> ids = new ArrayList<>(blocks.keySet());
        ids.sort(null);
        for (int i = 0; i < ids.size(); i++) {
            dealt.get(i % threads).add(blocks.get(ids.get(i)).copy());
        }
        return dealt.stream().map(own -> new BlockMirror(own, master)).toList();
    }

    private static Map<String, BlockState> snapshotBlocks(YardMaps live, TerminalLayout layout) {
        Map<String, BlockState> blocks = new HashMap<>();
        layout.blocks().forEach(block -> blocks.put(block.id().value(), live.blocks().get(block.id().value()).copy()));
        return blocks;
    }

    private static void load(IMap<String, BlockState> blocks, IMap<String, TrackedContainer> containers,
                             Map<String, BlockState> blockSnapshot, Map<String, TrackedContainer> containerSnapshot) {
        blocks.clear();
        containers.clear();
        blockSnapshot.forEach((id, block) -> blocks.set(id, block.copy()));
        containers.putAll(containerSnapshot);
    }

    private static List<String> violations(IMap<String, BlockState> blocks) {
        List<String> found = new ArrayList<>();
        blocks.values().forEach(block -> block.violations().forEach(v -> found.add(block.block() + ": " + v)));
        return found;
    }

    private void report(List<PathRun.Result> results, int containers, int memberCount, List<String> violations) {
        double reference = results.get(0).movesPerSecond();
        Table table = new Table("path", "moves", "moves/s", "p50 µs", "p99 µs", "refused", "vs put");
        for (PathRun.Result r : results) {
            table.row(r.label(), r.moves(), r.movesPerSecond(), r.p50Micros(), r.p99Micros(), r.refused(),
                    String.format("%.2f", r.movesPerSecond() / reference));
        }
        System.out.println();
        System.out.printf("bench state: %,d containers, %d member(s), %d threads, %d s per path, %d cores%n",
                containers, memberCount, threads, seconds, Runtime.getRuntime().availableProcessors());
        table.print(System.out);
        System.out.println("yard invariants after the run: "
                + (violations.isEmpty() ? "hold in every block" : violations.size() + " violations: " + violations));
        JsonObject json = new JsonObject()
                .put("bench", "state")
                .put("containers", containers)
                .put("members", memberCount)
                .put("threads", threads)
                .put("secondsPerPath", seconds)
                .put("plainPut", figures(results.get(0)))
                .put("entryProcessor", figures(results.get(1)))
                .put("liveYard", figures(results.get(2)))
                .put("entryProcessorVsPut", round(results.get(1).movesPerSecond() / reference))
                .put("liveYardVsPut", round(results.get(2).movesPerSecond() / reference))
                .put("invariantViolations", violations.size());
        System.out.println(json.encode());
    }

    private static JsonObject figures(PathRun.Result r) {
        return new JsonObject().put("moves", r.moves()).put("movesPerSecond", round(r.movesPerSecond()))
                .put("p50Micros", round(r.p50Micros())).put("p99Micros", round(r.p99Micros()))
                .put("refused", r.refused());
    }

    private static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }

    private static void progress(String message) {
        System.err.println("[bench state] " + message);
    }
}
