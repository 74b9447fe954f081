package org.portops.crane.berth.quay;

import org.portops.crane.berth.quay.solver.QuayAllocation;
import org.portops.model.vessel.VesselCallId;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Berth planning on the continuous quay: vessels alongside stay where they lie; the others start from the given
 * slots (the last plan's, where still on the grid) or first fit; Timefold local search improves position, berthing
 * time and cranes within the settings' time; the result carries each placement's explanation and the independent
 * checker's conflicts.
 */
public final class QuayBerthPlanner {

    private QuayBerthPlanner() {
    }

    public static QuayBerthPlan plan(QuayBerthProblem problem, Map<VesselCallId, QuaySlot> previous, long randomSeed) {
        Map<VesselCallId, QuaySlot> kept = new LinkedHashMap<>();
        for (BerthCall call : problem.calls()) {
            QuaySlot slot = previous.get(call.id());
            if (!call.isAlongside() && slot != null && problem.onGrid(call, slot)) {
                kept.put(call.id(), slot);
            }
        }
        Map<VesselCallId, QuaySlot> start = FirstFitQuayPlacement.place(problem, kept);
        boolean anythingToPlan = problem.calls().stream().anyMatch(call -> !call.isAlongside());
        Map<VesselCallId, QuaySlot> slots = anythingToPlan
                ? QuayAllocation.solve(problem, start, problem.settings().solveTime(), randomSeed).slots()
                : start;
        return planOf(problem, EarlierBerthing.compact(problem, slots));
    }

    /** The plan these slots make: timed, explained and checked. */
    public static QuayBerthPlan planOf(QuayBerthProblem problem, Map<VesselCallId, QuaySlot> slots) {
        QuayAllocation.Explanation explanation = QuayAllocation.explain(problem, slots);
        List<QuayPlacement> placements = placementsOf(problem, slots).stream()
                .map(p -> p.explained(withMooring(problem.quay(), p, explanation.reasonsByCall().get(p.call()))))
                .toList();
        List<QuayBerthPlan.ConstraintTotal> totals = explanation.totals().stream()
                .map(t -> new QuayBerthPlan.ConstraintTotal(t.constraint(), t.score(), t.matches())).toList();
        return new QuayBerthPlan(placements, QuayPlanChecker.check(problem, placements), explanation.score(), totals);
    }

    /** The reasons, and where the vessel makes its lines fast when the quay has bollards. */
    private static List<String> withMooring(QuayLayout quay, QuayPlacement p, List<String> reasons) {
        List<String> all = new ArrayList<>(reasons);
        quay.mooring(p.fromMeter(), p.toMeter()).ifPresent(mooring -> all.add("Bollards: " + p.call() + " lies from "
                + p.fromMeter() + " m to " + p.toMeter() + " m, its lines fast from bollard " + mooring.fore().id()
                + " (" + meters(mooring.fore().meter()) + " m) to bollard " + mooring.aft().id() + " ("
                + meters(mooring.aft().meter()) + " m)"));
        return all;
    }

    private static String meters(double meter) {
        return meter == Math.rint(meter) ? String.valueOf((long) meter) : String.valueOf(meter);
    }

    /** The placements these slots make, timed, without explanation. */
    static List<QuayPlacement> placementsOf(QuayBerthProblem problem, Map<VesselCallId, QuaySlot> slots) {
        List<QuayPlacement> placements = new ArrayList<>();
        for (BerthCall call : problem.calls()) {
            QuaySlot slot = slots.get(call.id());
            int end = slot.startMinute() + problem.settings().stayMinutes(call.moves(), slot.cranes());
            placements.add(new QuayPlacement(call.id(), call.vesselName(), slot.fromMeter(),
                    slot.fromMeter() + call.lengthMeters(), problem.instant(slot.startMinute()), problem.instant(end),
                    slot.cranes(), call.isAlongside(), List.of()));
        }
        return placements;
    }

    /** The slots of a plan in the problem's terms, for the next plan to start from. */
    public static Map<VesselCallId, QuaySlot> slotsOf(QuayBerthProblem problem, QuayBerthPlan plan) {
        Map<VesselCallId, QuaySlot> slots = new LinkedHashMap<>();
        plan.placements().forEach(p -> slots.put(p.call(), new QuaySlot(p.call(), p.fromMeter(),
                problem.minute(p.berthing()), p.cranes())));
        return slots;
    }
}
