package org.portops.bench.brp;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.portops.bench.support.InstanceFiles;
import org.portops.bench.support.Table;
import org.portops.yard.relocation.BeamSearch;
import org.portops.yard.relocation.BlocksInstance;
import org.portops.yard.relocation.CasertaReader;
import org.portops.yard.relocation.ExactSearch;
import org.portops.yard.relocation.InstanceFormatException;
import org.portops.yard.relocation.LowerBound;
import org.portops.yard.relocation.MinMaxHeuristic;
import org.portops.yard.relocation.PlanChecker;
import org.portops.yard.relocation.RelocationPlan;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.ToIntFunction;

/**
 * {@code ./portops bench brp}: the restricted blocks relocation problem (height limit H + 2) on every {@code *.dat}
 * under a folder, class = the folder's name. Per instance: lower bounds, the min-max heuristic, the beam search
 * (ours) and the exact branch and bound, beam and exact each with the same time limit. Every plan passes the
 * independent checker, and every written solution passes it again when read back, or the run fails.
 */
@Command(name = "brp", mixinStandardHelpOptions = true,
        description = "Blocks relocation (restricted, H+2) on the Caserta et al. instances: beam search vs min-max and exact B&B.")
public final class BrpBench implements Callable<Integer> {

    @Option(names = "--instances", defaultValue = "benchmarks/data/brp/caserta_cv",
            description = "folder searched recursively for *.dat instances (default ${DEFAULT-VALUE})")
    Path instances;

    @Option(names = "--time-limit", defaultValue = "1",
            description = "seconds per instance for each of the beam search and the exact search (default ${DEFAULT-VALUE}; "
                    + "420 instances stay under 15 minutes)")
    double timeLimitSeconds;

    @Option(names = "--exact-time-limit",
            description = "seconds per instance for the exact search (default: the --time-limit)")
    Double exactTimeLimitSeconds;

    @Option(names = "--rollouts",
            description = "also stop the beam search after this many rollouts per instance: a budget of work, so the "
                    + "plans do not depend on the machine's load as long as the time limit is not reached first")
    Long rollouts;

    @Option(names = "--solutions", description = "folder to write each beam-search plan to as <class>/<instance>.json")
    Path solutions;

    @Spec
    CommandSpec spec;

    record Result(String instance, String instanceClass, int lb1, int lowerBound, int heuristic, int beam, int width,
                  int optimum, List<String> violations) {
        boolean proved() {
            return optimum >= 0;
        }
    }

    @Override
    public Integer call() throws IOException {
        if (timeLimitSeconds <= 0) {
            throw new ParameterException(spec.commandLine(), "--time-limit must be positive, was " + timeLimitSeconds);
        }
        if (!Files.isDirectory(instances)) {
            throw new ParameterException(spec.commandLine(), "--instances: no folder " + instances.toAbsolutePath());
        }
        List<Path> files = instanceFiles();
        if (files.isEmpty()) {
            throw new ParameterException(spec.commandLine(), "--instances: no *.dat file under " + instances.toAbsolutePath());
        }
        if (rollouts != null && rollouts <= 0) {
            throw new ParameterException(spec.commandLine(), "--rollouts must be positive, was " + rollouts);
        }
        if (exactTimeLimitSeconds != null && exactTimeLimitSeconds <= 0) {
            throw new ParameterException(spec.commandLine(), "--exact-time-limit must be positive, was "
                    + exactTimeLimitSeconds);
        }
        Duration limit = Duration.ofMillis(Math.round(timeLimitSeconds * 1000));
        Duration exactLimit = exactTimeLimitSeconds == null ? limit
                : Duration.ofMillis(Math.round(exactTimeLimitSeconds * 1000));
        Clock clock = Clock.systemUTC();
        List<Result> results = new ArrayList<>();
        List<String> unreadable = new ArrayList<>();
        progress(files.size() + " instances, per instance " + timeLimitSeconds + " s for beam search"
                + (rollouts == null ? "" : " and at most " + rollouts + " rollouts") + ", "
                + exactLimit.toMillis() / 1000.0 + " s for exact search, " + Runtime.getRuntime().availableProcessors()
                + " cores");
        for (int i = 0; i < files.size(); i++) {
            BlocksInstance instance;
            try {
                instance = CasertaReader.read(files.get(i));
            } catch (InstanceFormatException e) {
                // one broken file must not cost the figures of the others; the run still fails at the end
                unreadable.add(e.getMessage());
                progress(String.format("[%d/%d] skipped: %s", i + 1, files.size(), e.getMessage()));
                continue;
            }
            Result r = run(instance, className(files.get(i)), clock, limit, exactLimit);
            results.add(r);
            progress(String.format("[%d/%d] %s/%s: LB %d, min-max %d, beam %d (width %d), optimum %s%s", i + 1,
                    files.size(), r.instanceClass(), r.instance(), r.lowerBound(), r.heuristic(), r.beam(), r.width(),
                    r.proved() ? r.optimum() : "-", r.violations().isEmpty() ? "" : " INVALID: " + r.violations()));
        }
        report(results, unreadable);
        return unreadable.isEmpty() && results.stream().allMatch(r -> r.violations().isEmpty()) ? 0 : 1;
    }

    private Result run(BlocksInstance instance, String instanceClass, Clock clock, Duration limit, Duration exactLimit)
            throws IOException {
        RelocationPlan heuristic = MinMaxHeuristic.solve(instance);
        BeamSearch.Result beam = new BeamSearch(clock).solve(instance, clock.instant().plus(limit),
                rollouts == null ? Long.MAX_VALUE : rollouts);
        ExactSearch.Result exact = beam.provedOptimal() ? null
                : new ExactSearch(clock).solve(instance, beam.plan(), clock.instant().plus(exactLimit));
        List<String> violations = new ArrayList<>();
        check(instance, heuristic, "min-max", violations);
        check(instance, beam.plan(), "beam", violations);
        if (exact != null) {
            check(instance, exact.plan(), "exact", violations);
        }
        int optimum = beam.provedOptimal() ? beam.plan().relocations()
                : exact.provedOptimal() ? exact.plan().relocations() : -1;
        if (solutions != null) {
            Path written = solutions.resolve(instanceClass).resolve(instance.name() + ".json");
            Files.createDirectories(written.getParent());
            Files.writeString(written, BrpSolutionJson.write(instance, beam.plan()) + "\n");
            check(instance, BrpSolutionJson.read(Files.readString(written)), written.toString(), violations);
        }
        return new Result(instance.name(), instanceClass, LowerBound.blocking(instance), LowerBound.of(instance),
                heuristic.relocations(), beam.plan().relocations(), beam.width(), optimum, violations);
    }

    private static void check(BlocksInstance instance, RelocationPlan plan, String who, List<String> violations) {
        PlanChecker.check(instance, plan).forEach(v -> violations.add(who + ": move " + v.move() + ": " + v.message()));
    }

    private String className(Path file) {
        Path parent = file.getParent();
        return parent == null || parent.equals(instances) ? instances.getFileName().toString()
                : parent.getFileName().toString();
    }

    private List<Path> instanceFiles() throws IOException {
        return InstanceFiles.find(instances, ".dat", Comparator.comparing(Path::toString));
    }

    private void report(List<Result> results, List<String> unreadable) {
        Map<String, List<Result>> byClass = new LinkedHashMap<>();
        results.stream().sorted(Comparator.comparingInt((Result r) -> tiers(r.instanceClass()))
                        .thenComparingInt(r -> stacks(r.instanceClass())))
                .forEach(r -> byClass.computeIfAbsent(r.instanceClass(), c -> new ArrayList<>()).add(r));
        Table table = new Table("class", "instances", "LB1", "LB", "min-max", "beam", "optimal proved", "optimum",
                "beam gap to opt %", "beam vs min-max %", "check");
        byClass.forEach((name, rows) -> {
            boolean allProved = rows.stream().allMatch(Result::proved);
            long beam = sum(rows, Result::beam);
            long heuristic = sum(rows, Result::heuristic);
            long optimum = sum(rows, Result::optimum);
            table.row(name, rows.size(), sum(rows, Result::lb1), sum(rows, Result::lowerBound), heuristic, beam,
                    rows.stream().filter(Result::proved).count(), allProved ? optimum : "-",
                    allProved ? percent(100.0 * (beam - optimum) / Math.max(1, optimum)) : "-",
                    percent(100.0 * (heuristic - beam) / Math.max(1, heuristic)),
                    rows.stream().allMatch(r -> r.violations().isEmpty()) ? "ok" : "INVALID");
        });
        List<Result> proved = results.stream().filter(Result::proved).toList();
        long beamOnProved = sum(proved, Result::beam);
        long optimumOnProved = sum(proved, Result::optimum);
        long matched = proved.stream().filter(r -> r.beam() == r.optimum()).count();
        long beamTotal = sum(results, Result::beam);
        long heuristicTotal = sum(results, Result::heuristic);
        long invalid = results.stream().filter(r -> !r.violations().isEmpty()).count();
        double gap = 100.0 * (beamOnProved - optimumOnProved) / Math.max(1, optimumOnProved);
        double improvement = 100.0 * (heuristicTotal - beamTotal) / Math.max(1, heuristicTotal);

        System.out.println();
        System.out.printf("bench brp: %d instances under %s, restricted BRP, height limit H+2, per instance %.1f s for "
                + "beam search%s, %.1f s for exact search, %d cores%n", results.size(), instances, timeLimitSeconds,
                rollouts == null ? "" : " and at most " + rollouts + " rollouts",
                exactTimeLimitSeconds == null ? timeLimitSeconds : exactTimeLimitSeconds,
                Runtime.getRuntime().availableProcessors());
        table.print(System.out);
        System.out.printf("optimum proved on %d instances: beam total %d vs optimum %d (gap %.2f %%), equal on %d%n",
                proved.size(), beamOnProved, optimumOnProved, gap, matched);
        System.out.printf("all instances: beam %d relocations vs min-max %d (%.2f %% fewer)%n", beamTotal,
                heuristicTotal, improvement);
        System.out.printf("plans failing the checker: %d; instance files that could not be read: %d%n", invalid,
                unreadable.size());
        unreadable.forEach(message -> System.out.println("  " + message));
        JsonArray classes = new JsonArray();
        byClass.forEach((name, rows) -> classes.add(new JsonObject()
                .put("class", name)
                .put("instances", rows.size())
                .put("lb1", sum(rows, Result::lb1))
                .put("lowerBound", sum(rows, Result::lowerBound))
                .put("minMax", sum(rows, Result::heuristic))
                .put("beam", sum(rows, Result::beam))
                .put("provedOptimal", rows.stream().filter(Result::proved).count())
                .put("optimum", rows.stream().allMatch(Result::proved) ? sum(rows, Result::optimum) : null)));
        System.out.println(new JsonObject()
                .put("bench", "brp")
                .put("variant", "restricted, max height H+2")
                .put("instances", results.size())
                .put("timeLimitSeconds", timeLimitSeconds)
                .put("exactTimeLimitSeconds", exactTimeLimitSeconds == null ? timeLimitSeconds : exactTimeLimitSeconds)
                .put("rolloutBudget", rollouts)
                .put("provedOptimal", proved.size())
                .put("beamOnProved", beamOnProved)
                .put("optimumOnProved", optimumOnProved)
                .put("gapToOptimumPercent", round(gap))
                .put("beamEqualToOptimum", matched)
                .put("beamTotal", beamTotal)
                .put("minMaxTotal", heuristicTotal)
                .put("fewerThanMinMaxPercent", round(improvement))
                .put("invalidPlans", invalid)
                .put("unreadableInstances", new JsonArray(new ArrayList<Object>(unreadable)))
                .put("classes", classes)
                .encode());
    }

    private static long sum(List<Result> rows, ToIntFunction<Result> field) {
        return rows.stream().mapToLong(field::applyAsInt).sum();
    }

    private static int tiers(String instanceClass) {
        return dimension(instanceClass, 0);
    }

    private static int stacks(String instanceClass) {
        return dimension(instanceClass, 1);
    }

    /** Classes named HxW sort by H, then W; any other name sorts last. */
    private static int dimension(String instanceClass, int index) {
        String[] parts = instanceClass.split("x");
        try {
            return parts.length == 2 ? Integer.parseInt(parts[index]) : Integer.MAX_VALUE;
        } catch (NumberFormatException e) {
            return Integer.MAX_VALUE;
        }
    }

    private static String percent(double value) {
        return String.format("%.2f", value);
    }

    private static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }

    private static void progress(String message) {
        System.err.println("brp: " + message);
    }
}
