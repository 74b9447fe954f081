package org.portops.app;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.portops.app.twin.TwinJson;
import org.portops.app.twin.TwinSnapshot;
import org.portops.model.layout.Inventory;
import org.portops.model.layout.SampleInventory;
import org.portops.model.layout.TerminalLayout;
import org.portops.model.layout.TerminalLayoutLoader;
import org.portops.sim.twin.Scenario;
import org.portops.sim.twin.TwinKpis;
import org.portops.sim.twin.TwinRun;
import org.portops.sim.twin.WhatIf;
import org.portops.sim.twin.WhatIfReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code portops twin}: what-if runs of the simulated terminal from the demo's starting state, the baseline and each
 * scenario side by side: a table on stdout, progress on stderr, an SVG picture with {@code --svg}, and one line of
 * JSON with every figure last on stdout.
 */
@Command(name = "twin",
        mixinStandardHelpOptions = true,
        versionProvider = PortOpsCli.ManifestVersion.class,
        description = {"Runs the simulated terminal forward from the demo's starting state, faster than real time, under",
            "each scenario and the baseline, and reports their KPIs side by side. A scenario is NAME=EVENT;EVENT...",
            "with events breakdown:QC03@1h+2h, vessel:CALL2-3h (or +90m), block-closed:A03@0s+4h,",
            "gate-surge:3@1h+2h, tractors-out:10@0s+8h. The same start, seed and scenarios give the same figures;",
            "--save-snapshot keeps the start, --snapshot runs from a kept one (or one saved from live state)."})
final class TwinCommand implements Callable<Integer> {

    private final Clock clock;

    @Spec
    private CommandSpec spec;

    @Parameters(paramLabel = "SCENARIO", arity = "0..*", description = "NAME=EVENT;EVENT... (see above)")
    private List<String> scenarios = new ArrayList<>();

    @Option(names = "--hours", defaultValue = "8", paramLabel = "HOURS",
            description = "simulated hours to run (default: 8, a shift)")
    private double hours;

    @Option(names = "--seed", defaultValue = "7", paramLabel = "SEED",
            description = "seed of the demo's starting state (not of a --snapshot) and of the simulation (default: 7)")
    private long seed;

    @Option(names = "--threads", paramLabel = "N", description = "scenarios run at once (default: the processors)")
    private Integer threads;

    @Option(names = "--svg", paramLabel = "FILE", description = "also draw the comparison as an SVG picture")
    private Path svg;

    @Option(names = "--snapshot", paramLabel = "FILE",
            description = "start from a saved twin snapshot (POST /api/twin/snapshots, --save-snapshot) instead of the demo's state")
    private Path snapshot;

    @Option(names = "--save-snapshot", paramLabel = "FILE",
            description = "also save the starting state as a twin snapshot, to run again later with --snapshot")
    private Path saveSnapshot;

    TwinCommand(Clock clock) {
        this.clock = clock;
    }

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (!(hours > 0 && hours <= 168)) {
            throw new ParameterException(spec.commandLine(), "--hours: more than 0 and at most 168, was " + hours);
        }
        List<Scenario> parsed = new ArrayList<>();
        for (String text : scenarios) {
            try {
                parsed.add(Scenario.parse(text));
            } catch (IllegalArgumentException e) {
                throw new ParameterException(spec.commandLine(), e.getMessage());
            }
        }
        TerminalLayout layout = TerminalLayoutLoader.sample();
        TwinSnapshot from = start(layout);
        if (saveSnapshot != null) {
            from.write(saveSnapshot);
            err.println("twin: starting state saved to " + saveSnapshot.toAbsolutePath());
        }
        Instant start = from.takenAt();
        Inventory inventory = from.inventory();
        int parallel = threads != null ? threads : Runtime.getRuntime().availableProcessors();
        if (parallel < 1) {
            throw new ParameterException(spec.commandLine(), "--threads: at least 1, was " + parallel);
        }
        Map<String, Integer> reported = new ConcurrentHashMap<>();
        long started = System.nanoTime();
        List<TwinKpis> results;
        try {
            results = new WhatIf(new TwinRun(layout, inventory, start, seed), parallel).compare(parsed,
                    Duration.ofSeconds(Math.round(hours * 3600)), progress -> {
                        int tenth = (int) (progress.done() * 10);
                        Integer before = reported.put(progress.scenario(), tenth);
                        if (before == null || before < tenth) {
                            err.printf(Locale.ROOT, "twin: %s %d%%%n", progress.scenario(), tenth * 10);
                        }
                    });
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        err.flush();
        out.print(WhatIfReport.table(results));
        out.printf(Locale.ROOT, "%d runs of %.1f simulated hours in %.1f s wall-clock (%.0f simulated hours per minute)%n",
                results.size(), hours, seconds, results.size() * hours / (seconds / 60));
        if (svg != null) {
            Files.writeString(svg, WhatIfReport.svg(results), StandardCharsets.UTF_8);
            out.println("picture: " + svg.toAbsolutePath());
        }
        out.println(new JsonObject().put("from", start.toString()).put("hours", hours).put("seed", seed).put("wallSeconds", seconds)
                .put("scenarios", new JsonArray(results.stream().map(TwinJson::of).toList())).encode());
        return 0;
    }

    /** The saved snapshot, or the demo's starting state (the sample inventory generated with the seed). */
    private TwinSnapshot start(TerminalLayout layout) throws IOException {
        if (snapshot == null) {
            Instant now = clock.instant().truncatedTo(ChronoUnit.MINUTES);
            return new TwinSnapshot(layout.terminalCode(), now, SampleInventory.generate(layout, seed, now));
        }
        TwinSnapshot saved;
        try {
            saved = TwinSnapshot.read(snapshot);
        } catch (IllegalArgumentException | NoSuchFileException e) {
            throw new ParameterException(spec.commandLine(), "--snapshot: " + e.getMessage());
        }
        if (!saved.terminal().equals(layout.terminalCode())) {
            throw new ParameterException(spec.commandLine(), "--snapshot: " + snapshot + " is of terminal "
                    + saved.terminal() + ", this is " + layout.terminalCode());
        }
        return saved;
    }
}
