package org.portops.bench.edi;

import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.portops.bench.state.BenchYard;
import org.portops.bench.support.Table;
import org.portops.model.container.LineOperator;
import org.portops.model.layout.TerminalLayout;
import org.portops.model.layout.TerminalLayoutLoader;
import org.portops.model.vessel.BayPlan;
import org.portops.model.vessel.ImoNumber;
import org.portops.model.vessel.Vessel;
import org.portops.model.vessel.VesselCall;
import org.portops.model.vessel.VesselCallId;
import org.portops.model.vessel.Voyage;
import org.portops.state.ChangeResult;
import org.portops.vessel.edi.EdiInbox;
import org.portops.vessel.edi.EdiIntake;
import org.portops.vessel.edi.PartnerProfile;
import org.portops.vessel.edi.PartnerProfiles;
import org.portops.vessel.edi.archive.EdiArchive;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code ./portops bench edi}: a BAPLIE of 10,000 containers read (StAEDI, lint and repair, mapping into the model)
 * and then received by the inbox end to end: archived in PostgreSQL and applied to its vessel call's bay plan in the
 * live yard (one PostgreSQL transaction, then Hazelcast). Target: received and applied in under 1 s.
 */
@Command(name = "edi", mixinStandardHelpOptions = true,
        description = "A 10,000-container BAPLIE parsed, validated and applied to the live yard (target < 1 s).")
public final class EdiBench implements Callable<Integer> {

    private static final Logger LOG = LoggerFactory.getLogger(EdiBench.class);
    private static final double TARGET_MS = 1000;

    @Option(names = "--containers", defaultValue = "10000",
            description = "containers in the BAPLIE (default ${DEFAULT-VALUE}, at most 10080)")
    int containers;

    @Option(names = "--runs", defaultValue = "5", description = "measured runs of each step (default ${DEFAULT-VALUE})")
    int runs;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (runs < 1 || containers < 1 || containers > SyntheticBaplie.MAX_CONTAINERS) {
            throw new ParameterException(spec.commandLine(), "--runs must be positive and --containers 1.."
                    + SyntheticBaplie.MAX_CONTAINERS);
        }
        TerminalLayout layout = TerminalLayoutLoader.sample();
        byte[] baplie = SyntheticBaplie.of(containers, "BENCH1", "BENCH STAR", "9074729", layout.port().value())
                .getBytes(StandardCharsets.US_ASCII);
        PartnerProfiles profiles = PartnerProfiles.all(PartnerProfile.DEFAULT);
        LOG.info("BAPLIE of {} containers, {} bytes; warming up the reader", containers, baplie.length);
        for (int i = 0; i < 5; i++) {
            check(EdiIntake.read(baplie, profiles));
        }
        List<Double> readMs = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            long start = System.nanoTime();
            check(EdiIntake.read(baplie, profiles));
            readMs.add((System.nanoTime() - start) / 1e6);
        }
        List<Double> receiveMs = new ArrayList<>();
        LOG.info("starting the live yard (embedded PostgreSQL, Hazelcast, sample terminal)");
        try (BenchYard bench = new BenchYard(layout, 1)) {
            Instant now = Instant.now();
            VesselCall call = new VesselCall(new VesselCallId("BENCH-STAR-1"),
                    new Vessel(new ImoNumber("9074729"), "BENCH STAR", 366, 51, 15), new Voyage("BENCH1"),
                    new LineOperator("BNC"), null, now, null, now.plusSeconds(86_400), BayPlan.EMPTY);
            if (!(join(bench.yard().updateVesselCall(call)) instanceof ChangeResult.Applied)) {
                throw new IllegalStateException("the bench's vessel call was refused");
            }
            EdiInbox inbox = new EdiInbox(bench.vertx(), bench.pool(), bench.yard(), profiles, layout.port(),
                    Clock.systemUTC());
            for (int i = 0; i < runs + 1; i++) {
                long start = System.nanoTime();
                EdiInbox.Receipt receipt = join(inbox.receive(baplie));
                double ms = (System.nanoTime() - start) / 1e6;
                if (receipt.outcome() != EdiArchive.Outcome.APPLIED) {
                    throw new IllegalStateException("the BAPLIE was not applied: " + receipt.errors());
                }
                if (i > 0) {
                    receiveMs.add(ms);
                }
                LOG.info("run {}: received and applied in {} ms", i, String.format("%.1f", ms));
            }
            int onBoard = join(bench.yard().reader().vesselCall(call.id())).orElseThrow().bayPlan().entries().size();
            if (onBoard != containers) {
                throw new IllegalStateException("the live bay plan holds " + onBoard + " entries, not " + containers);
            }
        }
        report(baplie.length, readMs, receiveMs);
        return 0;
    }

    private void report(int bytes, List<Double> readMs, List<Double> receiveMs) {
        double readMedian = median(readMs);
        double receiveMedian = median(receiveMs);
        double receiveMax = receiveMs.stream().mapToDouble(Double::doubleValue).max().orElseThrow();
        new Table("step", "median ms", "max ms", "runs")
                .row("read: StAEDI + lint + map to the model", readMedian,
                        readMs.stream().mapToDouble(Double::doubleValue).max().orElseThrow(), readMs.size())
                .row("receive: read + archive + apply (PostgreSQL, Hazelcast)", receiveMedian, receiveMax,
                        receiveMs.size())
                .print(System.out);
        System.out.printf("%d containers, %,d bytes; target < %.0f ms per received BAPLIE: %s (median %.0f ms, "
                + "ratio to target %.2f)%n", containers, bytes, TARGET_MS, receiveMax < TARGET_MS ? "met" : "NOT met",
                receiveMedian, receiveMedian / TARGET_MS);
        System.out.println(new JsonObject()
                .put("bench", "edi").put("containers", containers).put("bytes", bytes)
                .put("readMedianMs", round(readMedian)).put("receiveMedianMs", round(receiveMedian))
                .put("receiveMaxMs", round(receiveMax)).put("targetMs", TARGET_MS)
                .put("ratioToTarget", round(receiveMedian / TARGET_MS)).put("targetMet", receiveMax < TARGET_MS)
                .put("cpus", Runtime.getRuntime().availableProcessors()).encode());
    }

    private void check(EdiIntake.Read read) {
        if (!read.accepted() || read.messages().getFirst().containers() != containers) {
            throw new IllegalStateException("the synthetic BAPLIE does not read cleanly: " + read.allErrors());
        }
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    private static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }

    private static <T> T join(io.vertx.core.Future<T> future) {
        return future.toCompletionStage().toCompletableFuture().join();
    }
}
