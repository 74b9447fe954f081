package org.portops.app.demo;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The demo's clock: from the moment it is made it runs {@code speedUp} times as fast as the wall clock, as the
 * simulated terminal's timestamps do, so the ingest's skew check and the live yard see one time. At speed-up 1 it
 * is the system clock.
 */
public final class SimulatedClock extends Clock {

    private final Instant start;
    private final long startNanos;
    private final double speedUp;

    private SimulatedClock(Instant start, long startNanos, double speedUp) {
        this.start = start;
        this.startNanos = startNanos;
        this.speedUp = speedUp;
    }

    /** Simulated time starting at the wall clock's now; the system clock itself when {@code speedUp} is 1. */
    public static Clock startingNow(double speedUp) {
        if (speedUp == 1) {
            return Clock.systemUTC();
        }
        return new SimulatedClock(Instant.now(), System.nanoTime(), speedUp);
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }

    @Override
    public Instant instant() {
        return start.plusNanos((long) ((System.nanoTime() - startNanos) * speedUp));
    }

    @Override
    public long millis() {
        return instant().toEpochMilli();
    }
}
