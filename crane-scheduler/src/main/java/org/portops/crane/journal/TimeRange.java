package org.portops.crane.journal;

import java.time.Instant;

/** From {@code from} (inclusive) to {@code to} (exclusive). */
public record TimeRange(Instant from, Instant to) {
    public TimeRange {
        if (from == null || to == null || !from.isBefore(to)) {
            throw new IllegalArgumentException("time range must have a start before its end, was " + from + " .. " + to);
        }
    }
}
