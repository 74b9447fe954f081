package org.portops.bench.qcsp;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.portops.bench.support.InstanceFiles;
import org.portops.bench.support.Table;
import org.portops.crane.QuayCranePlanner;
import org.portops.crane.qcsp.GreedyDispatcher;
import org.portops.crane.qcsp.KimParkReader;
import org.portops.crane.qcsp.QcspInstance;
import org.portops.crane.qcsp.QcspSchedule;
import org.portops.crane.qcsp.ScheduleChecker;
import org.portops.crane.qcsp.ScheduleJson;
import org.portops.crane.qcsp.ScheduleViolation;
import picocli.CommandLine.Command;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.OptionalDouble;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code ./portops bench qcsp}: the quay crane scheduling model on every {@code *.txt} instance under a folder, with
 * the same time limit per instance for every method, against the best-known makespans and a greedy baseline. Every
 * schedule, the solver's and the greedy one, passes the independent checker or the run fails.
 */
@Command(name = "qcsp", mixinStandardHelpOptions = true,
        description = "Quay crane scheduling (QCSP): Timefold vs best-known and a greedy baseline, per instance.")
public final class QcspBench implements Callable<Integer> {
    private static final Pattern NUMBER = Pattern.compile("(\\d+)");

    @Option(names = "--instances", defaultValue = "benchmarks/data/qcsp/kim_park_2004",
            description = "folder searched recursively for *.txt instances (default ${DEFAULT-VALUE})")
    Path instances;

    @Option(names = "--time-limit", defaultValue = "10", description = "seconds per instance (default ${DEFAULT-VALUE})")
    double timeLimitSeconds;

    @Option(names = "--solutions", description = "folder to write each schedule to as <instance>.json")
    Path solutions;

    @Override
    public Integer call() throws IOException {
        List<Path> files = instanceFiles();
        if (files.isEmpty()) {
            throw new IllegalArgumentException("no *.txt instance under " + instances.toAbsolutePath());
        }
        if (solutions != null) {
            Files.createDirectories(solutions);
        }
        quietSolverLogs();
        BestKnown bestKnown = BestKnown.under(instances);
        Duration limit = Duration.ofMillis(Math.round(timeLimitSeconds * 1000));
        QuayCranePlanner planner = new QuayCranePlanner(Clock.systemUTC());
        List<Result> results = new ArrayList<>();
        progress(files.size() + " instances, " + timeLimitSeconds + " s each, "
                + Runtime.getRuntime().availableProcessors() + " cores");
        for (int i = 0; i < files.size(); i++) {
            Result result = run(files.get(i), bestKnown, planner, limit);
            results.add(result);
            progress(String.format("[%d/%d] %s: %d (greedy %d%s)%s", i + 1, files.size(), result.label(),
                    result.makespan(), result.greedyMakespan(),
                    result.bestKnown() > 0 ? String.format(", best known %.0f", result.bestKnown()) : "",
                    result.violations().isEmpty() ? "" : " INVALID: " + result.violations()));
        }
        report(results);
        return results.stream().allMatch(r -> r.violations().isEmpty()) ? 0 : 1;
    }

    private Result run(Path file, BestKnown bestKnown, QuayCranePlanner planner, Duration limit) throws IOException {
        QcspInstance instance = KimParkReader.read(file);
        QcspSchedule greedy = GreedyDispatcher.schedule(instance);
        QuayCranePlanner.Plan plan = planner.plan(instance, QuayCranePlanner.PlanLimits.of(limit));
        List<String> violations = new ArrayList<>();
        ScheduleChecker.check(instance, plan.schedule()).stream().map(ScheduleViolation::message).forEach(violations::add);
        ScheduleChecker.check(instance, greedy).stream().map(v -> "greedy: " + v.message()).forEach(violations::add);
        if (solutions != null) {
            Files.writeString(solutions.resolve(instance.name() + ".json"), ScheduleJson.write(plan.schedule()) + "\n");
        }
        BestKnown.Entry known = bestKnown.of(file).orElse(null);
        return new Result(instance.name(), known == null ? "" : known.name(), instance.tasks().size(),
                instance.cranes().size(), plan.schedule().makespan(), known == null ? 0 : known.makespan(),
                plan.timeToBest(), greedy.makespan(), violations);
    }

    private List<Path> instanceFiles() throws IOException {
        return InstanceFiles.find(instances, ".txt", Comparator.comparing((Path p) -> p.getParent().toString())
                .thenComparingLong(QcspBench::firstNumber)
                .thenComparing(p -> p.getFileName().toString()));
    }

    private static long firstNumber(Path file) {
        Matcher matcher = NUMBER.matcher(file.getFileName().toString());
        return matcher.find() ? Long.parseLong(matcher.group(1)) : Long.MAX_VALUE;
    }

    private void report(List<Result> results) {
        Table table = new Table("instance", "K&P", "tasks", "cranes", "makespan", "best known", "gap %",
                "time to best s", "greedy", "greedy gap %", "check");
        for (Result r : results) {
            table.row(r.instance(), r.kimParkName().isEmpty() ? "-" : r.kimParkName(), r.tasks(), r.cranes(),
                    r.makespan(), r.bestKnown() > 0 ? String.format("%.0f", r.bestKnown()) : "-",
                    r.gapPercent().isPresent() ? String.format("%.2f", r.gapPercent().getAsDouble()) : "-",
                    String.format("%.2f", r.timeToBest().toMillis() / 1000.0), r.greedyMakespan(),
                    r.greedyGapPercent().isPresent() ? String.format("%.2f", r.greedyGapPercent().getAsDouble()) : "-",
                    r.violations().isEmpty() ? "ok" : r.violations().size() + " violations");
        }
        List<Result> listed = results.stream().filter(r -> r.bestKnown() > 0).toList();
        double averageGap = listed.stream().mapToDouble(r -> r.gapPercent().orElseThrow()).average().orElse(0);
        double averageGreedyGap = listed.stream().mapToDouble(r -> r.greedyGapPercent().orElseThrow()).average().orElse(0);
        long withinOnePercent = listed.stream().filter(r -> r.gapPercent().orElseThrow() <= 1.0 + 1e-9).count();
        double averageVsGreedy = results.stream()
                .mapToDouble(r -> 100.0 * (r.greedyMakespan() - r.makespan()) / r.greedyMakespan()).average().orElse(0);
        long invalid = results.stream().filter(r -> !r.violations().isEmpty()).count();

        System.out.println();
        System.out.printf("bench qcsp: %d instances under %s, %.1f s per instance, %d cores%n", results.size(),
                instances, timeLimitSeconds, Runtime.getRuntime().availableProcessors());
        table.print(System.out);
        System.out.printf("best known listed for %d instances: average gap %.2f %% (greedy %.2f %%), %d within 1 %%%n",
                listed.size(), averageGap, averageGreedyGap, withinOnePercent);
        System.out.printf("makespan vs greedy, all instances: %.2f %% shorter on average; schedules failing the checker: %d%n",
                averageVsGreedy, invalid);
        JsonArray rows = new JsonArray();
        results.forEach(r -> rows.add(new JsonObject()
                .put("instance", r.instance())
                .put("kimPark", r.kimParkName().isEmpty() ? null : r.kimParkName())
                .put("tasks", r.tasks())
                .put("cranes", r.cranes())
                .put("makespan", r.makespan())
                .put("bestKnown", r.bestKnown() > 0 ? r.bestKnown() : null)
                .put("gapPercent", r.gapPercent().isPresent() ? round(r.gapPercent().getAsDouble()) : null)
                .put("timeToBestSeconds", round(r.timeToBest().toMillis() / 1000.0))
                .put("greedyMakespan", r.greedyMakespan())
                .put("valid", r.violations().isEmpty())));
        System.out.println(new JsonObject()
                .put("bench", "qcsp")
                .put("instances", results.size())
                .put("timeLimitSeconds", timeLimitSeconds)
                .put("listed", listed.size())
                .put("averageGapPercent", round(averageGap))
                .put("withinOnePercent", withinOnePercent)
                .put("greedyAverageGapPercent", round(averageGreedyGap))
                .put("averageImprovementOverGreedyPercent", round(averageVsGreedy))
                .put("invalidSchedules", invalid)
                .put("results", rows)
                .encode());
    }

    private static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }

    /** Timefold logs every phase at INFO; progress lines are ours. Each parallel search registers the same gauge. */
    private static void quietSolverLogs() {
        ((Logger) LoggerFactory.getLogger("ai.timefold")).setLevel(Level.WARN);
        ((Logger) LoggerFactory.getLogger("io.micrometer")).setLevel(Level.ERROR);
    }

    private static void progress(String message) {
        System.err.println("qcsp: " + message);
    }

    private record Result(String instance, String kimParkName, int tasks, int cranes, int makespan, double bestKnown,
                          Duration timeToBest, int greedyMakespan, List<String> violations) {
        String label() {
            return kimParkName.isEmpty() ? instance : instance + " (" + kimParkName + ")";
        }

        OptionalDouble gapPercent() {
            return bestKnown > 0 ? OptionalDouble.of(100.0 * (makespan - bestKnown) / bestKnown) : OptionalDouble.empty();
        }

        OptionalDouble greedyGapPercent() {
            return bestKnown > 0 ? OptionalDouble.of(100.0 * (greedyMakespan - bestKnown) / bestKnown) : OptionalDouble.empty();
        }
    }
}
