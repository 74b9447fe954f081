package org.portops.crane.dispatch;

import java.time.Duration;

/**
 * How the dispatcher plans: the rolling horizon (only moves due within it are planned in detail; later ones wait
 * for a later re-plan), the wall-clock budget for improving the plan once every job has a vehicle, how long it may
 * go without improving before it stops early, and its random seed.
 */
public record DispatchSettings(Duration horizon, Duration timeLimit, Duration unimprovedLimit, long randomSeed) {

    public static final DispatchSettings DEFAULTS =
            new DispatchSettings(Duration.ofMinutes(30), Duration.ofMillis(500), Duration.ofMillis(120), 0);

    public DispatchSettings {
        positive(horizon, "horizon");
        positive(timeLimit, "time limit");
        positive(unimprovedLimit, "unimproved time limit");
        if (unimprovedLimit.compareTo(timeLimit) > 0) {
            throw new IllegalArgumentException("dispatch unimproved time limit " + unimprovedLimit
                    + " must not exceed the time limit " + timeLimit + " (swapped?)");
        }
    }

    public DispatchSettings withHorizon(Duration horizon) {
        return new DispatchSettings(horizon, timeLimit, unimprovedLimit, randomSeed);
    }

    public DispatchSettings withTimeLimit(Duration timeLimit, Duration unimprovedLimit) {
        return new DispatchSettings(horizon, timeLimit, unimprovedLimit, randomSeed);
    }

    public DispatchSettings withSeed(long randomSeed) {
        return new DispatchSettings(horizon, timeLimit, unimprovedLimit, randomSeed);
    }

    private static void positive(Duration duration, String what) {
        if (duration == null || duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException("dispatch " + what + " must be positive, was " + duration);
        }
    }
}
