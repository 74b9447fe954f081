package org.portops.crane.berth.quay;

import org.portops.model.vessel.VesselCallId;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The polish after the search: berthing time is a planning variable here (on the discrete quay a listener times each
 * berth's order), and a random search can leave a vessel later than it need be. In order of berthing, each vessel not
 * alongside moves to the earliest time on its grid where, at the same place with the same cranes, it keeps clearance
 * and the quay's crane count, as long as that lowers the score: time in port falls by the minutes gained, and the
 * stability cost of moving a published time must be less than that. A plan with conflicts is left as it is.
 */
public final class EarlierBerthing {

    private EarlierBerthing() {
    }

    public static Map<VesselCallId, QuaySlot> compact(QuayBerthProblem problem, Map<VesselCallId, QuaySlot> slots) {
        Map<VesselCallId, BerthCall> calls = new LinkedHashMap<>();
        problem.calls().forEach(call -> calls.put(call.id(), call));
        Map<VesselCallId, QuaySlot> result = new LinkedHashMap<>(slots);
        if (!QuayPlanChecker.check(problem, QuayBerthPlanner.placementsOf(problem, result)).isEmpty()) {
            return result;
        }
        boolean moved = true;
        while (moved) {
            moved = false;
            List<QuaySlot> byBerthing = result.values().stream()
                    .filter(slot -> !calls.get(slot.call()).isAlongside())
                    .sorted(Comparator.comparingInt(QuaySlot::startMinute)).toList();
            for (QuaySlot slot : byBerthing) {
                QuaySlot earlier = earliestBetter(problem, calls, result, slot);
                if (earlier != null) {
                    result.put(slot.call(), earlier);
                    moved = true;
                }
            }
        }
        return result;
    }

    private static QuaySlot earliestBetter(QuayBerthProblem problem, Map<VesselCallId, BerthCall> calls,
                                           Map<VesselCallId, QuaySlot> slots, QuaySlot slot) {
        BerthCall call = calls.get(slot.call());
        int step = problem.settings().timeStepMinutes();
        for (int start = problem.earliestBerthing(call); start < slot.startMinute(); start += step) {
            QuaySlot candidate = new QuaySlot(slot.call(), slot.fromMeter(), start, slot.cranes());
            if (movingCost(problem, call, candidate) - movingCost(problem, call, slot)
                    >= slot.startMinute() - start) {
                continue;
            }
            Map<VesselCallId, QuaySlot> trial = new LinkedHashMap<>(slots);
            trial.put(slot.call(), candidate);
            if (QuayPlanChecker.check(problem, QuayBerthPlanner.placementsOf(problem, trial)).isEmpty()) {
                return candidate;
            }
        }
        return null;
    }

    /** As the constraint "Published berthing time moved" weighs it. */
    private static int movingCost(QuayBerthProblem problem, BerthCall call, QuaySlot slot) {
        if (!problem.published().containsKey(call.id())) {
            return 0;
        }
        int published = problem.minute(problem.published().get(call.id()));
        return slot.startMinute() == published ? 0
                : problem.settings().stabilityMinutes() + Math.abs(slot.startMinute() - published) / 4;
    }
}
