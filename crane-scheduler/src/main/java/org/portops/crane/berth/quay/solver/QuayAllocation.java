package org.portops.crane.berth.quay.solver;

import ai.timefold.solver.core.api.score.analysis.ConstraintAnalysis;
import ai.timefold.solver.core.api.score.analysis.MatchAnalysis;
import ai.timefold.solver.core.api.score.analysis.ScoreAnalysis;
import ai.timefold.solver.core.api.score.buildin.bendablelong.BendableLongScore;
import ai.timefold.solver.core.api.solver.SolutionManager;
import ai.timefold.solver.core.api.solver.Solver;
import ai.timefold.solver.core.api.solver.SolverFactory;
import ai.timefold.solver.core.config.constructionheuristic.ConstructionHeuristicPhaseConfig;
import ai.timefold.solver.core.config.localsearch.LocalSearchPhaseConfig;
import ai.timefold.solver.core.config.solver.EnvironmentMode;
import ai.timefold.solver.core.config.solver.SolverConfig;
import ai.timefold.solver.core.config.solver.termination.TerminationConfig;
import org.portops.crane.berth.quay.BerthCall;
import org.portops.crane.berth.quay.QuayBerthProblem;
import org.portops.crane.berth.quay.QuayLayout;
import org.portops.crane.berth.quay.QuaySlot;
import org.portops.model.vessel.VesselCallId;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The Timefold side of berth planning on the continuous quay: builds the planning problem from the records and a
 * starting slot per call, improves it by local search within the settings' time, and explains any plan with score
 * analysis. Only records cross this class's boundary.
 */
public final class QuayAllocation {

    private QuayAllocation() {
    }

    /** The slots found and the score, best first. */
    public record Outcome(Map<VesselCallId, QuaySlot> slots, String score) {
    }

    /** Why a plan scores as it does: per call its reasons; per constraint its total and matches. */
    public record Explanation(String score, Map<VesselCallId, List<String>> reasonsByCall, List<Total> totals) {
    }

    public record Total(String constraint, String score, int matches) {
    }

    public static Outcome solve(QuayBerthProblem problem, Map<VesselCallId, QuaySlot> start, Duration limit,
                                long randomSeed) {
        Solver<QuaySolution> solver = SolverFactory.<QuaySolution>create(solverConfig(limit, randomSeed)).buildSolver();
        QuaySolution best = solver.solve(solution(problem, start));
        return new Outcome(slots(best), best.getScore().toString());
    }

    public static Explanation explain(QuayBerthProblem problem, Map<VesselCallId, QuaySlot> slots) {
        SolutionManager<QuaySolution, BendableLongScore> manager = SolutionManager.create(
                SolverFactory.create(solverConfig(Duration.ofSeconds(1), 0)));
        ScoreAnalysis<BendableLongScore> analysis = manager.analyze(solution(problem, slots));
        Map<VesselCallId, List<String>> reasons = new LinkedHashMap<>();
        problem.calls().forEach(call -> reasons.put(call.id(), new ArrayList<>()));
        List<Total> totals = new ArrayList<>();
        analysis.constraintMap().values().stream()
                .sorted(Comparator.comparing(c -> c.constraintRef().constraintName()))
                .forEach(constraint -> {
                    List<MatchAnalysis<BendableLongScore>> matches = matches(constraint);
                    totals.add(new Total(constraint.constraintRef().constraintName(), constraint.score().toString(),
                            matches.size()));
                    for (MatchAnalysis<BendableLongScore> match : matches) {
                        if (match.justification() instanceof QuayJustification justification) {
                            justification.calls().forEach(call -> reasons.get(new VesselCallId(call))
                                    .add(constraint.constraintRef().constraintName() + ": " + justification.describe()));
                        }
                    }
                });
        return new Explanation(analysis.score().toString(), reasons, totals);
    }

    private static List<MatchAnalysis<BendableLongScore>> matches(ConstraintAnalysis<BendableLongScore> constraint) {
        return constraint.matches() == null ? List.of() : constraint.matches();
    }

    /**
     * Local search within {@code limit}, ending early after a quarter of it without a better plan: most changes move
     * one vessel, and a re-plan should not hold a core longer than it gains.
     */
    static SolverConfig solverConfig(Duration limit, long randomSeed) {
        return new SolverConfig()
                .withSolutionClass(QuaySolution.class)
                .withEntityClasses(QuayVessel.class)
                .withConstraintProviderClass(QuayConstraintProvider.class)
                .withEnvironmentMode(EnvironmentMode.NO_ASSERT)
                .withRandomSeed(randomSeed)
                .withTerminationConfig(new TerminationConfig().withSpentLimit(limit)
                        .withUnimprovedSpentLimit(limit.dividedBy(4)))
                .withPhases(new ConstructionHeuristicPhaseConfig(), new LocalSearchPhaseConfig());
    }

    /** The planning problem with every call at its slot. */
    public static QuaySolution solution(QuayBerthProblem problem, Map<VesselCallId, QuaySlot> slots) {
        QuayLayout quay = problem.quay();
        QuayRules rules = new QuayRules(quay.clearanceMeters(), quay.quayCranes(), quay.reach().railFromMeter(),
                quay.reach().railToMeter(), quay.reach().outreachMeters(), problem.settings().stabilityMinutes(),
                quay.bollardMeters(), problem.settings().mooringReachMeters());
        List<QuaySection> sections = quay.sections().stream()
                .map(s -> new QuaySection(s.berth(), s.fromMeter(), s.toMeter(), s.depthMeters())).toList();
        List<QuayVessel> vessels = new ArrayList<>();
        for (BerthCall call : problem.calls()) {
            QuayVessel vessel = vessel(problem, call);
            QuaySlot slot = slots.get(call.id());
            if (slot != null) {
                vessel.setPosition(slot.fromMeter());
                vessel.setStart(slot.startMinute());
                vessel.setCranes(slot.cranes());
            }
            vessels.add(vessel);
        }
        return new QuaySolution(rules, sections, vessels);
    }

    private static QuayVessel vessel(QuayBerthProblem problem, BerthCall call) {
        int maxCranes = problem.maxCranes(call);
        int[] stays = new int[maxCranes + 1];
        for (int cranes = 1; cranes <= maxCranes; cranes++) {
            stays[cranes] = problem.settings().stayMinutes(call.moves(), cranes);
        }
        // a vessel alongside since a moment within its ETA's minute has waited nothing, not minus a minute
        int eta = call.isAlongside() ? Math.min(problem.minute(call.eta()), problem.earliestBerthing(call))
                : problem.minute(call.eta());
        Integer published = problem.published().containsKey(call.id())
                ? problem.minute(problem.published().get(call.id())) : null;
        return new QuayVessel(
                new QuayVessel.Dimensions(call.id().value(), call.vesselName(), call.lengthMeters(), call.beamMeters(),
                        call.draftMeters()),
                new QuayVessel.Times(eta, problem.minute(call.requestedBerthing()), published,
                        problem.earliestBerthing(call), problem.latestBerthing(call)),
                stays,
                new QuayVessel.Grid(problem.settings().timeStepMinutes(),
                        problem.quay().lengthMeters() - call.lengthMeters(), problem.settings().positionStepMeters()),
                call.isAlongside());
    }

    private static Map<VesselCallId, QuaySlot> slots(QuaySolution solution) {
        Map<VesselCallId, QuaySlot> slots = new LinkedHashMap<>();
        for (QuayVessel vessel : solution.getVessels()) {
            VesselCallId id = new VesselCallId(vessel.getCall());
            slots.put(id, new QuaySlot(id, vessel.getPosition(), vessel.getStart(), vessel.getCranes()));
        }
        return slots;
    }
}
