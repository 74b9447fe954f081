package org.portops.crane.solver;

import ai.timefold.solver.core.api.score.analysis.ConstraintAnalysis;
import ai.timefold.solver.core.api.score.analysis.MatchAnalysis;
import ai.timefold.solver.core.api.score.analysis.ScoreAnalysis;
import ai.timefold.solver.core.api.score.buildin.hardmediumsoft.HardMediumSoftScore;
import ai.timefold.solver.core.api.solver.Solver;
import ai.timefold.solver.core.api.solver.SolverFactory;
import ai.timefold.solver.core.api.solver.SolutionManager;
import ai.timefold.solver.core.config.constructionheuristic.ConstructionHeuristicPhaseConfig;
import ai.timefold.solver.core.config.localsearch.LocalSearchPhaseConfig;
import ai.timefold.solver.core.config.localsearch.decider.acceptor.LocalSearchAcceptorConfig;
import ai.timefold.solver.core.config.localsearch.decider.forager.LocalSearchForagerConfig;
import ai.timefold.solver.core.config.solver.EnvironmentMode;
import ai.timefold.solver.core.config.solver.SolverConfig;
import ai.timefold.solver.core.config.solver.termination.TerminationConfig;
import org.portops.crane.qcsp.FixedTask;
import org.portops.crane.qcsp.PlanExplanation;
import org.portops.crane.qcsp.QcspInstance;
import org.portops.crane.qcsp.QuayCrane;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The Timefold side of quay crane scheduling: builds the planning problem from an instance and starting sequences,
 * solves it, and explains a plan with score analysis. Only records and plain lists cross this class's boundary.
 */
public final class CraneSequencing {

    private CraneSequencing() {
    }

    /** What to solve for: a wall-clock limit, an optional makespan at which to stop early (0 = none), a seed. */
    public record Limits(Duration timeLimit, int stopAtMakespan, long randomSeed) {
        public Limits {
            if (timeLimit.isNegative() || timeLimit.isZero()) {
                throw new IllegalArgumentException("time limit must be positive, was " + timeLimit);
            }
            if (stopAtMakespan < 0) {
                throw new IllegalArgumentException("makespan to stop at must be 0 (none) or positive, was " + stopAtMakespan);
            }
        }
    }

    /** The best crane sequences found (task numbers per crane, indexed by crane number - 1). */
    public record Outcome(List<List<Integer>> sequences, String score, boolean feasible, Duration timeToBest) {
    }

    private record Candidate(Outcome outcome, HardMediumSoftScore score) {
    }

    static final int MAX_SEARCHES = 2;
    /** Late-acceptance lengths of the searches; short lists suit these small, plateau-rich landscapes. */
    private static final int[] LATE_ACCEPTANCE_SIZES = {20, 50};

    /**
     * Solves with one independent search per available core (at most {@link #MAX_SEARCHES}), each with its own seed
     * and late-acceptance length, all from the same start and within the same wall-clock limit; the best wins.
     * Timefold Community Edition searches on one thread, and late acceptance on QCSP gets stuck in different
     * places from different seeds, so a portfolio uses the second core better than a longer single run.
     */
    public static Outcome solve(QcspInstance instance, List<List<Integer>> initialSequences, Limits limits, Clock clock) {
        int searches = Math.max(1, Math.min(MAX_SEARCHES, Runtime.getRuntime().availableProcessors()));
        Instant started = clock.instant();
        List<Callable<Candidate>> runs = new ArrayList<>();
        for (int i = 0; i < searches; i++) {
            int search = i;
            runs.add(() -> solveOnce(instance, initialSequences, limits, search, clock, started));
        }
        ExecutorService executor = Executors.newFixedThreadPool(searches, runnable -> {
            Thread thread = new Thread(runnable, "qcsp-search");
            thread.setDaemon(true);
            return thread;
        });
        try {
            List<Candidate> candidates = new ArrayList<>();
            for (Future<Candidate> future : executor.invokeAll(runs)) {
                candidates.add(future.get());
            }
            return candidates.stream().min(Comparator.comparing(Candidate::score).reversed()
                    .thenComparing(candidate -> candidate.outcome().timeToBest())).orElseThrow().outcome();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("crane scheduling interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("crane scheduling failed: " + e.getCause().getMessage(), e.getCause());
        } finally {
            executor.shutdownNow();
        }
    }

    private static Candidate solveOnce(QcspInstance instance, List<List<Integer>> initialSequences, Limits limits,
                                     int search, Clock clock, Instant started) {
        SolverConfig config = solverConfig(new Limits(limits.timeLimit(), limits.stopAtMakespan(),
                limits.randomSeed() + search), LATE_ACCEPTANCE_SIZES[search % LATE_ACCEPTANCE_SIZES.length]);
        Solver<QcspSolution> solver = SolverFactory.<QcspSolution>create(config).buildSolver();
        AtomicReference<Instant> lastImprovement = new AtomicReference<>(started);
        solver.addEventListener(event -> lastImprovement.set(clock.instant()));
        QcspSolution best = solver.solve(problem(instance, initialSequences));
        HardMediumSoftScore score = best.getScore();
        return new Candidate(new Outcome(sequences(best), score.toString(), score.isFeasible(),
                Duration.between(started, lastImprovement.get())), score);
    }

    public static PlanExplanation explain(QcspInstance instance, List<List<Integer>> sequences) {
        SolutionManager<QcspSolution, HardMediumSoftScore> manager =
                SolutionManager.create(SolverFactory.create(solverConfig(new Limits(Duration.ofSeconds(1), 0, 0))));
        ScoreAnalysis<HardMediumSoftScore> analysis = manager.analyze(problem(instance, sequences));
        List<PlanExplanation.ConstraintCost> costs = new ArrayList<>();
        analysis.constraintMap().values().stream()
                .sorted(Comparator.comparing(c -> c.constraintRef().constraintName()))
                .forEach(constraint -> costs.add(cost(constraint)));
        return new PlanExplanation(analysis.score().toString(), costs);
    }

    static SolverConfig solverConfig(Limits limits) {
        return solverConfig(limits, LATE_ACCEPTANCE_SIZES[0]);
    }

    static SolverConfig solverConfig(Limits limits, int lateAcceptanceSize) {
        TerminationConfig termination = new TerminationConfig().withSpentLimit(limits.timeLimit());
        if (limits.stopAtMakespan() > 0) {
            termination.setBestScoreLimit(HardMediumSoftScore.of(0, -limits.stopAtMakespan(), Integer.MIN_VALUE).toString());
        }
        return new SolverConfig()
                .withSolutionClass(QcspSolution.class)
                .withEntityClasses(PlannedCrane.class, PlannedTask.class)
                .withConstraintProviderClass(QcspConstraintProvider.class)
                .withEnvironmentMode(EnvironmentMode.NO_ASSERT)
                .withRandomSeed(limits.randomSeed())
                .withTerminationConfig(termination)
                .withPhases(new ConstructionHeuristicPhaseConfig(), new LocalSearchPhaseConfig()
                        .withAcceptorConfig(new LocalSearchAcceptorConfig().withLateAcceptanceSize(lateAcceptanceSize))
                        .withForagerConfig(new LocalSearchForagerConfig().withAcceptedCountLimit(1)));
    }

    /**
     * The planning problem with the cranes' lists set to {@code sequences} (task numbers per crane). Fixed tasks go
     * first in their crane's list, in start order, pinned; a fixed task listed elsewhere is moved there.
     */
    public static QcspSolution problem(QcspInstance instance, List<List<Integer>> sequences) {
        List<PlannedTask> tasks = instance.tasks().stream()
                .map(task -> new PlannedTask(task.number(), task.bay(), task.processingTime())).toList();
        PlannedCrane.QuayRules rules = new PlannedCrane.QuayRules(instance.travelTimePerBay(), instance.clearance());
        List<PlannedCrane> cranes = new ArrayList<>();
        for (QuayCrane spec : instance.cranes()) {
            PlannedCrane crane = new PlannedCrane(spec.number(), spec.readyTime(), spec.initialBay(),
                    new PlannedCrane.BayRange(instance.lowestBay(spec.number()), instance.highestBay(spec.number())), rules);
            crane.setOutOfServiceFrom(spec.outOfServiceFrom());
            List<Integer> sequence = withFixedFirst(instance, spec.number(),
                    spec.number() <= sequences.size() ? sequences.get(spec.number() - 1) : List.of());
            List<PlannedTask> assigned = new ArrayList<>();
            for (int number : sequence) {
                PlannedTask task = tasks.get(number - 1);
                task.setCrane(crane);
                task.setPrevious(assigned.isEmpty() ? null : assigned.getLast());
                assigned.add(task);
            }
            crane.setTasks(assigned);
            crane.setPinnedCount((int) instance.fixed().stream().filter(f -> f.crane() == spec.number()).count());
            cranes.add(crane);
        }
        return new QcspSolution(instance, cranes, tasks);
    }

    private static List<Integer> withFixedFirst(QcspInstance instance, int crane, List<Integer> sequence) {
        List<Integer> ordered = new ArrayList<>(instance.fixed().stream().filter(f -> f.crane() == crane)
                .sorted(Comparator.comparingInt(FixedTask::start)).map(FixedTask::task).toList());
        sequence.stream().filter(task -> instance.fixedTask(task) == null).forEach(ordered::add);
        return ordered;
    }

    private static List<List<Integer>> sequences(QcspSolution solution) {
        List<List<Integer>> sequences = new ArrayList<>();
        solution.getCranes().stream().sorted(Comparator.comparing(PlannedCrane::getNumber))
                .forEach(crane -> sequences.add(crane.getTasks().stream().map(PlannedTask::getNumber).toList()));
        return sequences;
    }

    private static PlanExplanation.ConstraintCost cost(ConstraintAnalysis<HardMediumSoftScore> constraint) {
        Map<Integer, HardMediumSoftScore> byCrane = new TreeMap<>();
        List<String> reasons = new ArrayList<>();
        List<MatchAnalysis<HardMediumSoftScore>> matches = constraint.matches() == null ? List.of() : constraint.matches();
        for (MatchAnalysis<HardMediumSoftScore> match : matches) {
            if (match.justification() instanceof CraneJustification justification) {
                reasons.add(justification.describe());
                justification.cranes().forEach(crane -> byCrane.merge(crane, match.score(), HardMediumSoftScore::add));
            }
        }
        Map<Integer, String> scoreByCrane = new TreeMap<>();
        byCrane.forEach((crane, score) -> scoreByCrane.put(crane, score.toString()));
        return new PlanExplanation.ConstraintCost(constraint.constraintRef().constraintName(), constraint.score().toString(),
                matches.size(), scoreByCrane, reasons);
    }
}
