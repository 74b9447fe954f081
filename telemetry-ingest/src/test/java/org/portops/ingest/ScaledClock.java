package org.portops.ingest;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * Simulated time: stands at {@code start} until {@link #run()}, then runs {@code speedUp} times faster than the
 * wall clock, as the simulator's timestamps do once it runs.
 */
final class ScaledClock extends Clock {

    private final Instant start;
    private final double speedUp;
    private volatile long startNanos = -1;

    ScaledClock(Instant start, double speedUp) {
        this.start = start;
        this.speedUp = speedUp;
    }

    void run() {
        startNanos = System.nanoTime();
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
        long started = startNanos;
        return started < 0 ? start : start.plusNanos((long) ((System.nanoTime() - started) * speedUp));
    }
}
