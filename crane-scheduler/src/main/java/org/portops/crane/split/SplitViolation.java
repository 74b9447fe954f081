package org.portops.crane.split;

/** A hard rule a crane split breaks, with what broke it in words. */
public record SplitViolation(Rule rule, String detail) {
    public enum Rule {
        UNKNOWN_CRANE_OR_VESSEL, DOUBLE_BOOKED, CRANES_CROSS, GANTRY_TOO_FAST, CRANE_UNAVAILABLE, VESSEL_NOT_ALONGSIDE,
        OVER_CRANE_LIMIT, OUTSIDE_HORIZON
    }

    @Override
    public String toString() {
        return rule + ": " + detail;
    }
}
