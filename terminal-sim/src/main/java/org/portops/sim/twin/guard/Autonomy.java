package org.portops.sim.twin.guard;

import java.time.Duration;
import java.util.Objects;

/** How far a planner may act alone on a kind of decision. */
public sealed interface Autonomy {

    /** The decision takes effect at once; it stays in the audit trail. */
    record Automatic() implements Autonomy {
    }

    /**
     * The decision takes effect at once, and an operator may veto it within {@code window}: the veto puts the plan
     * it replaced back. Acting at once keeps the terminal moving; the window is the operator's chance to overrule.
     */
    record UnlessVetoed(Duration window) implements Autonomy {
        public UnlessVetoed {
            Objects.requireNonNull(window, "veto window");
            if (window.isNegative() || window.isZero()) {
                throw new IllegalArgumentException("a veto window must be longer than 0, was " + window);
            }
        }
    }

    /** The decision waits for an operator's approval; until then the plan in force stays. */
    record AskFirst() implements Autonomy {
    }
}
