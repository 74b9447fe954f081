package org.portops.crane.split.solver;

import ai.timefold.solver.core.api.score.analysis.ConstraintAnalysis;
import ai.timefold.solver.core.api.score.analysis.MatchAnalysis;
import ai.timefold.solver.core.api.score.analysis.ScoreAnalysis;
import ai.timefold.solver.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;
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
import org.portops.crane.split.SplitCrane;
import org.portops.crane.split.SplitPlanGrid;
import org.portops.crane.split.SplitProblem;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.IntFunction;

/**
 * Solves a crane split with Timefold: one {@link CraneSlot} per crane and slot, the vessel as its planning
 * variable. What goes in and out is a {@link SplitPlanGrid} (vessel index per crane and slot), never the planning
 * classes.
 */
public final class CraneSplitting {

    private static final int LATE_ACCEPTANCE_SIZE = 50;

    private CraneSplitting() {
    }

    /**
     * @param unimprovedSteps when above 0, the search also ends after this many local-search steps in a row without a
     *                        better split: a count, not a time, so a busy machine finds the same split as a quiet one
     *                        (as long as {@code timeLimit} does not come first)
     */
    public record Limits(Duration timeLimit, long randomSeed, EnvironmentMode mode, long unimprovedSteps) {
        public Limits(Duration timeLimit, long randomSeed, EnvironmentMode mode) {
            this(timeLimit, randomSeed, mode, 0);
        }

        public static Limits of(Duration timeLimit, long seed) {
            return new Limits(timeLimit, seed, EnvironmentMode.NO_ASSERT);
        }

        public static Limits of(Duration timeLimit, long seed, long unimprovedSteps) {
            return new Limits(timeLimit, seed, EnvironmentMode.NO_ASSERT, unimprovedSteps);
        }
    }

    public record Outcome(SplitPlanGrid grid, String score, boolean feasible) {
    }

    /** A constraint's total cost and its matches in operator language, each with the cranes and vessels it names. */
    public record Match(String constraint, String score, SplitJustification justification) {
    }

    public record Analysis(String score, List<Match> matches, List<String> totals) {
    }

    public static Outcome solve(SplitProblem problem, Limits limits) {
        boolean warm = !problem.previous().isEmpty();
        Solver<SplitSolution> solver = SolverFactory.<SplitSolution>create(config(limits, warm)).buildSolver();
        SplitSolution best = solver.solve(problem(problem, null));
        HardMediumSoftLongScore score = best.getScore();
        return new Outcome(grid(problem, best), score.toString(), score.isFeasible());
    }

    public static Analysis analyze(SplitProblem problem, SplitPlanGrid grid, IntFunction<String> clock) {
        SolutionManager<SplitSolution, HardMediumSoftLongScore> manager = SolutionManager.create(
                SolverFactory.create(config(Limits.of(Duration.ofSeconds(1), 0), false)));
        ScoreAnalysis<HardMediumSoftLongScore> analysis = manager.analyze(problem(problem, grid));
        List<Match> matches = new ArrayList<>();
        List<String> totals = new ArrayList<>();
        analysis.constraintMap().values().stream()
                .sorted(Comparator.comparing(c -> c.constraintRef().constraintName()))
                .forEach(constraint -> {
                    totals.add(constraint.constraintRef().constraintName() + ": " + constraint.score());
                    matches.addAll(matches(constraint));
                });
        return new Analysis(analysis.score().toString(), matches, totals);
    }

    private static List<Match> matches(ConstraintAnalysis<HardMediumSoftLongScore> constraint) {
        List<Match> matches = new ArrayList<>();
        if (constraint.matches() == null) {
            return matches;
        }
        for (MatchAnalysis<HardMediumSoftLongScore> match : constraint.matches()) {
            if (match.justification() instanceof SplitJustification justification) {
                matches.add(new Match(constraint.constraintRef().constraintName(), match.score().toString(), justification));
            }
        }
        return matches;
    }

    /** A re-plan starts from the split in force ({@code warm}), so the search leaves it only for a better score. */
    static SolverConfig config(Limits limits, boolean warm) {
        SolverConfig config = new SolverConfig()
                .withSolutionClass(SplitSolution.class)
                .withEntityClasses(CraneSlot.class)
                .withConstraintProviderClass(SplitConstraintProvider.class)
                .withEnvironmentMode(limits.mode())
                .withRandomSeed(limits.randomSeed())
                .withTerminationConfig(new TerminationConfig().withSpentLimit(limits.timeLimit()));
        // short late-acceptance lists: long ones wander far from a good split and rarely come back in a few seconds
        LocalSearchPhaseConfig localSearch = new LocalSearchPhaseConfig()
                .withAcceptorConfig(new LocalSearchAcceptorConfig().withLateAcceptanceSize(LATE_ACCEPTANCE_SIZE))
                .withForagerConfig(new LocalSearchForagerConfig().withAcceptedCountLimit(1));
        if (limits.unimprovedSteps() > 0) {
            localSearch.setTerminationConfig(new TerminationConfig()
                    .withUnimprovedStepCountLimit((int) limits.unimprovedSteps()));
        }
        return warm ? config.withPhases(localSearch)
                : config.withPhases(new ConstructionHeuristicPhaseConfig(), localSearch);
    }

    /**
     * The planning problem: every slot set from {@code grid} when given (to explain a split), else from the split in
     * force when re-planning, else left for the solver; slots started before a re-plan are pinned to the split in
     * force either way.
     */
    public static SplitSolution problem(SplitProblem problem, SplitPlanGrid grid) {
        List<RailCrane> cranes = new ArrayList<>();
        for (int k = 0; k < problem.cranes().size(); k++) {
            SplitCrane crane = problem.cranes().get(k);
            cranes.add(new RailCrane(k, crane, problem.unavailability(crane)));
        }
        List<BerthedVessel> vessels = new ArrayList<>();
        for (int v = 0; v < problem.vessels().size(); v++) {
            vessels.add(BerthedVessel.of(v, problem.vessels().get(v), problem.maxCranesPerVessel(), problem.horizonEnd(),
                    problem.fallbackCyclesPerSecond()));
        }
        SplitPlanGrid inForce = problem.previous().isEmpty() ? null : SplitPlanGrid.of(problem, problem.previous());
        List<CraneSlot> slots = new ArrayList<>();
        for (RailCrane crane : cranes) {
            slots.add(new CraneSlot(crane, -1, 0, 0, true, valueAt(vessels, problem.startVessel(crane.crane()))));
            BerthedVessel[] waitingFor = inForce == null ? null : waitingFor(inForce, vessels, crane.index(),
                    problem.horizonSlots());
            for (int t = 0; t < problem.horizonSlots(); t++) {
                int start = t * problem.slotSeconds();
                boolean started = inForce != null && start < problem.now();
                BerthedVessel planned = inForce == null ? null : valueAt(vessels, inForce.vessel(crane.index(), t));
                if (started && planned != null && planned.vessel().berthing() > start) {
                    // the vessel's berthing moved past this slot: nobody worked it then, whatever the old split said
                    planned = null;
                }
                BerthedVessel value = started ? planned : grid != null ? valueAt(vessels, grid.vessel(crane.index(), t))
                        : keepsToTheNewTimes(planned, crane, start, start + problem.slotSeconds()) ? planned : null;
                CraneSlot slot = new CraneSlot(crane, t, start, start + problem.slotSeconds(), started, value);
                slots.add(inForce == null ? slot : slot.replanning(planned, waitingFor[t]));
            }
        }
        if (inForce != null && grid == null) {
            startWaitingCranesEarlier(slots, cranes.size(), problem.horizonSlots());
        }
        return new SplitSolution(cranes, vessels, slots);
    }

    /** Per slot, the vessel crane {@code k} goes to next in the split in force after idling there (null if none). */
    private static BerthedVessel[] waitingFor(SplitPlanGrid inForce, List<BerthedVessel> vessels, int k, int horizon) {
        BerthedVessel[] next = new BerthedVessel[horizon];
        BerthedVessel ahead = null;
        for (int t = horizon - 1; t >= 0; t--) {
            BerthedVessel here = valueAt(vessels, inForce.vessel(k, t));
            next[t] = here == null ? ahead : null;
            ahead = here == null ? ahead : here;
        }
        return next;
    }

    /**
     * The re-plan's starting point: a crane the split in force leaves idle until it goes to a vessel that is now
     * alongside earlier (it arrived early) works that vessel from then on, slot by slot back from its turn there, as
     * long as the crane is available, the vessel alongside and the cranes of that slot keep rail order and the vessel's
     * crane limit. Without it the search must find, by chance, each idle slot to fill, which a busy machine's few
     * hundred milliseconds do not (the arriving vessel got no crane at all). The search still leaves this start for
     * anything better.
     */
    private static void startWaitingCranesEarlier(List<CraneSlot> slots, int craneCount, int horizon) {
        CraneSlot[][] cells = new CraneSlot[craneCount][horizon];
        for (CraneSlot slot : slots) {
            if (slot.getSlot() >= 0) {
                cells[slot.craneIndex()][slot.getSlot()] = slot;
            }
        }
        for (int k = 0; k < craneCount; k++) {
            for (int t = 1; t < horizon; t++) {
                BerthedVessel next = cells[k][t].getVessel();
                if (next == null || cells[k][t - 1].getVessel() != null) {
                    continue;
                }
                for (int before = t - 1; before >= 0; before--) {
                    CraneSlot idle = cells[k][before];
                    if (idle.isPinned() || idle.getVessel() != null || !canWork(cells, before, k, next)) {
                        break;
                    }
                    idle.setVessel(next);
                }
            }
        }
    }

    /** Whether crane {@code k} may work {@code vessel} in slot {@code t} with the other cranes where they are. */
    private static boolean canWork(CraneSlot[][] cells, int t, int k, BerthedVessel vessel) {
        CraneSlot cell = cells[k][t];
        if (vessel.vessel().berthing() > cell.getStart()
                || cell.getCrane().unavailableMinutes(cell.getStart(), cell.getEnd()) > 0) {
            return false;
        }
        int first = k;
        int last = k;
        for (int j = 0; j < cells.length; j++) {
            BerthedVessel other = cells[j][t].getVessel();
            if (j == k || other == null) {
                continue;
            }
            if (j < k ? other.index() > vessel.index() : other.index() < vessel.index()) {
                return false;
            }
            if (other.equals(vessel)) {
                first = Math.min(first, j);
                last = Math.max(last, j);
            }
        }
        return last - first + 1 <= vessel.limit();
    }

    /**
     * Whether the split in force can stay in a slot as the re-plan's starting point: not once the vessel berths
     * later or the crane is out then; the search starts from a split that keeps every hard rule the times allow.
     */
    private static boolean keepsToTheNewTimes(BerthedVessel planned, RailCrane crane, int start, int end) {
        return planned != null && planned.vessel().berthing() <= start && crane.unavailableMinutes(start, end) == 0;
    }

    private static BerthedVessel valueAt(List<BerthedVessel> vessels, int index) {
        return index == SplitPlanGrid.IDLE ? null : vessels.get(index);
    }

    private static SplitPlanGrid grid(SplitProblem problem, SplitSolution solution) {
        int[][] cells = new int[problem.cranes().size()][problem.horizonSlots()];
        for (CraneSlot slot : solution.getSlots()) {
            if (slot.getSlot() >= 0) {
                cells[slot.craneIndex()][slot.getSlot()] = slot.getVessel() == null ? SplitPlanGrid.IDLE
                        : slot.getVessel().index();
            }
        }
        return new SplitPlanGrid(cells);
    }
}
