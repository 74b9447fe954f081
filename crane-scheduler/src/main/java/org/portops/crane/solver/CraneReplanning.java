package org.portops.crane.solver;

import ai.timefold.solver.core.api.score.analysis.MatchAnalysis;
import ai.timefold.solver.core.api.score.analysis.ScoreAnalysis;
import ai.timefold.solver.core.api.score.buildin.hardmediumsoft.HardMediumSoftScore;
import ai.timefold.solver.core.api.score.stream.ConstraintJustification;
import ai.timefold.solver.core.api.solver.SolutionManager;
import ai.timefold.solver.core.api.solver.Solver;
import ai.timefold.solver.core.api.solver.SolverFactory;
import ai.timefold.solver.core.config.constructionheuristic.ConstructionHeuristicPhaseConfig;
import ai.timefold.solver.core.config.localsearch.LocalSearchPhaseConfig;
import ai.timefold.solver.core.config.localsearch.decider.acceptor.LocalSearchAcceptorConfig;
import ai.timefold.solver.core.config.localsearch.decider.forager.LocalSearchForagerConfig;
import ai.timefold.solver.core.config.solver.EnvironmentMode;
import ai.timefold.solver.core.config.solver.SolverConfig;
import ai.timefold.solver.core.config.solver.termination.TerminationConfig;
import org.portops.crane.qcsp.QcspInstance;
import org.portops.crane.qcsp.QuayCrane;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The Timefold side of continuous re-planning: solves a {@link Problem} (remaining tasks, each crane's sequence from
 * the last plan with its started work pinned, the last published assignments) warm from those sequences, and
 * explains a plan task by task. Only records and plain lists cross this class's boundary.
 */
public final class CraneReplanning implements AutoCloseable {
    private final SolverFactory<ReplanSolution> solverFactory;
    private final SolutionManager<ReplanSolution, HardMediumSoftScore> solutionManager;
    private final RunningReplanSolver running;
    private final AtomicLong answeredByProblemChange = new AtomicLong();

    /** Warm re-solves: a solver built per re-plan from a cached factory. */
    public CraneReplanning(Limits limits) {
        this(limits, Solving.WARM_RESOLVE);
    }

    public CraneReplanning(Limits limits, Solving solving) {
        this.solverFactory = SolverFactory.create(solverConfig(limits));
        this.solutionManager = SolutionManager.create(solverFactory);
        this.running = solving == Solving.PROBLEM_CHANGES
                ? new RunningReplanSolver(SolverFactory.create(solverConfig(limits).withDaemon(true)), limits) : null;
    }

    /**
     * How each re-plan is searched: {@code WARM_RESOLVE} builds a solver per re-plan and solves from the last plan;
     * {@code PROBLEM_CHANGES} keeps one daemon solver running and hands it each re-plan as a {@code ProblemChange}
     * ({@link RunningReplanSolver}). Both start from the same sequences under the same limits.
     */
    public enum Solving {
        WARM_RESOLVE, PROBLEM_CHANGES
    }

    /**
     * A wall-clock budget per re-plan, a shorter budget after which the search stops when the best has not
     * improved (most events change little), and a seed.
     */
    public record Limits(Duration timeLimit, Duration unimprovedLimit, long randomSeed) {
        public Limits {
            if (timeLimit.isNegative() || timeLimit.isZero()) {
                throw new IllegalArgumentException("time limit must be positive, was " + timeLimit);
            }
            if (unimprovedLimit.isNegative() || unimprovedLimit.isZero() || unimprovedLimit.compareTo(timeLimit) > 0) {
                throw new IllegalArgumentException("unimproved limit must be positive and within the time limit "
                        + timeLimit + ", was " + unimprovedLimit);
            }
        }
    }

    /**
     * One re-planning problem. {@code sequences}: task numbers per crane (index = crane number - 1), the first
     * {@code pinned.get(k)} of crane k+1 fixed; tasks in no sequence are inserted by the solver.
     */
    public record Problem(QcspInstance instance, List<List<Integer>> sequences, List<Integer> pinned,
                          List<PublishedAssignment> published) {
        public Problem {
            sequences = sequences.stream().map(List::copyOf).toList();
            pinned = List.copyOf(pinned);
            published = List.copyOf(published);
            int cranes = instance.cranes().size();
            if (sequences.size() != cranes || pinned.size() != cranes) {
                throw new IllegalArgumentException(instance.name() + ": needs a sequence and a pinned count per crane ("
                        + cranes + "), has " + sequences.size() + " and " + pinned.size());
            }
            for (int k = 0; k < cranes; k++) {
                if (pinned.get(k) < 0 || pinned.get(k) > sequences.get(k).size()) {
                    throw new IllegalArgumentException(instance.name() + ": crane " + (k + 1) + " pins "
                            + pinned.get(k) + " tasks of its " + sequences.get(k).size());
                }
            }
        }
    }

    /** The best sequences found (index = crane number - 1) and their score. */
    public record Outcome(List<List<Integer>> sequences, String score, boolean feasible) {
    }

    /** One constraint match that concerns a task: the constraint, its score and the reason in operator language. */
    public record Reason(String constraint, String score, String text) {
    }

    public Outcome solve(Problem problem) {
        if (running != null && !problem.instance().cranes().isEmpty() && !problem.instance().tasks().isEmpty()) {
            // a solver that failed or did not answer leaves the re-plan to a warm re-solve
            Optional<Outcome> outcome = running.solve(problem);
            if (outcome.isPresent()) {
                answeredByProblemChange.incrementAndGet();
                return outcome.get();
            }
        }
        Solver<ReplanSolution> solver = solverFactory.buildSolver();
        ReplanSolution best = solver.solve(solution(problem));
        return new Outcome(sequences(best), best.getScore().toString(), best.getScore().isFeasible());
    }

    /** How many re-plans the running solver answered (its first solve and every problem change after). */
    public long answeredByProblemChange() {
        return answeredByProblemChange.get();
    }

    /** Stops the running solver, if any. */
    @Override
    public void close() {
        if (running != null) {
            running.close();
        }
    }

    /** The score of a plan without solving: how the constraints judge these sequences. */
    public String score(Problem problem) {
        return solutionManager.update(solution(problem)).toString();
    }

    /** Every constraint match of the plan, by the tasks it concerns (task number → reasons, costliest first). */
    public Map<Integer, List<Reason>> reasonsByTask(Problem problem) {
        ScoreAnalysis<HardMediumSoftScore> analysis = solutionManager.analyze(solution(problem));
        Map<Integer, List<Reason>> reasons = new HashMap<>();
        analysis.constraintMap().values().forEach(constraint -> {
            List<MatchAnalysis<HardMediumSoftScore>> matches =
                    constraint.matches() == null ? List.of() : constraint.matches();
            for (MatchAnalysis<HardMediumSoftScore> match : matches) {
                Described described = describe(match.justification());
                if (described != null) {
                    Reason reason = new Reason(constraint.constraintRef().constraintName(), match.score().toString(),
                            described.text());
                    described.tasks().forEach(task -> reasons.computeIfAbsent(task, t -> new ArrayList<>()).add(reason));
                }
            }
        });
        reasons.values().forEach(list -> list.sort(
                Comparator.comparing((Reason reason) -> HardMediumSoftScore.parseScore(reason.score()))));
        return reasons;
    }

    private record Described(List<Integer> tasks, String text) {
    }

    /** The tasks a match concerns and its reason; null for a justification this planner does not make. */
    private static Described describe(ConstraintJustification justification) {
        return switch (justification) {
            case PlanStability stability -> new Described(List.of(stability.task()), stability.describe());
            case PinMoved pin -> new Described(List.of(pin.task()), pin.describe());
            case CraneJustification crane -> new Described(tasksOf(crane), crane.describe());
            default -> null;
        };
    }

    private static List<Integer> tasksOf(CraneJustification justification) {
        return switch (justification) {
            case CraneJustification.PrecedenceBroken p -> List.of(p.before(), p.after());
            case CraneJustification.BayShared b -> List.of(b.task(), b.otherTask());
            case CraneJustification.CranesTooClose c -> List.of(c.lowerTask(), c.upperTask());
            case CraneJustification.StartBayBlocked s -> List.of(s.task());
            case CraneJustification.OutOfReach o -> List.of(o.task());
            case CraneJustification.VesselCompletion v -> List.of(v.lastTask());
            case CraneJustification.CraneTravel t -> List.of(t.task());
            case CraneJustification.CraneWaiting w -> List.of(w.task());
            case CraneJustification.CraneUnavailable u -> List.of(u.task());
            case CraneJustification.CraneOutOfService o -> List.of(o.task());
        };
    }

    static SolverConfig solverConfig(Limits limits) {
        return new SolverConfig()
                .withSolutionClass(ReplanSolution.class)
                .withEntityClasses(PlannedCrane.class, PlannedTask.class)
                .withConstraintProviderClass(ReplanConstraintProvider.class)
                .withEnvironmentMode(EnvironmentMode.NO_ASSERT)
                .withRandomSeed(limits.randomSeed())
                .withTerminationConfig(new TerminationConfig().withSpentLimit(limits.timeLimit())
                        .withUnimprovedSpentLimit(limits.unimprovedLimit()))
                .withPhases(new ConstructionHeuristicPhaseConfig(), new LocalSearchPhaseConfig()
                        .withAcceptorConfig(new LocalSearchAcceptorConfig().withLateAcceptanceSize(20))
                        .withForagerConfig(new LocalSearchForagerConfig().withAcceptedCountLimit(1)));
    }

    /** The planning solution of a problem, the cranes' lists set to its sequences. */
    public static ReplanSolution solution(Problem problem) {
        QcspInstance instance = problem.instance();
        List<PlannedTask> tasks = instance.tasks().stream()
                .map(task -> new PlannedTask(task.number(), task.bay(), task.processingTime())).toList();
        PlannedCrane.QuayRules rules = new PlannedCrane.QuayRules(instance.travelTimePerBay(), instance.clearance());
        List<PlannedCrane> cranes = new ArrayList<>();
        for (QuayCrane spec : instance.cranes()) {
            int k = spec.number() - 1;
            PlannedCrane crane = new PlannedCrane(spec.number(), spec.readyTime(), spec.initialBay(),
                    new PlannedCrane.BayRange(instance.lowestBay(spec.number()), instance.highestBay(spec.number())),
                    rules);
            crane.setOutOfServiceFrom(spec.outOfServiceFrom());
            List<PlannedTask> assigned = new ArrayList<>();
            for (int number : problem.sequences().get(k)) {
                PlannedTask task = tasks.get(number - 1);
                task.setCrane(crane);
                task.setPrevious(assigned.isEmpty() ? null : assigned.getLast());
                assigned.add(task);
            }
            crane.setTasks(assigned);
            // started work is the head of the list: the search never moves it (the constraint stays as a guard)
            crane.setPinnedCount(problem.pinned().get(k));
            cranes.add(crane);
        }
        return new ReplanSolution(instance, cranes, tasks, problem.published(), pins(problem));
    }

    private static List<PinnedPlace> pins(Problem problem) {
        List<PinnedPlace> pins = new ArrayList<>();
        for (int k = 0; k < problem.sequences().size(); k++) {
            List<Integer> sequence = problem.sequences().get(k);
            for (int i = 0; i < problem.pinned().get(k); i++) {
                pins.add(new PinnedPlace(sequence.get(i), k + 1, i == 0 ? 0 : sequence.get(i - 1)));
            }
        }
        return pins;
    }

    private static List<List<Integer>> sequences(ReplanSolution solution) {
        List<List<Integer>> sequences = new ArrayList<>();
        solution.getCranes().stream().sorted(Comparator.comparing(PlannedCrane::getNumber))
                .forEach(crane -> sequences.add(crane.getTasks().stream().map(PlannedTask::getNumber).toList()));
        return sequences;
    }
}
