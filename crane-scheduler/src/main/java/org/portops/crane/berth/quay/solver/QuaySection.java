package org.portops.crane.berth.quay.solver;

/** A stretch of quay wall with its water depth, as a problem fact; {@code berth} "-" where no berth is. */
public record QuaySection(String berth, int fromMeter, int toMeter, double depthMeters) {

    public boolean under(QuayVessel vessel) {
        return fromMeter < vessel.getTo() && vessel.getPosition() < toMeter;
    }
}
