package org.portops.crane.dispatch;

import org.portops.model.equipment.EquipmentId;

import java.util.List;

/**
 * Why a job went to its vehicle, for the decision journal: the constraint matches it caused (each with its score
 * and its justification in operator language), and the best alternative vehicles with the score difference the
 * plan would see if the job went to each instead (at that vehicle's best place in its route; negative is worse).
 * A pinned job has no alternatives: it is not re-planned.
 */
public record DispatchDecision(TransportJobId job, EquipmentId vehicle, boolean pinned, List<Reason> reasons,
                               List<Alternative> alternatives) {
    public DispatchDecision {
        reasons = List.copyOf(reasons);
        alternatives = List.copyOf(alternatives);
    }

    /** One constraint match of this job: constraint id, its score, the justification and its text. */
    public record Reason(String constraint, String score, DispatchJustification justification) {
        public String text() {
            return justification.describe();
        }
    }

    /** Another vehicle for the job, at its best position, and what that would do to the plan's score. */
    public record Alternative(EquipmentId vehicle, int position, String scoreDifference, long hardDifference,
                              long softDifference) {
    }
}
