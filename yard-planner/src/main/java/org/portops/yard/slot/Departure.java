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

    /** A departure known to the minute. */
    public static Departure at(Instant instant) {
        return new Departure(instant, instant);
    }
}
