package org.portops.model.equipment;

/**
 * Motion limits of each machine kind, which the simulator honours and the ingest checks readings against: the top
 * speed of the machine's body over the ground (gantry travel for cranes, driving for vehicles) and its largest
 * acceleration or braking, both from manufacturers' data sheets of common models.
 */
public record KindLimits(double maxSpeedMetresPerSecond, double maxAccelerationMetresPerSecond2) {

    public static KindLimits of(EquipmentKind kind) {
        return switch (kind) {
            case QUAY_CRANE -> new KindLimits(0.75, 0.3);
            case RTG -> new KindLimits(2.2, 0.4);
            case RMG, ASC -> new KindLimits(3.0, 0.4);
            case TERMINAL_TRACTOR -> new KindLimits(9.7, 1.0);
            case STRADDLE_CARRIER -> new KindLimits(8.3, 0.8);
            case AGV -> new KindLimits(6.0, 0.5);
            case REACH_STACKER -> new KindLimits(7.0, 0.7);
        };
    }
}
