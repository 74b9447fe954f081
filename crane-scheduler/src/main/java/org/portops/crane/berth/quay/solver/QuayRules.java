package org.portops.crane.berth.quay.solver;

import org.portops.crane.berth.quay.QuayLayout;

/**
 * The quay-wide facts the constraints need: the clearance between vessels, the quay cranes and their rail and
 * outreach, the cranes homed along the rail (for crane moves), the stability cost of moving a published time, and
 * the bollards (in order; none: mooring is not checked) with how far from each end of a vessel one may stand.
 */
public record QuayRules(int clearanceMeters, int quayCranes, int railFromMeter, int railToMeter, double outreachMeters,
                        int stabilityMinutes, double[] bollardMeters, int mooringReachMeters) {

    /** A quay without bollards. */
    public QuayRules(int clearanceMeters, int quayCranes, int railFromMeter, int railToMeter, double outreachMeters,
                     int stabilityMinutes) {
        this(clearanceMeters, quayCranes, railFromMeter, railToMeter, outreachMeters, stabilityMinutes, new double[0],
                0);
    }

    /** How far a vessel lying from {@code fromMeter} to {@code toMeter} is from a bollard at each end. */
    public QuayLayout.MooringShortfall mooringShortfall(int fromMeter, int toMeter) {
        return QuayLayout.mooringShortfall(bollardMeters, fromMeter, toMeter, mooringReachMeters);
    }

    /**
     * How many quay cranes have their home stretch of rail within {@code fromMeter..toMeter}: the cranes are spread
     * evenly along the rail, crane k (1-based) at rail from + (k - 1/2) x rail length / cranes. A vessel worked by
     * more cranes than that takes cranes from its neighbours' stretches: those are the crane moves between vessels.
     */
    public int cranesHomedWithin(int fromMeter, int toMeter) {
        int railLength = railToMeter - railFromMeter;
        int count = 0;
        for (int k = 1; k <= quayCranes; k++) {
            double home = railFromMeter + (k - 0.5) * railLength / quayCranes;
            if (fromMeter <= home && home < toMeter) {
                count++;
            }
        }
        return count;
    }
}
