package org.portops.bench;

import org.portops.bench.api.ApiBench;
import org.portops.bench.bap.BapBench;
import org.portops.bench.brp.BrpBench;
import org.portops.bench.dispatch.DispatchBench;
import org.portops.bench.edi.EdiBench;
import org.portops.bench.ingest.IngestBench;
import org.portops.bench.map.MapBench;
import org.portops.bench.qcsp.QcspBench;
import org.portops.bench.replan.ReplanBench;
import org.portops.bench.state.ClusterBench;
import org.portops.bench.state.StateBench;
import org.portops.bench.twin.TwinBench;
import org.portops.bench.yard.YardBench;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code ./portops bench NAME}: every benchmark prints a readable table and, as the last line on stdout, one line
 * of JSON with its figures; logs and progress go to stderr.
 */
@Command(name = "portops bench", mixinStandardHelpOptions = true,
        description = "Runs one PortOps benchmark. Results and how to read them: docs/benchmarks.md.",
        subcommands = {StateBench.class, QcspBench.class, IngestBench.class, BapBench.class, DispatchBench.class,
                ReplanBench.class, BrpBench.class, YardBench.class, EdiBench.class, MapBench.class, TwinBench.class,
                ApiBench.class, ClusterBench.class,
                BenchMain.ListCommand.class})
public final class BenchMain implements Runnable {

    public static void main(String[] args) {
        ensureCommonPoolParallelism();
        int exit = new CommandLine(new BenchMain()).execute(args);
        System.exit(exit);
    }

    @Override
    public void run() {
        new CommandLine(this).usage(System.err);
    }

    @Command(name = "list", description = "Names the benchmarks.")
    static final class ListCommand implements Runnable {
        @Override
        public void run() {
            CommandLine parent = new CommandLine(new BenchMain());
            parent.getSubcommands().forEach((name, command) -> {
                if (!name.equals("list")) {
                    String[] description = command.getCommandSpec().usageMessage().description();
                    System.out.printf("%-10s %s%n", name, description.length > 0 ? description[0] : "");
                }
            });
        }
    }

    /**
     * Hazelcast completes its async calls on the common fork-join pool; where that pool has parallelism 1 (any
     * 2-core machine) it starts a new thread per callback instead, which costs the live yard's writer most of its
     * throughput. Must run before anything touches the pool; an explicit -D setting wins.
     */
    private static void ensureCommonPoolParallelism() {
        String property = "java.util.concurrent.ForkJoinPool.common.parallelism";
        if (System.getProperty(property) == null) {
            System.setProperty(property, String.valueOf(Math.max(4, Runtime.getRuntime().availableProcessors())));
        }
    }
}
