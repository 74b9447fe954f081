package org.portops.crane.berth.solver;

import ai.timefold.solver.core.api.score.analysis.ConstraintAnalysis;
import ai.timefold.solver.core.api.score.analysis.MatchAnalysis;
import ai.timefold.solver.core.api.score.analysis.ScoreAnalysis;
import ai.timefold.solver.core.api.score.buildin.hardsoft.HardSoftScore;
import ai.timefold.solver.core.api.solver.SolutionManager;
import ai.timefold.solver.core.api.solver.Solver;
import ai.timefold.solver.core.api.solver.SolverFactory;
import ai.timefold.solver.core.config.constructionheuristic.ConstructionHeuristicPhaseConfig;
import ai.timefold.solver.core.config.localsearch.LocalSearchPhaseConfig;
import ai.timefold.solver.core.config.solver.EnvironmentMode;
import ai.timefold.solver.core.config.solver.SolverConfig;
import ai.timefold.solver.core.config.solver.termination.TerminationConfig;
import org.portops.crane.berth.Berth;
import org.portops.crane.berth.BerthInstance;
import org.portops.crane.berth.BerthPlanExplanation;
import org.portops.crane.berth.CallingVessel;

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
 * The Timefold side of berth allocation: builds the planning problem from an instance and starting sequences,
 * solves it, and explains a plan with score analysis. Only records and plain lists cross this class's boundary.
 */
public final class BerthAllocation {
    static final int MAX_SEARCHES = 2;

    private BerthAllocation() {
    }

    /** A wall-clock limit and the seed of the first search. */
    public record Limits(Duration timeLimit, long randomSeed) {
        public Limits {
            if (timeLimit.isNegative() || timeLimit.isZero()) {
                throw new IllegalArgumentException("time limit must be positive, was " + timeLimit);
            }
        }
    }

    /** The best vessel sequences found (vessel numbers per berth, indexed by berth number - 1). */
    public record Outcome(List<List<Integer>> sequences, String score, boolean feasible, Duration timeToBest) {
    }

    private record Candidate(Outcome outcome, HardSoftScore score) {
    }

    /**
     * Solves with one independent search per available core (at most {@link #MAX_SEARCHES}), each with its own seed,
     * all from the same start and within the same wall-clock limit; the best wins. Timefold Community Edition
     * searches on one thread, and independent searches end in different places, so a second search is what the
     * second core is best used for. A search stops early when it reaches the lower bound no plan can beat (every
     * vessel berths on arrival at its quickest berth).
     */
    public static Outcome solve(BerthInstance instance, List<List<Integer>> initialSequences, Limits limits, Clock clock) {
        int searches = Math.max(1, Math.min(MAX_SEARCHES, Runtime.getRuntime().availableProcessors()));
        Instant started = clock.instant();
        List<Callable<Candidate>> runs = new ArrayList<>();
        for (int i = 0; i < searches; i++) {
            long seed = limits.randomSeed() + i;
            runs.add(() -> solveOnce(instance, initialSequences, new Limits(limits.timeLimit(), seed), clock, started));
        }
        ExecutorService executor = Executors.newFixedThreadPool(searches, runnable -> {
            Thread thread = new Thread(runnable, "berth-search");
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
            throw new IllegalStateException("berth allocation interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("berth allocation failed: " + e.getCause().getMessage(), e.getCause());
        } finally {
            executor.shutdownNow();
        }
    }

    private static Candidate solveOnce(BerthInstance instance, List<List<Integer>> initialSequences, Limits limits,
                                       Clock clock, Instant started) {
        Solver<BerthSolution> solver = SolverFactory.<BerthSolution>create(solverConfig(limits, lowerBound(instance)))
                .buildSolver();
        AtomicReference<Instant> lastImprovement = new AtomicReference<>(started);
        solver.addEventListener(event -> lastImprovement.set(clock.instant()));
        BerthSolution best = solver.solve(problem(instance, initialSequences));
        HardSoftScore score = best.getScore();
        return new Candidate(new Outcome(sequences(best), score.toString(), score.isFeasible(),
                Duration.between(started, lastImprovement.get())), score);
    }

    /** No plan has a total service time below the sum of every vessel's quickest handling time. */
    static int lowerBound(BerthInstance instance) {
        return instance.vessels().stream()
                .mapToInt(vessel -> vessel.handlingTimeByBerth().values().stream().mapToInt(Integer::intValue).min().orElseThrow())
                .sum();
    }

    public static BerthPlanExplanation explain(BerthInstance instance, List<List<Integer>> sequences) {
        SolutionManager<BerthSolution, HardSoftScore> manager = SolutionManager.create(
                SolverFactory.create(solverConfig(new Limits(Duration.ofSeconds(1), 0), 0)));
        ScoreAnalysis<HardSoftScore> analysis = manager.analyze(problem(instance, sequences));
        List<BerthPlanExplanation.ConstraintCost> costs = new ArrayList<>();
        analysis.constraintMap().values().stream()
                .sorted(Comparator.comparing(c -> c.constraintRef().constraintName()))
                .forEach(constraint -> costs.add(cost(constraint)));
        return new BerthPlanExplanation(analysis.score().toString(), costs);
    }

    /** {@code stopAtServiceTime} 0: no early stop. */
    static SolverConfig solverConfig(Limits limits, int stopAtServiceTime) {
        TerminationConfig termination = new TerminationConfig().withSpentLimit(limits.timeLimit());
        if (stopAtServiceTime > 0) {
            termination.setBestScoreLimit(HardSoftScore.of(0, -stopAtServiceTime).toString());
        }
        return new SolverConfig()
                .withSolutionClass(BerthSolution.class)
                .withEntityClasses(PlannedBerth.class, PlannedVessel.class)
                .withConstraintProviderClass(BerthConstraintProvider.class)
                .withEnvironmentMode(EnvironmentMode.NO_ASSERT)
                .withRandomSeed(limits.randomSeed())
                .withTerminationConfig(termination)
                .withPhases(new ConstructionHeuristicPhaseConfig(), new LocalSearchPhaseConfig());
    }

    /** The planning problem with the berths' lists set to {@code sequences} (vessel numbers per berth). */
    public static BerthSolution problem(BerthInstance instance, List<List<Integer>> sequences) {
        int berthCount = instance.berths().size();
        List<PlannedVessel> vessels = new ArrayList<>();
        for (CallingVessel vessel : instance.vessels()) {
            int[] handling = new int[berthCount + 1];
            vessel.handlingTimeByBerth().forEach((berth, time) -> handling[berth] = time);
            vessels.add(new PlannedVessel(vessel.number(), vessel.arrival(), vessel.latestDeparture(), handling));
        }
        List<PlannedBerth> berths = new ArrayList<>();
        for (Berth spec : instance.berths()) {
            PlannedBerth berth = new PlannedBerth(spec.number(), spec.opens(), spec.closes());
            List<Integer> sequence = spec.number() <= sequences.size() ? sequences.get(spec.number() - 1) : List.of();
            List<PlannedVessel> assigned = new ArrayList<>();
            int free = berth.getOpens();
            for (int number : sequence) {
                PlannedVessel vessel = vessels.get(number - 1);
                vessel.setBerth(berth);
                vessel.setPrevious(assigned.isEmpty() ? null : assigned.getLast());
                int start = Math.max(vessel.getArrival(), Math.max(berth.getOpens(), free));
                free = start + vessel.stayAt(berth);
                vessel.setTimes(start, free);
                assigned.add(vessel);
            }
            berth.setVessels(assigned);
            berths.add(berth);
        }
        return new BerthSolution(berths, vessels);
    }

    private static List<List<Integer>> sequences(BerthSolution solution) {
        List<List<Integer>> sequences = new ArrayList<>();
        solution.getBerths().stream().sorted(Comparator.comparing(PlannedBerth::getNumber))
                .forEach(berth -> sequences.add(berth.getVessels().stream().map(PlannedVessel::getNumber).toList()));
        return sequences;
    }

    private static BerthPlanExplanation.ConstraintCost cost(ConstraintAnalysis<HardSoftScore> constraint) {
        Map<Integer, HardSoftScore> byVessel = new TreeMap<>();
        List<String> reasons = new ArrayList<>();
        List<MatchAnalysis<HardSoftScore>> matches = constraint.matches() == null ? List.of() : constraint.matches();
        for (MatchAnalysis<HardSoftScore> match : matches) {
            if (match.justification() instanceof BerthJustification justification) {
                reasons.add(justification.describe());
                byVessel.merge(justification.vessel(), match.score(), HardSoftScore::add);
            }
        }
        Map<Integer, String> scoreByVessel = new TreeMap<>();
        byVessel.forEach((vessel, score) -> scoreByVessel.put(vessel, score.toString()));
        return new BerthPlanExplanation.ConstraintCost(constraint.constraintRef().constraintName(),
                constraint.score().toString(), matches.size(), scoreByVessel, reasons);
    }
}
