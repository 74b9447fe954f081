package org.portops.ingest.check;

import java.time.Duration;
import org.portops.ingest.check.MachineTracks.Motion;
import org.portops.model.equipment.EquipmentId;
import org.portops.model.equipment.EquipmentKind;
import org.portops.model.equipment.KindLimits;
import org.portops.model.layout.TerminalBounds;

/**
 * Physical plausibility of a reported motion against the kind's {@link KindLimits} and the terminal's bounds.
 * The margins absorb sensor noise and rounding, not attacks: a real speedometer reads a few percent high, GNSS
 * positions wander by a metre or two, and speeds are sampled at reading time, not averaged.
 */
final class Plausibility {

    /** Reported speed may exceed the data-sheet top speed by this factor. */
    static final double SPEED_MARGIN = 1.10;
    /** Speed changes may exceed the data-sheet acceleration by this factor plus {@link #ACCELERATION_SLACK}. */
    static final double ACCELERATION_MARGIN = 1.5;
    static final double ACCELERATION_SLACK = 0.05;
    /** Position noise allowed on top of the distance the top speed covers. */
    static final double POSITION_NOISE_METRES = 2.5;

    private final TerminalBounds bounds;

    Plausibility(TerminalBounds bounds) {
        this.bounds = bounds;
    }

    /** The first implausibility of {@code now} after {@code previous} (which may be null), or null. */
    Rejection check(EquipmentId machine, EquipmentKind kind, Motion previous, Motion now) {
        KindLimits limits = KindLimits.of(kind);
        double maxSpeed = limits.maxSpeedMetresPerSecond() * SPEED_MARGIN;
        if (!bounds.inside(now.position())) {
            return new Rejection.OutsideTerminal(machine, now.position(), bounds);
        }
        if (now.speed() > maxSpeed) {
            return new Rejection.SpeedAboveLimit(machine, kind, now.speed(), limits.maxSpeedMetresPerSecond());
        }
        if (previous == null) {
            return null;
        }
        double seconds = Duration.between(previous.at(), now.at()).toNanos() / 1e9;
        if (seconds <= 0) {
            return null;
        }
        double distance = Math.hypot(now.position().x() - previous.position().x(),
                now.position().y() - previous.position().y());
        if (distance > maxSpeed * seconds + POSITION_NOISE_METRES) {
            return new Rejection.Teleport(machine, kind, previous.position(), now.position(), seconds,
                    limits.maxSpeedMetresPerSecond());
        }
        double acceleration = Math.abs(now.speed() - previous.speed()) / seconds;
        if (acceleration > limits.maxAccelerationMetresPerSecond2() * ACCELERATION_MARGIN + ACCELERATION_SLACK) {
            return new Rejection.AccelerationAboveLimit(machine, kind, acceleration,
                    limits.maxAccelerationMetresPerSecond2());
        }
        return null;
    }
}
