package org.portops.bench.bap;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import com.google.ortools.sat.CpSolverStatus;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.portops.bench.support.InstanceFiles;
import org.portops.bench.support.Table;
import org.portops.crane.berth.BerthInstance;
import org.portops.crane.berth.BerthInstanceFormatException;
import org.portops.crane.berth.BerthPlan;
import org.portops.crane.berth.BerthPlanChecker;
import org.portops.crane.berth.BerthPlanJson;
import org.portops.crane.berth.BerthPlanViolation;
import org.portops.crane.berth.BerthPlanner;
import org.portops.crane.berth.FirstComeFirstServed;
import org.portops.crane.berth.LallaRuizReader;
import org.slf4j.LoggerFactory;
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
import java.util.OptionalDouble;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code ./portops bench bap}: the berth allocation model on every {@code *.txt} instance under a folder, solved by
 * Timefold, by first-come-first-served and by OR-Tools CP-SAT in the same run, Timefold and CP-SAT with the same
 * time limit and the same two cores, both starting from the first-come-first-served plan. Every plan passes the
 * independent checker, and every written solution file passes it again when read back, or the run fails.
 */
@Command(name = "bap", mixinStandardHelpOptions = true,
        description = "Berth allocation (discrete dynamic BAP): Timefold vs OR-Tools CP-SAT and first-come-first-served.")
public final class BapBench implements Callable<Integer> {
    private static final Pattern CLASS_AND_NUMBER = Pattern.compile("(.+)-(\\d+)");
    private static final int WORKERS = 2;

    @Option(names = "--instances", defaultValue = "benchmarks/data/bap/lalla_ruiz_2012",
            description = "folder searched recursively for *.txt instances (default ${DEFAULT-VALUE})")
    Path instances;

    @Option(names = "--time-limit", defaultValue = "10",
            description = "seconds per instance for each of Timefold and CP-SAT (default ${DEFAULT-VALUE})")
    double timeLimitSeconds;

    @Option(names = "--solutions", description = "folder to write each Timefold plan to as <instance>.json")
    Path solutions;

    @Spec
    CommandSpec spec;

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
            throw new ParameterException(spec.commandLine(), "--instances: no *.txt file under " + instances.toAbsolutePath());
        }
        if (solutions != null) {
            Files.createDirectories(solutions);
        }
        quietSolverLogs();
        Duration limit = Duration.ofMillis(Math.round(timeLimitSeconds * 1000));
        BerthPlanner planner = new BerthPlanner(Clock.systemUTC());
        List<Result> results = new ArrayList<>();
        List<String> unreadable = new ArrayList<>();
        progress(files.size() + " instances, " + timeLimitSeconds + " s each for Timefold and for CP-SAT, "
                + Runtime.getRuntime().availableProcessors() + " cores");
        for (int i = 0; i < files.size(); i++) {
            BerthInstance instance;
            try {
                instance = LallaRuizReader.read(files.get(i));
            } catch (BerthInstanceFormatException e) {
                // one broken file must not cost the figures of the others; the run still fails at the end
                unreadable.add(e.getMessage());
                progress(String.format("[%d/%d] skipped: %s", i + 1, files.size(), e.getMessage()));
                continue;
            }
            Result result = run(instance, planner, limit);
            results.add(result);
            progress(String.format("[%d/%d] %s: Timefold %d, CP-SAT %s %s, FCFS %d%s", i + 1, files.size(),
                    result.instance(), result.timefold(), result.cpSat() < 0 ? "-" : result.cpSat(), result.cpSatStatus(),
                    result.fcfs(), result.violations().isEmpty() ? "" : " INVALID: " + result.violations()));
        }
        report(results, unreadable);
        return unreadable.isEmpty() && results.stream().allMatch(r -> r.violations().isEmpty()) ? 0 : 1;
    }

    private Result run(BerthInstance instance, BerthPlanner planner, Duration limit) throws IOException {
        BerthPlan fcfs = FirstComeFirstServed.plan(instance);
        BerthPlanner.Plan timefold = planner.plan(instance, BerthPlanner.PlanLimits.of(limit));
        CpSatBerthModel.Outcome cpSat = CpSatBerthModel.solve(instance, limit, WORKERS, fcfs);
        List<String> violations = new ArrayList<>();
        check(instance, timefold.plan(), "Timefold", violations);
        check(instance, fcfs, "FCFS", violations);
        cpSat.plan().ifPresent(plan -> check(instance, plan, "CP-SAT", violations));
        if (solutions != null) {
            Path written = solutions.resolve(instance.name() + ".json");
            Files.writeString(written, BerthPlanJson.write(timefold.plan()) + "\n");
            check(instance, BerthPlanJson.read(Files.readString(written)), written.toString(), violations);
        }
        return new Result(instance.name(), instanceClass(instance.name()), instance.vessels().size(),
                instance.berths().size(), timefold.plan().objective(), timefold.timeToBest(), fcfs.objective(),
                cpSat.plan().map(BerthPlan::objective).orElse(-1L), cpSat.status(), Math.round(Math.ceil(cpSat.bestBound())),
                cpSat.timeToBest(), violations);
    }

    private static void check(BerthInstance instance, BerthPlan plan, String who, List<String> violations) {
        BerthPlanChecker.check(instance, plan).stream().map(BerthPlanViolation::message)
                .forEach(message -> violations.add(who + ": " + message));
    }

    /** The instance's class: its name without the trailing "-NN" (f30x3-01 is of class f30x3). */
    static String instanceClass(String name) {
        Matcher matcher = CLASS_AND_NUMBER.matcher(name);
        return matcher.matches() ? matcher.group(1) : name;
    }

    private List<Path> instanceFiles() throws IOException {
        return InstanceFiles.find(instances, ".txt", Comparator.comparing(Path::toString));
    }

    private void report(List<Result> results, List<String> unreadable) {
        Table table = new Table("instance", "vessels", "berths", "Timefold", "to best s", "FCFS", "CP-SAT",
                "CP-SAT status", "CP-SAT bound", "CP-SAT to best s", "Timefold vs CP-SAT %", "check");
        for (Result r : results) {
            table.row(r.instance(), r.vessels(), r.berths(), r.timefold(), seconds(r.timefoldTimeToBest()), r.fcfs(),
                    r.cpSat() < 0 ? "-" : r.cpSat(), r.cpSatStatus(), r.cpSat() < 0 ? "-" : r.cpSatBound(),
                    seconds(r.cpSatTimeToBest()), r.gapPercent().isPresent() ? percent(r.gapPercent().getAsDouble()) : "-",
                    r.violations().isEmpty() ? "ok" : r.violations().size() + " violations");
        }
        List<Result> proved = results.stream().filter(Result::cpSatOptimal).toList();
        long withinOnePercent = proved.stream().filter(r -> r.gapPercent().orElseThrow() <= 1.0 + 1e-9).count();
        long matched = proved.stream().filter(r -> r.timefold() == r.cpSat()).count();
        List<Result> unproved = results.stream().filter(r -> !r.cpSatOptimal()).toList();
        long better = unproved.stream().filter(r -> r.cpSat() < 0 || r.timefold() < r.cpSat()).count();
        long equal = unproved.stream().filter(r -> r.timefold() == r.cpSat()).count();
        long invalid = results.stream().filter(r -> !r.violations().isEmpty()).count();
        Table classes = classTable(results);

        System.out.println();
        System.out.printf("bench bap: %d instances under %s, %.1f s per instance for Timefold and for CP-SAT "
                + "(%d workers), %d cores%n", results.size(), instances, timeLimitSeconds, WORKERS,
                Runtime.getRuntime().availableProcessors());
        table.print(System.out);
        System.out.println();
        classes.print(System.out);
        System.out.printf("CP-SAT proved the optimum on %d instances: Timefold within 1 %% on %d, equal on %d%n",
                proved.size(), withinOnePercent, matched);
        System.out.printf("CP-SAT without proof on %d instances: Timefold better on %d, equal on %d, worse on %d%n",
                unproved.size(), better, equal, unproved.size() - better - equal);
        System.out.printf("plans failing the checker: %d; instance files that could not be read: %d%n", invalid,
                unreadable.size());
        unreadable.forEach(message -> System.out.println("  " + message));
        JsonArray rows = new JsonArray();
        results.forEach(r -> rows.add(new JsonObject()
                .put("instance", r.instance())
                .put("class", r.instanceClass())
                .put("vessels", r.vessels())
                .put("berths", r.berths())
                .put("timefold", r.timefold())
                .put("timefoldTimeToBestSeconds", round(r.timefoldTimeToBest().toMillis() / 1000.0))
                .put("fcfs", r.fcfs())
                .put("cpSat", r.cpSat() < 0 ? null : r.cpSat())
                .put("cpSatStatus", r.cpSatStatus().name())
                .put("cpSatBound", r.cpSat() < 0 ? null : r.cpSatBound())
                .put("cpSatTimeToBestSeconds", round(r.cpSatTimeToBest().toMillis() / 1000.0))
                .put("gapToCpSatPercent", r.gapPercent().isPresent() ? round(r.gapPercent().getAsDouble()) : null)
                .put("valid", r.violations().isEmpty())));
        System.out.println(new JsonObject()
                .put("bench", "bap")
                .put("instances", results.size())
                .put("timeLimitSeconds", timeLimitSeconds)
                .put("cpSatWorkers", WORKERS)
                .put("cpSatProvedOptimal", proved.size())
                .put("timefoldWithinOnePercentOfProvedOptimum", withinOnePercent)
                .put("timefoldEqualToProvedOptimum", matched)
                .put("unproved", unproved.size())
                .put("timefoldBetterThanCpSatOnUnproved", better)
                .put("timefoldEqualToCpSatOnUnproved", equal)
                .put("invalidPlans", invalid)
                .put("unreadableInstances", new JsonArray(new ArrayList<Object>(unreadable)))
                .put("results", rows)
                .encode());
    }

    /** Per class: how often CP-SAT proves optimality, and Timefold's total against CP-SAT's and FCFS's. */
    private static Table classTable(List<Result> results) {
        Map<String, List<Result>> byClass = new LinkedHashMap<>();
        results.forEach(r -> byClass.computeIfAbsent(r.instanceClass(), c -> new ArrayList<>()).add(r));
        Table table = new Table("class", "instances", "CP-SAT optimal", "Timefold total", "CP-SAT total", "FCFS total",
                "Timefold / CP-SAT", "Timefold better", "Timefold worse");
        byClass.forEach((name, rows) -> {
            boolean allSolved = rows.stream().allMatch(r -> r.cpSat() >= 0);
            long timefold = rows.stream().mapToLong(Result::timefold).sum();
            long cpSat = rows.stream().mapToLong(Result::cpSat).sum();
            table.row(name, rows.size(), rows.stream().filter(Result::cpSatOptimal).count(), timefold,
                    allSolved ? cpSat : "-", rows.stream().mapToLong(Result::fcfs).sum(),
                    allSolved ? String.format("%.4f", (double) timefold / cpSat) : "-",
                    rows.stream().filter(r -> r.cpSat() < 0 || r.timefold() < r.cpSat()).count(),
                    rows.stream().filter(r -> r.cpSat() >= 0 && r.timefold() > r.cpSat()).count());
        });
        return table;
    }

    private static String seconds(Duration duration) {
        return String.format("%.2f", duration.toMillis() / 1000.0);
    }

    private static String percent(double value) {
        return String.format("%.2f", value);
    }

    private static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }

    /** Timefold logs every phase at INFO; progress lines are ours. */
    private static void quietSolverLogs() {
        ((Logger) LoggerFactory.getLogger("ai.timefold")).setLevel(Level.WARN);
        ((Logger) LoggerFactory.getLogger("io.micrometer")).setLevel(Level.ERROR);
    }

    private static void progress(String message) {
        System.err.println("bap: " + message);
    }

    private record Result(String instance, String instanceClass, int vessels, int berths, long timefold,
                          Duration timefoldTimeToBest, long fcfs, long cpSat, CpSolverStatus cpSatStatus, long cpSatBound,
                          Duration cpSatTimeToBest, List<String> violations) {
        boolean cpSatOptimal() {
            return cpSatStatus == CpSolverStatus.OPTIMAL;
        }

        /** Timefold's total service time above CP-SAT's, in percent of CP-SAT's (negative: Timefold is better). */
        OptionalDouble gapPercent() {
            return cpSat > 0 ? OptionalDouble.of(100.0 * (timefold - cpSat) / cpSat) : OptionalDouble.empty();
        }
    }
}
