package org.portops.bench.ingest;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.LongSupplier;
import java.util.stream.Stream;
import org.portops.bench.support.Latencies;
import org.portops.bench.support.Table;
import org.portops.ingest.IngestConfig;
import org.portops.model.layout.TerminalLayout;
import org.portops.model.layout.TerminalLayoutLoader;
import org.portops.sim.FleetSizer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code ./portops bench ingest}: telemetry through a real MQTT broker into the live yard, everything on this
 * machine. For each broker, load steps of increasing rate: the ingest's accepted readings per second, shedding,
 * event loss and publish-to-visible latency, then a bare Paho subscriber draining the same offered load. Then the
 * ingest's history writer against a bulk COPY of the same rows.
 */
@Command(name = "ingest", mixinStandardHelpOptions = true,
        description = "Telemetry ingest through HiveMQ and mosquitto: sustained readings/s, latency to live state, "
                + "vs a bare subscriber, history vs COPY.")
public final class IngestBench implements Callable<Integer> {

    @Option(names = "--broker", description = "hivemq-process (HiveMQ in a JVM of its own, as the launcher runs "
            + "it), hivemq (HiveMQ in this JVM), mosquitto, both (hivemq-process and mosquitto) or a comma-separated "
            + "list, run in that order (default: both when /usr/sbin/mosquitto exists, else hivemq-process); "
            + "hivemq-process@N or hivemq@N: HiveMQ with an in-flight window of N messages (its internal "
            + "MAX_INFLIGHT_WINDOW_SIZE_MESSAGES, 50 unless set); hivemq-process[OPTIONS]: its JVM with these "
            + "options too, separated by spaces (a collector given replaces an inherited one), e.g. "
            + "'hivemq-process[-XX:+UseZGC -Xmx1g]'")
    String broker;

    @Option(names = "--seconds", defaultValue = "20", description = "measured seconds per step and phase (default ${DEFAULT-VALUE})")
    int seconds;

    @Option(names = "--warmup", defaultValue = "3", description = "warm-up seconds before each measured window (default ${DEFAULT-VALUE})")
    int warmUp;

    @Option(names = "--jit-warmup", defaultValue = "20", description = "seconds of load at the first step's rate "
            + "before each broker's first step, not measured, so the first step is not a cold JVM's (default ${DEFAULT-VALUE})")
    int jitWarmUp;

    @Option(names = "--rates", split = ",", defaultValue = "10000,15000,20000,30000,40000",
            description = "offered readings/s of the steps, climbed until one is not sustained; each step runs "
                    + "max(2000, rate/10) machines at rate/machines Hz (default ${DEFAULT-VALUE})")
    int[] rates;

    @Option(names = "--connections", defaultValue = "4", description = "publisher MQTT connections, machines multiplexed over them (default ${DEFAULT-VALUE})")
    int connections;

    @Option(names = "--events", defaultValue = "20", description = "QoS 1 fault events per second during ingest steps (default ${DEFAULT-VALUE})")
    double eventsPerSecond;

    @Option(names = "--history-rows", defaultValue = "200000", description = "rows in the history comparison (default ${DEFAULT-VALUE})")
    int historyRows;

    @Option(names = "--history-rounds", defaultValue = "2", description = "alternating rounds of writer and COPY; the best of each counts (default ${DEFAULT-VALUE})")
    int historyRounds;

    @Option(names = "--flush-ms", description = "diagnostic: the ingest's flush interval in ms (default: the "
            + "service's default, IngestConfig.defaults)")
    Integer flushMillis;

    @Option(names = "--plain-subscription", description = "diagnostic: the ingest's readings client and the bare "
            + "subscriber subscribe without an MQTT 5 shared subscription (one ingest node only)")
    boolean plainSubscription;

    @Option(names = "--hivemq-poll-batch", description = "diagnostic: messages HiveMQ reads from a subscriber's queue "
            + "per poll whatever its receive maximum (its internal PUBLISH_POLL_BATCH_SIZE, 50 unless set), for "
            + "every HiveMQ of the run")
    Integer hiveMqPollBatch;

    @Option(names = "--readings-connections", split = ",", description = "diagnostic: the ingest's readings "
            + "connections (IngestConfig.readingsConnections, in its shared group), per broker of --broker in turn "
            + "(the list is repeated when shorter), e.g. --broker hivemq-process,hivemq-process --readings-connections "
            + "1,2 (default: the service's default for every broker)")
    int[] readingsConnections;

    /** Machines of the lowest steps: 2,000 machines at 5 Hz make the 10,000 readings/s. */
    private static final int BASE_MACHINES = 2_000;
    private static final double MAX_HZ = 10;
    private static final int LATENCY_SAMPLE_EVERY = 20;
    private static final long DRAIN_MILLIS = 15_000;

    private record BrokerResult(String broker, List<StepResult> steps) {
        StepResult at(int offered) {
            return steps.stream().filter(s -> Math.round(s.offered()) == offered).findFirst().orElse(null);
        }

        StepResult highestSustained() {
            return steps.stream().filter(StepResult::sustained).max(Comparator.comparingDouble(StepResult::offered))
                    .orElse(null);
        }

        double maxIngested() {
            return steps.stream().mapToDouble(StepResult::ingested).max().orElse(0);
        }

        double maxBare() {
            return steps.stream().mapToDouble(StepResult::bare).max().orElse(0);
        }
    }

    @Override
    public Integer call() throws Exception {
        List<String> brokers = brokers();
        int[] ladder = Arrays.stream(rates).sorted().distinct().toArray();
        int fleetSize = Math.max(BASE_MACHINES, machinesFor(ladder[ladder.length - 1]));
        TerminalLayout layout = FleetSizer.resize(TerminalLayoutLoader.sample(), fleetSize);
        double loadAtStart = loadAverage();
        Path folder = Files.createTempDirectory("portops-bench-ingest");
        progress("starting embedded PostgreSQL, Hazelcast and the live yard (" + fleetSize + " machines); load average "
                + loadAtStart);
        List<BrokerResult> results = new ArrayList<>();
        HistoryComparison.Result history;
        CpuMeter cpu;
        Duration flushInterval;
        try (PortOpsSide side = new PortOpsSide(layout, folder, flushMillis == null ? null
                : Duration.ofMillis(flushMillis), !plainSubscription)) {
            IngestConfig config = side.config("tcp://127.0.0.1:1883", "bench-ingest");
            flushInterval = config.flushInterval();
            BenchFleet fleet = new BenchFleet(layout);
            Set<String> sample = new HashSet<>();
            for (int m = 0; m < fleet.size(); m += LATENCY_SAMPLE_EVERY) {
                sample.add(fleet.template(m).machineId().value());
            }
            cpu = new CpuMeter(side.postgresData(), "bench-ingest-", "bench-load-", "bench-bare-");
            try (VisibilityProbe probe = new VisibilityProbe(side.equipment(), sample)) {
                for (int b = 0; b < brokers.size(); b++) {
                    Integer readers = readingsConnections == null || readingsConnections.length == 0 ? null
                            : readingsConnections[b % readingsConnections.length];
                    results.add(runBroker(brokers.get(b), readers, ladder, side, fleet, probe, cpu, folder));
                }
            }
            progress("history: the ingest's writer vs a bulk COPY of the same " + historyRows + " rows");
            history = new HistoryComparison(side, config, folder, cpu).run(historyRows, historyRounds);
        } finally {
            delete(folder);
        }
        report(results, history, layout.allEquipment().size(), flushInterval, loadAtStart, loadAverage());
        return 0;
    }

    private List<String> brokers() {
        String chosen = broker != null ? broker : BenchBroker.mosquittoInstalled() ? "both" : "hivemq-process";
        if (chosen.equals("both")) {
            return List.of("hivemq-process", "mosquitto");
        }
        List<String> names = List.of(chosen.split(","));
        for (String name : names) {
            BenchBroker.check(name);
        }
        return names;
    }

    private static int machinesFor(int rate) {
        return Math.max(BASE_MACHINES, (int) Math.ceil(rate / MAX_HZ));
    }

    /** @param readers the ingest's readings connections, or null for the service's default */
    private BrokerResult runBroker(String name, Integer readers, int[] ladder, PortOpsSide side, BenchFleet fleet,
                                   VisibilityProbe probe, CpuMeter cpu, Path folder) throws Exception {
        String label = readers == null ? name : name + " (" + readers + " readings connections)";
        progress(label + ": starting the broker");
        List<StepResult> steps = new ArrayList<>();
        try (BenchBroker running = BenchBroker.start(name, folder, hiveMqPollBatch);
             LoadPublisher publisher = new LoadPublisher(running.url(), "bench-load-" + name, fleet, connections);
             BareDrain bare = new BareDrain(running.url(), "bench-bare-" + name, !plainSubscription);
             PortOpsSide.Ingest ingest = side.deploy(running.url(), "bench-ingest-" + name, readers)) {
            cpu.broker(running.pid());
            warmUp(ladder[0], side, ingest, publisher);
            for (int rate : ladder) {
                StepResult step = step(rate, side, ingest, publisher, bare, probe, cpu);
                steps.add(step);
                if (!step.sustained()) {
                    if (steps.size() == 1) {
                        steps.add(step(rate / 2, side, ingest, publisher, bare, probe, cpu));
                    }
                    break;
                }
            }
            progress("  busiest threads outside the named parts: " + cpu.busiestUnnamedThreads(6));
        }
        return new BrokerResult(label, steps);
    }

    /** Load that is not measured: the JIT compiles the ingest's, the broker's and Paho's paths under it. */
    private void warmUp(int rate, PortOpsSide side, PortOpsSide.Ingest ingest, LoadPublisher publisher)
            throws InterruptedException {
        int machines = machinesFor(rate);
        progress(String.format("  warm-up: %,d readings/s for %d s, not measured", rate, jitWarmUp));
        long handled0 = ingest.handled();
        long events0 = side.count("select count(*) from telemetry_event");
        LoadPublisher.Run run = publisher.start(side.terminal(), machines, (double) rate / machines, eventsPerSecond);
        Thread.sleep(jitWarmUp * 1_000L);
        run.stop();
        settle(() -> ingest.handled() - handled0, run.published());
        waitForEvents(side, events0, run.eventsAcked());
    }

    private StepResult step(int rate, PortOpsSide side, PortOpsSide.Ingest ingest, LoadPublisher publisher,
                            BareDrain bare, VisibilityProbe probe, CpuMeter cpu) throws InterruptedException {
        int machines = machinesFor(rate);
        double hz = (double) rate / machines;
        String label = String.format("%,d machines x %s Hz", machines, hz(hz));
        progress("  " + label + " (" + String.format("%,d", rate) + "/s): ingest");

        long events0 = side.count("select count(*) from telemetry_event");
        long handled0 = ingest.handled();
        long shed0 = ingest.shed();
        long shedInbound0 = ingest.shedInbound();
        long rejected0 = ingest.rejected();
        LoadPublisher.Run run = publisher.start(side.terminal(), machines, hz, eventsPerSecond);
        Thread.sleep(warmUp * 1_000L);
        long publishedA = run.published();
        long handledA = ingest.handled() - handled0;
        long acceptedA = ingest.acceptedReadings();
        probe.start();
        CpuMeter.Sample cpuA = cpu.sample();
        long startedA = System.nanoTime();
        Thread.sleep(seconds * 1_000L);
        long publishedB = run.published();
        long handledB = ingest.handled() - handled0;
        long acceptedB = ingest.acceptedReadings();
        Map<CpuMeter.Part, Double> cpuPerReading = cpu.sample().microsPerItemSince(cpuA, acceptedB - acceptedA);
        double window = (System.nanoTime() - startedA) / 1e9;
        Latencies latencies = probe.stop();
        StepResult.Stages stages = ingest.stages();
        run.stop();
        settle(() -> ingest.handled() - handled0, run.published());
        long lost = run.published() - (ingest.handled() - handled0);
        long eventsStored = waitForEvents(side, events0, run.eventsAcked());
        long shed = ingest.shed() - shed0;
        long shedInbound = ingest.shedInbound() - shedInbound0;
        long rejected = ingest.rejected() - rejected0;
        double published = (publishedB - publishedA) / window;
        double ingested = (acceptedB - acceptedA) / window;
        long lagGrowth = (publishedB - handledB) - (publishedA - handledA);
        progress(String.format("    published %,.0f/s, ingested %,.0f/s, shed %d (%d inbound), rejected %d%s, lost %d, "
                        + "events %d/%d, p99 %,.1f ms; ingest stages p99: queued %.1f, coalesced %.1f, written %.1f, "
                        + "total %.1f ms", published, ingested, shed, shedInbound, rejected,
                rejected == 0 ? "" : " (since the ingest started, by reason: " + ingest.rejectedByReason() + ")", lost,
                run.eventsAcked(), eventsStored, latencies.percentileMicros(0.99) / 1000, stages.queuedP99(),
                stages.coalescedP99(), stages.writtenP99(), stages.totalP99()));

        progress("  " + label + ": bare subscriber");
        long bare0 = bare.received();
        LoadPublisher.Run bareRun = publisher.start(BareDrain.TERMINAL, machines, hz, 0);
        Thread.sleep(warmUp * 1_000L);
        long bareA = bare.received();
        CpuMeter.Sample bareCpuA = cpu.sample();
        long bareStarted = System.nanoTime();
        Thread.sleep(seconds * 1_000L);
        long bareB = bare.received();
        Map<CpuMeter.Part, Double> bareCpuPerReading = cpu.sample().microsPerItemSince(bareCpuA, bareB - bareA);
        double bareWindow = (System.nanoTime() - bareStarted) / 1e9;
        bareRun.stop();
        settle(() -> bare.received() - bare0, bareRun.published());
        double barePerSecond = (bareB - bareA) / bareWindow;
        progress(String.format("    bare drained %,.0f/s (published %,.0f/s)", barePerSecond,
                bareRun.published() / (bareWindow + warmUp)));

        return new StepResult(machines, hz, published, run.published(), ingested, shed, shedInbound, rejected, lost,
                lagGrowth, publishedB - handledB,
                run.eventsAcked(), eventsStored, latencies.percentileMicros(0.5) / 1000,
                latencies.percentileMicros(0.99) / 1000, latencies.count(), barePerSecond, stages, cpuPerReading,
                bareCpuPerReading);
    }

    /** Waits until the consumer has taken everything published, or its count stops moving for a second. */
    private static void settle(LongSupplier consumed, long published) throws InterruptedException {
        long deadline = System.currentTimeMillis() + DRAIN_MILLIS;
        long last = -1;
        long stableSince = System.currentTimeMillis();
        while (System.currentTimeMillis() < deadline) {
            long now = consumed.getAsLong();
            if (now >= published) {
                return;
            }
            if (now != last) {
                last = now;
                stableSince = System.currentTimeMillis();
            } else if (System.currentTimeMillis() - stableSince > 1_000) {
                return;
            }
            Thread.sleep(50);
        }
    }

    private static long waitForEvents(PortOpsSide side, long before, long acked) throws InterruptedException {
        long deadline = System.currentTimeMillis() + DRAIN_MILLIS;
        long stored = side.count("select count(*) from telemetry_event") - before;
        while (stored < acked && System.currentTimeMillis() < deadline) {
            Thread.sleep(100);
            stored = side.count("select count(*) from telemetry_event") - before;
        }
        return stored;
    }

    private void report(List<BrokerResult> results, HistoryComparison.Result history, int fleetSize,
                        Duration flushInterval, double loadAtStart, double loadAtEnd) {
        System.out.println();
        System.out.printf("bench ingest: %,d machines in the layout, %d publisher connections, %d s warm-up per broker, "
                        + "then %d s warm-up + %d s per phase, history flush every %d ms, %s subscriptions, %d cores, load "
                        + "average %.2f at start, %.2f at end%n", fleetSize, connections, jitWarmUp, warmUp, seconds,
                flushInterval.toMillis(), plainSubscription ? "plain" : "shared",
                Runtime.getRuntime().availableProcessors(), loadAtStart, loadAtEnd);
        JsonArray brokersJson = new JsonArray();
        for (BrokerResult result : results) {
            System.out.println();
            System.out.println("broker: " + result.broker());
            Table table = new Table("step", "offered/s", "published/s", "ingested/s", "shed", "lost", "events sent/stored",
                    "p50 ms", "p99 ms", "bare drain/s", "ingest/bare", "sustained");
            Table stageTable = new Table("step", "queued p99", "coalesced p99", "written p99 (batch)",
                    "in ingest p50", "in ingest p99", "broker+Paho p99 (approx.)");
            List<String> cpuHeader = new ArrayList<>(List.of("step"));
            for (CpuMeter.Part part : CpuMeter.Part.values()) {
                cpuHeader.add(part.label);
            }
            cpuHeader.add("total");
            Table cpuTable = new Table(cpuHeader.toArray(String[]::new));
            JsonArray stepsJson = new JsonArray();
            for (StepResult s : result.steps()) {
                cpuTable.row(cpuRow(String.format("%,d x %s Hz: ingest", s.machines(), hz(s.hz())), s.cpu()));
                cpuTable.row(cpuRow(String.format("%,d x %s Hz: bare", s.machines(), hz(s.hz())), s.bareCpu()));
                table.row(String.format("%,d x %s Hz", s.machines(), hz(s.hz())), String.format("%,.0f", s.offered()),
                        String.format("%,.0f", s.published()), String.format("%,.0f", s.ingested()), s.shed(), s.lost(),
                        s.eventsSent() + "/" + s.eventsStored(), String.format("%,.1f", s.p50Millis()),
                        String.format("%,.1f", s.p99Millis()), String.format("%,.0f", s.bare()),
                        String.format("%.2f", s.ingestVsBare()), s.sustained() ? "yes" : "no");
                StepResult.Stages st = s.stages();
                stageTable.row(String.format("%,d x %s Hz", s.machines(), hz(s.hz())), ms(st.queuedP99()),
                        ms(st.coalescedP99()), ms(st.writtenP99()), ms(st.totalP50()), ms(st.totalP99()),
                        ms(s.p99Millis() - st.totalP99()));
                stepsJson.add(stepJson(s));
            }
            table.print(System.out);
            System.out.println("ingest stages, ms (its own timers, last ~15 s of each window; publish-to-visible p99 "
                    + "minus in-ingest p99 approximates the broker's and Paho's share):");
            stageTable.print(System.out);
            System.out.println("CPU, microseconds per reading (ingest: per accepted reading over the measured window; "
                    + "bare: per reading the bare client received over its window; broker: "
                    + (result.broker().equals("mosquitto") ? "the mosquitto process"
                            : result.broker().startsWith("hivemq-process") ? "HiveMQ's own JVM"
                            : "HiveMQ, the JVM's other threads")
                    + "):");
            cpuTable.print(System.out);
            brokersJson.add(brokerJson(result).put("steps", stepsJson));
        }
        System.out.println();
        System.out.printf("history into telemetry_reading, %,d rows (%s, best of %d):%n", history.rows(),
                history.copyTool(), historyRounds);
        Table historyTable = new Table("path", "rows/s", "vs COPY", "PostgreSQL CPU us/row");
        historyTable.row("ingest history writer (BatchWriter, INSERT ... unnest, batches of "
                        + String.format("%,d", history.batchSize()) + ")",
                String.format("%,.0f", history.writer().rowsPerSecond()), String.format("%.2f", history.ratio()),
                String.format("%.2f", history.writer().postgresMicrosPerRow()));
        historyTable.row(history.copyTool() + " of the same rows", String.format("%,.0f",
                history.copy().rowsPerSecond()), "1.00", String.format("%.2f", history.copy().postgresMicrosPerRow()));
        historyTable.row("the same writer into the first layout (V20261124_0700: jsonb, btree)",
                String.format("%,.0f", history.firstLayoutWriter().rowsPerSecond()),
                String.format("%.2f", history.firstLayoutWriter().rowsPerSecond() / history.copy().rowsPerSecond()),
                String.format("%.2f", history.firstLayoutWriter().postgresMicrosPerRow()));
        historyTable.print(System.out);
        System.out.println();
        printTargets(results, history);
        JsonObject json = new JsonObject()
                .put("bench", "ingest")
                .put("machinesInLayout", fleetSize)
                .put("connections", connections)
                .put("secondsPerPhase", seconds)
                .put("warmupSeconds", warmUp)
                .put("jitWarmupSeconds", jitWarmUp)
                .put("flushMillis", flushInterval.toMillis())
                .put("sharedSubscription", !plainSubscription)
                .put("hiveMqPollBatch", hiveMqPollBatch)
                .put("readingsConnections", readingsConnections == null ? null : new JsonArray(Arrays.stream(
                        readingsConnections).boxed().toList()))
                .put("eventsPerSecond", eventsPerSecond)
                .put("cores", Runtime.getRuntime().availableProcessors())
                .put("loadAverageStart", loadAtStart)
                .put("loadAverageEnd", loadAtEnd)
                .put("brokers", brokersJson)
                .put("history", new JsonObject().put("rows", history.rows()).put("copyTool", history.copyTool())
                        .put("writerRowsPerSecond", round(history.writer().rowsPerSecond()))
                        .put("copyRowsPerSecond", round(history.copy().rowsPerSecond()))
                        .put("writerPostgresMicrosPerRow", round(history.writer().postgresMicrosPerRow()))
                        .put("copyPostgresMicrosPerRow", round(history.copy().postgresMicrosPerRow()))
                        .put("firstLayoutWriterRowsPerSecond", round(history.firstLayoutWriter().rowsPerSecond()))
                        .put("firstLayoutWriterPostgresMicrosPerRow",
                                round(history.firstLayoutWriter().postgresMicrosPerRow()))
                        .put("writerVsCopy", round(history.ratio())));
        System.out.println(json.encode());
    }

    private void printTargets(List<BrokerResult> results, HistoryComparison.Result history) {
        List<String> header = new ArrayList<>(List.of("target (issue 3)"));
        results.forEach(r -> header.add(r.broker()));
        Table targets = new Table(header.toArray(String[]::new));
        List<Object> sustained = new ArrayList<>(List.of(">= 20,000 readings/s sustained"));
        List<Object> p99 = new ArrayList<>(List.of("p99 < 50 ms at 10,000/s"));
        List<Object> bare = new ArrayList<>(List.of("ingest / bare drain >= 0.8"));
        List<Object> copy = new ArrayList<>(List.of("history / COPY >= 0.5"));
        for (BrokerResult r : results) {
            StepResult best = r.highestSustained();
            sustained.add(best == null ? "none held: no" : String.format("%,.0f/s offered, %,.0f/s ingested: %s",
                    best.offered(), best.ingested(), best.offered() >= 20_000 ? "yes" : "no"));
            StepResult at10k = r.at(10_000);
            p99.add(at10k == null ? "not run" : String.format("%,.1f ms: %s", at10k.p99Millis(),
                    at10k.p99Millis() < 50 ? "yes" : "no"));
            double ratio = r.maxIngested() / r.maxBare();
            bare.add(String.format("%,.0f / %,.0f = %.2f: %s", r.maxIngested(), r.maxBare(), ratio,
                    ratio >= 0.8 ? "yes" : "no"));
            copy.add(String.format("%.2f: %s", history.ratio(), history.ratio() >= 0.5 ? "yes" : "no"));
        }
        targets.row(sustained.toArray());
        targets.row(p99.toArray());
        targets.row(bare.toArray());
        targets.row(copy.toArray());
        targets.print(System.out);
    }

    private static JsonObject brokerJson(BrokerResult r) {
        StepResult best = r.highestSustained();
        StepResult at10k = r.at(10_000);
        return new JsonObject().put("broker", r.broker())
                .put("highestSustainedOffered", best == null ? 0 : round(best.offered()))
                .put("highestSustainedReadingsPerSecond", best == null ? 0 : round(best.ingested()))
                .put("p99MillisAt10000", at10k == null ? null : round(at10k.p99Millis()))
                .put("maxIngestedPerSecond", round(r.maxIngested()))
                .put("maxBareDrainPerSecond", round(r.maxBare()))
                .put("ingestVsBare", round(r.maxIngested() / r.maxBare()));
    }

    private static JsonObject stepJson(StepResult s) {
        return new JsonObject().put("machines", s.machines()).put("hz", s.hz()).put("offered", round(s.offered()))
                .put("published", round(s.published())).put("ingested", round(s.ingested())).put("shed", s.shed())
                .put("shedInbound", s.shedInbound()).put("rejected", s.rejected())
                .put("lost", s.lost()).put("lagGrowth", s.lagGrowth()).put("backlog", s.backlog()).put("eventsSent", s.eventsSent())
                .put("eventsStored", s.eventsStored()).put("p50Millis", round(s.p50Millis()))
                .put("p99Millis", round(s.p99Millis())).put("latencySamples", s.latencySamples())
                .put("bareDrain", round(s.bare())).put("ingestVsBare", round(s.ingestVsBare()))
                .put("stagesMillis", new JsonObject().put("queuedP99", round(s.stages().queuedP99()))
                        .put("coalescedP99", round(s.stages().coalescedP99()))
                        .put("writtenP99", round(s.stages().writtenP99()))
                        .put("inIngestP50", round(s.stages().totalP50()))
                        .put("inIngestP99", round(s.stages().totalP99())))
                .put("cpuMicrosPerReading", cpuJson(s.cpu()))
                .put("bareCpuMicrosPerReading", cpuJson(s.bareCpu()))
                .put("sustained", s.sustained());
    }

    private static Object[] cpuRow(String label, Map<CpuMeter.Part, Double> micros) {
        List<Object> row = new ArrayList<>(List.of(label));
        double total = 0;
        for (CpuMeter.Part part : CpuMeter.Part.values()) {
            double value = micros.get(part);
            total += value;
            row.add(String.format("%.1f", value));
        }
        row.add(String.format("%.1f", total));
        return row.toArray();
    }

    private static JsonObject cpuJson(Map<CpuMeter.Part, Double> micros) {
        JsonObject json = new JsonObject();
        micros.forEach((part, value) -> json.put(part.name(), round(value)));
        return json.put("TOTAL", round(micros.values().stream().mapToDouble(Double::doubleValue).sum()));
    }

    private static String ms(double millis) {
        return Double.isFinite(millis) ? String.format("%,.1f", millis) : "-";
    }

    private static String hz(double hz) {
        return hz == Math.rint(hz) ? String.valueOf((long) hz) : String.valueOf(Math.round(hz * 100) / 100.0);
    }

    private static double round(double value) {
        return Double.isFinite(value) ? Math.round(value * 100) / 100.0 : 0;
    }

    private static double loadAverage() {
        try {
            return Double.parseDouble(Files.readString(Path.of("/proc/loadavg")).split(" ")[0]);
        } catch (IOException | RuntimeException e) {
            return Double.NaN;
        }
    }

    private static void delete(Path folder) throws IOException {
        try (Stream<Path> files = Files.walk(folder)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }

    private static void progress(String message) {
        System.err.println("[bench ingest] " + message);
    }
}
