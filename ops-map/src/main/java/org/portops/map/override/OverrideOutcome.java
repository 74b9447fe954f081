package org.portops.map.override;

import java.util.List;

/** What became of an override, as the operator sees it; every outcome is in the audit trail. */
public sealed interface OverrideOutcome {

    /** The crane scheduler re-planned with the move on the crane and published the plan of this version. */
    record Accepted(long planVersion) implements OverrideOutcome {
    }

    /**
     * The override changed nothing, for these reasons.
     *
     * @param refusal why, as a kind the HTTP edge maps to a status
     */
    record Refused(Refusal refusal, List<String> reasons) implements OverrideOutcome {
        public Refused {
            reasons = List.copyOf(reasons);
        }
    }

    enum Refusal {
        /** The crane scheduler has no plan holding the move (not a crane move, done, or its call left). */
        UNKNOWN_MOVE,
        /** The crane scheduler refused the plan the override would make (its hard constraints, with their reasons). */
        REFUSED_BY_PLAN,
        /** The request was not one the crane scheduler could read. */
        INVALID,
        /** No crane scheduler runs on this node's event bus. */
        NO_SCHEDULER
    }
}
