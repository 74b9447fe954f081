package org.portops.yard.slot;

import java.time.Instant;
import org.portops.model.Validation;

/**
 * When a container is expected to leave the yard, as a window: exactly known (an export's loading turn, a pickup
 * appointment) or likely between {@code earliest} and {@code latest} (a dwell forecast's 80 % interval). Burying
 * compares the new container's {@code latest} with the {@code earliest} of those below, so a container is stacked
 * on another only when it is likely to be gone first.
 */
public record Departure(Instant earliest, Instant latest) {

    public Departure {
        Validation.notNull(earliest, "earliest departure");
        Validation.notNull(latest, "latest departure");
        if (latest.isBefore(earliest)) {
            throw new IllegalArgumentException("latest departure " + latest + " is before the earliest " + earliest);
        }
    }

    /**
     * How likely this container leaves after {@code other}, from the two windows alone: 0 when it is sure to be
     * gone first (its latest before the other's earliest), 1 when sure to leave after (its earliest after the other's
     * latest), linear in the gap between the windows' middles in between. Two exact times give 0 or 1 (0 when equal).
     */
    public double chanceLeavesAfter(Departure other) {
        long width = seconds(this) + seconds(other);
        double gap = (middle(this) - middle(other));
        if (width == 0) {
            return gap > 0 ? 1 : 0;
        }
        return Math.max(0, Math.min(1, 0.5 + gap / width));
    }

    private static long seconds(Departure d) {
        return d.latest.getEpochSecond() - d.earliest.getEpochSecond();
    }

    private static double middle(Departure d) {
        return (d.earliest.getEpochSecond() + d.latest.getEpochSecond()) / 2.0;
    }

    /** A departure known to the minute. */
    public static Departure at(Instant instant) {
        return new Departure(instant, instant);
    }
}
