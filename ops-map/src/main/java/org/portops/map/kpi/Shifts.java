package org.portops.map.kpi;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;

/**
 * The terminal's working shifts: back to back, {@code length} each, one of them starting at {@code firstStart} in
 * {@code zone} every day (06:00, 14:00, 22:00 for 8-h shifts from 06:00).
 */
public record Shifts(LocalTime firstStart, Duration length, ZoneId zone) {

    /** Three shifts of 8 h from 06:00 UTC. */
    public static final Shifts DEFAULT = new Shifts(LocalTime.of(6, 0), Duration.ofHours(8), ZoneId.of("UTC"));

    public Shifts {
        if (firstStart == null || length == null || zone == null) {
            throw new IllegalArgumentException("shifts need a first start, a length and a time zone");
        }
        if (length.isNegative() || length.isZero() || Duration.ofDays(1).toMillis() % length.toMillis() != 0) {
            throw new IllegalArgumentException("shifts must divide the day evenly, a shift of " + length
                    + " does not");
        }
    }

    /** When the shift running at {@code at} began. */
    public Instant startOf(Instant at) {
        Instant start = at.atZone(zone).toLocalDate().atTime(firstStart).atZone(zone).toInstant();
        while (start.isAfter(at)) {
            start = start.minus(length);
        }
        while (!start.plus(length).isAfter(at)) {
            start = start.plus(length);
        }
        return start;
    }
}
