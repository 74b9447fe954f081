package org.portops.bench.edi;

import io.vertx.core.json.JsonObject;
import io.xlate.edi.stream.EDIInputFactory;
import io.xlate.edi.stream.EDIStreamEvent;
import io.xlate.edi.stream.EDIStreamException;
import io.xlate.edi.stream.EDIStreamReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
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
import org.portops.state.store.VesselCallStore;
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
        List<Double> bareMs = new ArrayList<>();
        List<Double> readMs = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            long start = System.nanoTime();
            int events = bareScan(baplie);
            bareMs.add((System.nanoTime() - start) / 1e6);
            start = System.nanoTime();
            check(EdiIntake.read(baplie, profiles));
            readMs.add((System.nanoTime() - start) / 1e6);
            LOG.debug("bare scan: {} events", events);
        }
        List<Double> receiveMs = new ArrayList<>();
        List<Double> archiveMs = new ArrayList<>();
        List<Double> updateMs = new ArrayList<>();
        List<Double> storeMs = new ArrayList<>();
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
            VesselCall planned = join(bench.yard().reader().vesselCall(call.id())).orElseThrow();
            EdiIntake.Read read = EdiIntake.read(baplie, profiles);
            EdiArchive archive = new EdiArchive(bench.pool());
            VesselCallStore store = new VesselCallStore(bench.pool());
            for (int i = 0; i < runs; i++) {
                long start = System.nanoTime();
                join(archive.received(baplie, read, Instant.now()));
                archiveMs.add((System.nanoTime() - start) / 1e6);
                start = System.nanoTime();
                join(bench.yard().updateVesselCall(planned));
                updateMs.add((System.nanoTime() - start) / 1e6);
                start = System.nanoTime();
                join(store.upsert(planned, Instant.now()));
                storeMs.add((System.nanoTime() - start) / 1e6);
            }
            int onBoard = planned.bayPlan().entries().size();
            if (onBoard != containers) {
                throw new IllegalStateException("the live bay plan holds " + onBoard + " entries, not " + containers);
            }
        }
        report(baplie.length, bareMs, readMs, receiveMs, archiveMs, updateMs, storeMs);
        return 0;
    }

    /** The reference: StAEDI's reader alone, every event pulled and its text taken, nothing kept. */
    private static int bareScan(byte[] baplie) throws EDIStreamException, IOException {
        int events = 0;
        try (EDIStreamReader reader = EDIInputFactory.newFactory()
                .createEDIStreamReader(new ByteArrayInputStream(baplie))) {
            while (reader.hasNext()) {
                if (reader.next() == EDIStreamEvent.ELEMENT_DATA && !reader.getText().isEmpty()) {
                    events++;
                }
            }
        }
        return events;
    }

    private void report(int bytes, List<Double> bareMs, List<Double> readMs, List<Double> receiveMs,
                        List<Double> archiveMs, List<Double> updateMs, List<Double> storeMs) {
        double bareMedian = median(bareMs);
        double readMedian = median(readMs);
        double receiveMedian = median(receiveMs);
        double receiveMax = receiveMs.stream().mapToDouble(Double::doubleValue).max().orElseThrow();
        new Table("step", "median ms", "max ms", "runs")
                .row("bare StAEDI scan (reference)", bareMedian,
                        bareMs.stream().mapToDouble(Double::doubleValue).max().orElseThrow(), bareMs.size())
                .row("read: StAEDI + lint + map to the model", readMedian,
                        readMs.stream().mapToDouble(Double::doubleValue).max().orElseThrow(), readMs.size())
                .row("receive: read + archive + apply (PostgreSQL, Hazelcast)", receiveMedian, receiveMax,
                        receiveMs.size())
                .row("  of which: archive the interchange (PostgreSQL)", median(archiveMs), max(archiveMs),
                        archiveMs.size())
                .row("  of which: LiveYard.updateVesselCall (PostgreSQL, Hazelcast)", median(updateMs),
                        max(updateMs), updateMs.size())
                .row("    of which: VesselCallStore.upsert (PostgreSQL alone)", median(storeMs), max(storeMs),
                        storeMs.size())
                .print(System.out);
        System.out.printf("read / bare StAEDI scan: %.2f%n", readMedian / bareMedian);
        System.out.printf("%d containers, %,d bytes; target < %.0f ms per received BAPLIE: %s (median %.0f ms, "
                + "ratio to target %.2f)%n", containers, bytes, TARGET_MS, receiveMax < TARGET_MS ? "met" : "NOT met",
                receiveMedian, receiveMedian / TARGET_MS);
        System.out.println(new JsonObject()
                .put("bench", "edi").put("containers", containers).put("bytes", bytes)
                .put("bareScanMedianMs", round(bareMedian)).put("readMedianMs", round(readMedian))
                .put("readToBareRatio", round(readMedian / bareMedian)).put("receiveMedianMs", round(receiveMedian))
                .put("receiveMaxMs", round(receiveMax)).put("targetMs", TARGET_MS)
                .put("archiveMedianMs", round(median(archiveMs))).put("updateVesselCallMedianMs", round(median(updateMs)))
                .put("vesselCallStoreMedianMs", round(median(storeMs)))
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

    private static double max(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).max().orElseThrow();
    }

    private static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }

    private static <T> T join(io.vertx.core.Future<T> future) {
        return future.toCompletionStage().toCompletableFuture().join();
    }
}
