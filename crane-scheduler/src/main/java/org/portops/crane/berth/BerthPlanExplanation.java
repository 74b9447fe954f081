package org.portops.crane.berth;

import java.util.List;
import java.util.Map;

/**
 * Why a berth plan scores as it does: per constraint its total, and per vessel what it costs and why, in operator
 * language.
 */
public record BerthPlanExplanation(String score, List<ConstraintCost> constraints) {
    public BerthPlanExplanation {
        constraints = List.copyOf(constraints);
    }

    public record ConstraintCost(String constraint, String score, int matches, Map<Integer, String> scoreByVessel,
                                 List<String> reasons) {
        public ConstraintCost {
            scoreByVessel = Map.copyOf(scoreByVessel);
            reasons = List.copyOf(reasons);
        }
    }
}
