package org.portops.yard.slot.solver;

import ai.timefold.solver.core.api.score.analysis.ConstraintAnalysis;
import ai.timefold.solver.core.api.score.analysis.MatchAnalysis;
import ai.timefold.solver.core.api.score.analysis.ScoreAnalysis;
import ai.timefold.solver.core.api.score.buildin.hardsoft.HardSoftScore;
import ai.timefold.solver.core.api.solver.SolutionManager;
import ai.timefold.solver.core.api.solver.SolverFactory;
import ai.timefold.solver.core.config.constructionheuristic.ConstructionHeuristicPhaseConfig;
import ai.timefold.solver.core.config.localsearch.LocalSearchPhaseConfig;
import ai.timefold.solver.core.config.solver.EnvironmentMode;
import ai.timefold.solver.core.config.solver.SolverConfig;
import ai.timefold.solver.core.config.solver.termination.TerminationConfig;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.portops.model.container.ContainerNumber;
import org.portops.yard.slot.YardBox;

/**
 * The Timefold side of slot allocation: one small problem per decision (the announced containers, each with its
 * pre-filtered slot options), solved, then explained with score analysis. Only records cross this class's boundary.
 *
 * <p>A single container is solved by the construction heuristic alone: it tries every option, so it is exact. Several
 * containers at once (a bay-plan batch) interact — one cell, segregation, crane workload — so local search follows,
 * stopped after {@link #UNIMPROVED_MILLIS} ms without improvement or {@link #SPENT_MILLIS} ms in all.
 */
public final class SlotAllocation {
    static final long UNIMPROVED_MILLIS = 30;
    static final long SPENT_MILLIS = 300;

    private static final SolverFactory<SlotSolution> SINGLE = SolverFactory.create(config(false));
    private static final SolverFactory<SlotSolution> BATCH = SolverFactory.create(config(true));
    private static final SolutionManager<SlotSolution, HardSoftScore> ANALYSIS = SolutionManager.create(SINGLE);

    private SlotAllocation() {
    }

    /** A container of the decision with its slot options. */
    public record Request(YardBox box, List<SlotOption> options) {
        public Request {
            options = List.copyOf(options);
            if (options.isEmpty()) {
                throw new IllegalArgumentException(box.number() + " has no slot option to choose from");
            }
        }
    }

    /** A container's chosen option and the reasons its score carries, one line per constraint match. */
    public record Choice(ContainerNumber container, SlotOption option, List<String> reasons) {
    }

    /** The choices, the score of the whole decision, and whether it keeps every hard rule. */
    public record Outcome(List<Choice> choices, String score, boolean feasible) {
    }

    public static Outcome solve(List<Request> requests) {
        List<ArrivingContainer> arrivals = requests.stream().map(SlotAllocation::entity).toList();
        SolverFactory<SlotSolution> factory = arrivals.size() == 1 ? SINGLE : BATCH;
        SlotSolution best = factory.buildSolver().solve(new SlotSolution(new ArrayList<>(arrivals)));
        return explain(best);
    }

    private static ArrivingContainer entity(Request request) {
        YardBox box = request.box();
        return new ArrivingContainer(box.number(), box.length(), box.kilograms(), box.reefer(), box.imdg(),
                box.group(), box.departure(), request.options());
    }

    /** Scores a solution constraint by constraint and hands every match's reason to the container it is about. */
    static Outcome explain(SlotSolution solution) {
        ScoreAnalysis<HardSoftScore> analysis = ANALYSIS.analyze(solution);
        Map<ContainerNumber, List<String>> reasons = new HashMap<>();
        for (ConstraintAnalysis<HardSoftScore> constraint : analysis.constraintMap().values()) {
            List<MatchAnalysis<HardSoftScore>> matches = constraint.matches() == null ? List.of() : constraint.matches();
            for (MatchAnalysis<HardSoftScore> match : matches) {
                if (match.justification() instanceof SlotJustification j && !match.score().isZero()) {
                    reasons.computeIfAbsent(j.container(), c -> new ArrayList<>())
                            .add(constraint.constraintRef().constraintName() + " " + match.score() + ": " + j.describe());
                }
            }
        }
        Map<ContainerNumber, Choice> choices = new LinkedHashMap<>();
        for (ArrivingContainer a : solution.getArrivals()) {
            choices.put(a.getNumber(), new Choice(a.getNumber(), a.getOption(),
                    List.copyOf(reasons.getOrDefault(a.getNumber(), List.of()))));
        }
        // a batch stopped by its time limit before construction ended leaves containers without a slot
        boolean everyOnePlaced = solution.getArrivals().stream().allMatch(a -> a.getOption() != null);
        return new Outcome(List.copyOf(choices.values()), analysis.score().toString(),
                everyOnePlaced && analysis.score().isFeasible());
    }

    private static SolverConfig config(boolean batch) {
        SolverConfig config = new SolverConfig()
                .withSolutionClass(SlotSolution.class)
                .withEntityClasses(ArrivingContainer.class)
                .withConstraintProviderClass(SlotConstraintProvider.class)
                .withEnvironmentMode(EnvironmentMode.NO_ASSERT)
                .withRandomSeed(0L);
        if (!batch) {
            return config.withPhases(new ConstructionHeuristicPhaseConfig());
        }
        return config.withTerminationConfig(new TerminationConfig()
                        .withUnimprovedMillisecondsSpentLimit(UNIMPROVED_MILLIS)
                        .withMillisecondsSpentLimit(SPENT_MILLIS))
                .withPhases(new ConstructionHeuristicPhaseConfig(), new LocalSearchPhaseConfig());
    }
}
