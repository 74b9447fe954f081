package org.portops.sim.twin.guard;

import java.util.List;
import java.util.Objects;

/** What the operator set for one kind of decision: its autonomy level and its limits. */
public record Policy(Autonomy autonomy, List<Limit> limits) {
    /** Where the operator set nothing: a planner asks first. */
    public static final Policy ASK_FIRST = new Policy(new Autonomy.AskFirst(), List.of());

    public Policy {
        Objects.requireNonNull(autonomy, "autonomy");
        limits = List.copyOf(Objects.requireNonNull(limits, "limits"));
    }
}
