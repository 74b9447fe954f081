package org.portops.bench.twin;

import io.vertx.core.json.JsonObject;
import org.portops.bench.support.Table;
import org.portops.model.layout.Inventory;
import org.portops.model.layout.SampleInventory;
import org.portops.model.layout.TerminalLayout;
import org.portops.model.layout.TerminalLayoutLoader;
import org.portops.sim.twin.Scenario;
import org.portops.sim.twin.TwinKpis;
import org.portops.sim.twin.TwinRun;
import org.portops.sim.twin.WhatIf;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * {@code ./portops bench twin}: how fast the what-if runs the sample terminal through one shift: simulated hours per
 * wall-clock minute for the baseline alone, then for the baseline and three scenarios side by side on every core,
 * against real time (1 simulated hour per wall-clock hour, i.e. 1/60 per minute).
 */
@Command(name = "twin", mixinStandardHelpOptions = true,
        description = "What-if speed: simulated hours per wall-clock minute for one shift of the sample terminal")
public final class TwinBench implements Callable<Integer> {

    @Option(names = "--hours", defaultValue = "8", description = "simulated hours per run (default: 8, one shift)")
    private double hours;

    @Option(names = "--seed", defaultValue = "7", description = "seed (default: 7)")
    private long seed;

    @Option(names = "--threads", description = "threads for the side-by-side run (default: the processors)")
    private Integer threads;

    @Override
    public Integer call() {
        TerminalLayout layout = TerminalLayoutLoader.sample();
        Instant start = Instant.parse("2026-11-24T06:00:00Z");
        Inventory inventory = SampleInventory.generate(layout, seed, start);
        TwinRun run = new TwinRun(layout, inventory, start, seed);
        Duration shift = Duration.ofSeconds(Math.round(hours * 3600));
        int parallel = threads != null ? threads : Runtime.getRuntime().availableProcessors();

        System.err.println("twin bench: the baseline alone");
        long t0 = System.nanoTime();
        TwinKpis alone = run.run(Scenario.BASELINE, shift, done -> { });
        double aloneSeconds = (System.nanoTime() - t0) / 1e9;

        List<Scenario> scenarios = List.of(Scenario.parse("crane-down=breakdown:QC02@1h+3h"),
                Scenario.parse("tractors-short=tractors-out:30@0s+8h"), Scenario.parse("gate-surge=gate-surge:3@2h+3h"));
        System.err.printf("twin bench: the baseline and %d scenarios on %d threads%n", scenarios.size(), parallel);
        long t1 = System.nanoTime();
        List<TwinKpis> side = new WhatIf(run, parallel).compare(scenarios, shift, progress -> { });
        double sideSeconds = (System.nanoTime() - t1) / 1e9;
        boolean same = side.getFirst().equals(alone);

        double aloneRate = hours / (aloneSeconds / 60);
        double sideRate = side.size() * hours / (sideSeconds / 60);
        new Table("run", "scenarios", "threads", "simulated h", "wall s", "simulated h / wall min", "× real time")
                .row("baseline alone", 1, 1, fmt(hours), fmt(aloneSeconds), fmt(aloneRate), fmt(aloneRate * 60))
                .row("side by side", side.size(), parallel, fmt(side.size() * hours), fmt(sideSeconds), fmt(sideRate),
                        fmt(sideRate * 60))
                .print(System.out);
        System.out.printf(Locale.ROOT, "side by side / alone: %.2f; the baseline run side by side equals the one alone: %s%n",
                sideRate / aloneRate, same);
        System.out.println(new JsonObject().put("bench", "twin").put("hours", hours).put("seed", seed)
                .put("aloneWallSeconds", aloneSeconds).put("aloneSimulatedHoursPerMinute", aloneRate)
                .put("sideBySideRuns", side.size()).put("threads", parallel).put("sideBySideWallSeconds", sideSeconds)
                .put("sideBySideSimulatedHoursPerMinute", sideRate).put("realTimeRatio", aloneRate * 60)
                .put("deterministic", same).put("baselineVesselMoves", alone.vesselMoves()).encode());
        return same ? 0 : 1;
    }

    private static String fmt(double value) {
        return String.format(Locale.ROOT, value >= 100 ? "%.0f" : "%.2f", value);
    }
}
