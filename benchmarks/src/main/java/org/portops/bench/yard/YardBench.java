package org.portops.bench.yard;

import ch.qos.logback.classic.Level;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Function;
import org.portops.bench.support.Table;
import org.portops.bench.yard.YardTraffic.Arrival;
import org.portops.model.container.ContainerCategory;
import org.portops.model.layout.TerminalLayout;
import org.portops.model.layout.TerminalLayoutLoader;
import org.portops.yard.dwell.Calibration;
import org.portops.yard.dwell.DwellFeatures;
import org.portops.yard.dwell.DwellForecast;
import org.portops.yard.dwell.DwellModel;
import org.portops.yard.dwell.DwellObservation;
import org.portops.yard.slot.Departure;
import org.portops.yard.slot.YardModel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code ./portops bench yard}: a simulated stretch of traffic at the sample terminal, replayed against the slot
 * planner, a nearest-free-slot policy and a random policy in the same run: rehandles per 1,000 retrievals, and the
 * planner's decision latency per announced container.
 */
@Command(name = "yard", mixinStandardHelpOptions = true,
        description = "Slot allocation: rehandles per 1,000 retrievals, planner (with and without dwell model) vs nearest-free-slot vs random, and decision latency.")
public final class YardBench implements Callable<Integer> {
    private static final Logger LOG = LoggerFactory.getLogger(YardBench.class);
    private static final int HISTORY_DAYS = 21;

    @Option(names = "--days", defaultValue = "7", description = "measured days (default ${DEFAULT-VALUE})")
    int days;

    @Option(names = "--warmup-days", defaultValue = "4",
            description = "days simulated first to fill the yard, not measured (default ${DEFAULT-VALUE})")
    int warmupDays;

    @Option(names = "--moves-per-call", defaultValue = "500",
            description = "imports discharged and exports loaded per vessel call, one call every 8 h (default ${DEFAULT-VALUE})")
    int movesPerCall;

    @Option(names = "--empties-per-day", defaultValue = "400", description = "empties gated in per day (default ${DEFAULT-VALUE})")
    int emptiesPerDay;

    @Option(names = "--seed", defaultValue = "1", description = "traffic seed (default ${DEFAULT-VALUE})")
    long seed;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        if (days < 1 || warmupDays < 0 || movesPerCall < 1 || emptiesPerDay < 0) {
            throw new ParameterException(spec.commandLine(), "--days and --moves-per-call must be positive, "
                    + "--warmup-days and --empties-per-day not negative");
        }
        // Timefold logs every solve at INFO: one decision per container would bury the bench's own progress lines
        ((ch.qos.logback.classic.Logger) LoggerFactory.getLogger("ai.timefold.solver")).setLevel(Level.WARN);
        TerminalLayout layout = TerminalLayoutLoader.sample();
        int total = warmupDays + days;
        List<Arrival> traffic = YardTraffic.generate(seed, layout, total, movesPerCall, emptiesPerDay);
        List<Arrival> history = YardTraffic.generate(seed + 1_000, layout, HISTORY_DAYS, movesPerCall, emptiesPerDay);
        List<Arrival> heldBack = YardTraffic.generate(seed + 2_000, layout, HISTORY_DAYS, movesPerCall, emptiesPerDay);
        Map<ContainerCategory, Duration> medians = Map.of(ContainerCategory.IMPORT, median(history, ContainerCategory.IMPORT),
                ContainerCategory.EMPTY, median(history, ContainerCategory.EMPTY));
        long trainStarted = System.nanoTime();
        DwellModel model = DwellModel.train(observations(history));
        long trainMillis = (System.nanoTime() - trainStarted) / 1_000_000;
        Calibration calibration = model.calibrate(observations(heldBack), medians);
        LOG.info("dwell model trained in {} ms on {} stays: {}", trainMillis, observations(history).size(), calibration);
        Instant measureFrom = YardTraffic.START.plus(Duration.ofDays(warmupDays));
        Instant end = YardTraffic.START.plus(Duration.ofDays(total));
        LOG.info("yard bench: {} arrivals over {} days ({} measured) at {} ({} slots)", traffic.size(), total, days,
                layout.terminalCode(), layout.capacitySlots());
        List<YardSimulation.Result> results = new ArrayList<>();
        for (String name : List.of("planner", "planner + dwell model", "nearest", "random")) {
            YardSimulation.SimClock clock = new YardSimulation.SimClock();
            Function<YardModel, YardSimulation.Policy> policy = switch (name) {
                case "planner" -> yard -> Policies.planner(yard, clock, name);
                case "planner + dwell model" -> yard -> Policies.planner(yard, clock, name);
                case "nearest" -> yard -> Policies.nearestFreeSlot(clock);
                default -> yard -> Policies.random(seed, clock);
            };
            Function<Arrival, Departure> estimate = name.equals("planner + dwell model")
                    ? modelEstimate(model) : medianEstimate(medians);
            long started = System.nanoTime();
            results.add(new YardSimulation(layout, clock, policy, estimate).run(traffic, measureFrom, end));
            LOG.info("{} done in {} s", name, (System.nanoTime() - started) / 1_000_000_000);
        }
        report(layout, traffic.size(), results, calibration, trainMillis);
        return 0;
    }

    /**
     * Without a dwell model the terminal knows an appointment or an export's loading turn; for the rest it assumes
     * the median dwell of its category, taken from the training history.
     */
    private static Function<Arrival, Departure> medianEstimate(Map<ContainerCategory, Duration> medians) {
        return arrival -> Departure.at(arrival.knownDeparture() != null ? arrival.knownDeparture()
                : arrival.arrives().plus(medians.get(arrival.container().category())));
    }

    /** With the model, the rest get the forecast's 80 % interval. */
    private static Function<Arrival, Departure> modelEstimate(DwellModel model) {
        return arrival -> {
            if (arrival.knownDeparture() != null) {
                return Departure.at(arrival.knownDeparture());
            }
            DwellForecast forecast = model.forecast(features(arrival));
            return new Departure(arrival.arrives().plus(forecast.p10()), arrival.arrives().plus(forecast.p90()));
        };
    }

    private static DwellFeatures features(Arrival arrival) {
        return DwellFeatures.of(arrival.container(), arrival.arrives(), arrival.customsHold());
    }

    /** The stays of imports and empties in a stretch of history (exports leave on their vessel: no model needed). */
    private static List<DwellObservation> observations(List<Arrival> history) {
        return history.stream().filter(a -> a.vesselCall() == null)
                .map(a -> new DwellObservation(features(a), Duration.between(a.arrives(), a.leaves()))).toList();
    }

    private static Duration median(List<Arrival> history, ContainerCategory category) {
        long[] dwell = history.stream().filter(a -> a.container().category() == category)
                .mapToLong(a -> Duration.between(a.arrives(), a.leaves()).toSeconds()).sorted().toArray();
        return Duration.ofSeconds(dwell[dwell.length / 2]);
    }

    private void report(TerminalLayout layout, int arrivals, List<YardSimulation.Result> results,
                        Calibration calibration, long trainMillis) {
        YardSimulation.Result planner = results.getFirst();
        Table table = new Table("policy", "arrivals", "no slot", "retrievals", "rehandles", "per 1,000",
                "vs planner", "decision p50 ms", "p95 ms", "p99 ms", "fill at end");
        JsonObject policies = new JsonObject();
        for (YardSimulation.Result r : results) {
            double ratio = r.rehandlesPerThousand() / planner.rehandlesPerThousand();
            table.row(r.policy(), r.arrivals(), r.noSlot(), r.retrievals(), r.rehandles(), r.rehandlesPerThousand(),
                    String.format("%.2f", ratio), millis(r, 0.50), millis(r, 0.95), millis(r, 0.99),
                    String.format("%.0f %%", 100 * r.fillAtEnd()));
            policies.put(r.policy(), new JsonObject().put("arrivals", r.arrivals()).put("no_slot", r.noSlot())
                    .put("retrievals", r.retrievals()).put("rehandles", r.rehandles())
                    .put("rehandles_per_1000", round(r.rehandlesPerThousand())).put("stuck", r.stuck())
                    .put("decision_p50_ms", millis(r, 0.50)).put("decision_p95_ms", millis(r, 0.95))
                    .put("decision_p99_ms", millis(r, 0.99)).put("fill_at_end", round(r.fillAtEnd())));
        }
        System.out.printf("bench yard: %s (%,d slots), %d measured days after %d warm-up days, %,d arrivals, seed %d%n%n",
                layout.terminalCode(), layout.capacitySlots(), days, warmupDays, arrivals, seed);
        table.print(System.out);
        System.out.printf("%ndwell model (Tribuo CART + residual quantiles), trained on %d days of history in %d ms, "
                + "scored on %d held-back stays: 80%% interval holds %.1f %% (below p10 %.1f %%, above p90 %.1f %%); "
                + "median error %.1f h vs %.1f h for the category median%n%n", HISTORY_DAYS, trainMillis,
                calibration.containers(), 100 * calibration.coverage80(), 100 * calibration.belowP10(),
                100 * calibration.aboveP90(), calibration.medianAbsErrorHours(), calibration.baselineAbsErrorHours());
        System.out.println(new JsonObject().put("bench", "yard").put("slots", layout.capacitySlots())
                .put("days", days).put("warmup_days", warmupDays).put("seed", seed).put("policies", policies)
                .put("dwell_model_vs_planner", round(results.get(1).rehandlesPerThousand() / planner.rehandlesPerThousand()))
                .put("nearest_vs_planner", round(results.get(2).rehandlesPerThousand() / planner.rehandlesPerThousand()))
                .put("random_vs_planner", round(results.get(3).rehandlesPerThousand() / planner.rehandlesPerThousand()))
                .put("dwell_calibration", new JsonObject().put("held_back_stays", calibration.containers())
                        .put("coverage_80", round(calibration.coverage80())).put("below_p10", round(calibration.belowP10()))
                        .put("above_p90", round(calibration.aboveP90()))
                        .put("median_abs_error_h", round(calibration.medianAbsErrorHours()))
                        .put("category_median_abs_error_h", round(calibration.baselineAbsErrorHours())))
                .encode());
    }

    private static double millis(YardSimulation.Result r, double q) {
        return round(r.decisions().percentileMicros(q) / 1000);
    }

    private static double round(double value) {
        return Math.round(value * 1000) / 1000.0;
    }
}
