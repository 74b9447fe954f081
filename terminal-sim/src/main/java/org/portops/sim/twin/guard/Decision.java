package org.portops.sim.twin.guard;

import java.time.Duration;
import java.util.Objects;

/**
 * A planner's proposed decision: the plan it wants in force for one subject (a crane, a vehicle, a container), the
 * planner's explanation in operator language, and how much later it moves a vessel's completion (zero or negative
 * when it does not).
 *
 * @param <P> the plan type of the decision's kind
 */
public record Decision<P>(Id id, DecisionKind kind, String subject, P plan, String explanation,
                          Duration completionLater) {

    /** A decision's id, unique among the decisions one set of guardrails sees. */
    public record Id(String value) {
        public Id {
            Objects.requireNonNull(value, "decision id");
            if (value.isBlank()) {
                throw new IllegalArgumentException("a decision id must not be blank");
            }
        }
    }

    public Decision {
        Objects.requireNonNull(id, "decision id");
        Objects.requireNonNull(kind, "kind of decision " + id.value());
        Objects.requireNonNull(subject, "subject of decision " + id.value());
        Objects.requireNonNull(plan, "plan of decision " + id.value());
        Objects.requireNonNull(explanation, "explanation of decision " + id.value());
        Objects.requireNonNull(completionLater, "completion shift of decision " + id.value());
    }
}
