package org.portops.model.quay;

import org.portops.model.Validation;

/** A berth: a stretch of quay wall from {@code startMeter} to {@code endMeter} with its water depth. */
public record Berth(BerthId id, double startMeter, double endMeter, double waterDepthMeters) {

    public Berth {
        Validation.notNull(id, "berth id");
        if (!Double.isFinite(startMeter) || !Double.isFinite(endMeter) || startMeter < 0 || startMeter >= endMeter) {
            throw new IllegalArgumentException("berth " + id + " must have 0 <= start < end, was " + startMeter
                    + ".." + endMeter + " m");
        }
        Validation.positive(waterDepthMeters, "water depth of berth " + id);
    }

    public double length() {
        return endMeter - startMeter;
    }

    /** Whether the two berths share more than a boundary point. */
    public boolean overlaps(Berth other) {
        return startMeter < other.endMeter && other.startMeter < endMeter;
    }

    @Override
    public String toString() {
        return id + " (" + startMeter + ".." + endMeter + " m)";
    }
}
