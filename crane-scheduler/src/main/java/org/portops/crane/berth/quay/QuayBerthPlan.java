package org.portops.crane.berth.quay;

import org.portops.model.vessel.VesselCallId;

import java.util.List;
import java.util.Optional;

/**
 * A berth plan on the continuous quay: a placement per call, the conflicts the independent checker finds in it
 * (none for a plan that keeps every rule), its score (hard, then time in port with the stability cost, then
 * deviation from the requested berthing, then crane moves between vessels) and the total per constraint.
 */
public record QuayBerthPlan(List<QuayPlacement> placements, List<QuayConflict> conflicts, String score,
                            List<ConstraintTotal> totals) {

    /** A constraint's total over the plan and its number of matches. */
    public record ConstraintTotal(String constraint, String score, int matches) {
    }

    public QuayBerthPlan {
        placements = List.copyOf(placements);
        conflicts = List.copyOf(conflicts);
        totals = List.copyOf(totals);
    }

    public Optional<QuayPlacement> placement(VesselCallId call) {
        return placements.stream().filter(p -> p.call().equals(call)).findFirst();
    }

    public boolean feasible() {
        return conflicts.isEmpty();
    }
}
