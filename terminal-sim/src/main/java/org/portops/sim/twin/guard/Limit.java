package org.portops.sim.twin.guard;

import java.time.Duration;
import java.util.Objects;

/**
 * A bound on what a planner may decide alone. A decision that would cross one is escalated: it waits for an
 * operator's approval whatever the autonomy level, with the limit it crossed as the reason.
 */
public sealed interface Limit {

    /** At most one applied decision of the kind for the same subject within {@code period} (a crane reassigned). */
    record OncePer(Duration period) implements Limit {
        public OncePer {
            Objects.requireNonNull(period, "period");
            if (period.isNegative() || period.isZero()) {
                throw new IllegalArgumentException("a limit's period must be longer than 0, was " + period);
            }
        }
    }

    /** A decision that moves a vessel's completion later by more than {@code threshold}. */
    record CompletionLaterThan(Duration threshold) implements Limit {
        public CompletionLaterThan {
            Objects.requireNonNull(threshold, "threshold");
            if (threshold.isNegative()) {
                throw new IllegalArgumentException("a completion threshold must not be negative, was " + threshold);
            }
        }
    }
}
