package org.portops.vessel.api;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** Java time to and from the PostgreSQL client's {@code timestamptz}. */
public final class Times {

    private Times() {
    }

    public static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    public static Instant instant(OffsetDateTime time) {
        return time == null ? null : time.toInstant();
    }
}
