package org.portops.crane.vessel;

import java.time.Duration;
import java.time.Instant;

/**
 * How a vessel call becomes a crane scheduling problem: the plan's time 0, the cranes' safety margin in crane
 * positions, their travel time per position, the most cycles one task may hold (a task runs without a break, so
 * long groups are cut to fit between breaks and to let cranes share a busy bay in turns) and the twin-lift rule.
 */
public record VesselWorkRules(Instant planStart, int safetyMargin, Duration travelPerPosition, int maxCyclesPerTask,
                              TwinLiftRule twinLift) {

    /**
     * Two 20' containers may go up together when their weights add up to at most {@code maxCombinedKg} (the
     * spreader's twin-lift load) and differ by at most {@code maxDifferenceKg} (an unbalanced twin tilts).
     */
    public record TwinLiftRule(int maxCombinedKg, int maxDifferenceKg) {
        public static final TwinLiftRule NONE = new TwinLiftRule(0, 0);

        public boolean allows(int kilograms, int otherKilograms) {
            return kilograms + otherKilograms <= maxCombinedKg && Math.abs(kilograms - otherKilograms) <= maxDifferenceKg;
        }
    }

    public VesselWorkRules {
        if (planStart == null || travelPerPosition == null || twinLift == null) {
            throw new IllegalArgumentException("vessel work rules need a plan start, a travel time and a twin-lift rule");
        }
        if (safetyMargin < 0) {
            throw new IllegalArgumentException("safety margin must be 0 or more positions, was " + safetyMargin);
        }
        if (travelPerPosition.isNegative()) {
            throw new IllegalArgumentException("travel per position must not be negative, was " + travelPerPosition);
        }
        if (maxCyclesPerTask < 1) {
            throw new IllegalArgumentException("a task must hold 1 or more cycles, was " + maxCyclesPerTask);
        }
    }

    /** One 40' position between cranes, 60 s travel per position, tasks of at most 40 cycles, twins up to 50 t. */
    public static VesselWorkRules defaults(Instant planStart) {
        return new VesselWorkRules(planStart, 1, Duration.ofSeconds(60), 40, new TwinLiftRule(50_000, 10_000));
    }
}
