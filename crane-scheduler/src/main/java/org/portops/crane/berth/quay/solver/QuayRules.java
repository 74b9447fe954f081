package org.portops.crane.berth.quay.solver;

/**
 * The quay-wide facts the constraints need: the clearance between vessels, the quay cranes and their rail and
 * outreach, the cranes homed along the rail (for crane moves) and the stability cost of moving a published time.
 */
public record QuayRules(int clearanceMeters, int quayCranes, int railFromMeter, int railToMeter, double outreachMeters,
                        int stabilityMinutes) {

    /** As {@code org.portops.crane.berth.quay.QuayLayout#cranesHomedWithin}: cranes spread evenly along the rail. */
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
