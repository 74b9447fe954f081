package org.portops.crane.qcsp;

import java.util.List;
import java.util.Map;

/**
 * Why a crane plan scores what it scores: per constraint its total, its number of matches, what it costs each crane
 * and each match in operator language.
 */
public record PlanExplanation(String score, List<ConstraintCost> constraints) {
    public PlanExplanation {
        constraints = List.copyOf(constraints);
    }

    /** One constraint's share of the score. */
    public record ConstraintCost(String constraint, String score, int matches, Map<Integer, String> scoreByCrane,
                                 List<String> reasons) {
        public ConstraintCost {
            scoreByCrane = Map.copyOf(scoreByCrane);
            reasons = List.copyOf(reasons);
        }
    }

    public List<String> constraintNames() {
        return constraints.stream().map(ConstraintCost::constraint).toList();
    }
}
