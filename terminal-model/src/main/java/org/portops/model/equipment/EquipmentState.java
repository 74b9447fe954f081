package org.portops.model.equipment;

import java.time.Instant;
import java.util.List;
import org.portops.model.Validation;
import org.portops.model.container.ContainerNumber;

/**
 * The last known state of a machine: where it is, where it heads (degrees 0 inclusive..360 exclusive, clockwise
 * from the quay's x axis), how fast, its status, spreader, the container it carries (null when none), active
 * fault codes and when it was last heard from.
 */
public record EquipmentState(EquipmentId id, EquipmentKind kind, Position position, double headingDegrees,
                             double speedMetresPerSecond, EquipmentStatus status, Spreader spreader,
                             ContainerNumber load, List<String> faultCodes, Instant lastSeen) {

    public EquipmentState {
        Validation.notNull(id, "equipment id");
        Validation.notNull(kind, "equipment kind of " + id);
        Validation.notNull(position, "position of " + id);
        if (!Double.isFinite(headingDegrees) || headingDegrees < 0 || headingDegrees >= 360) {
            throw new IllegalArgumentException("heading of " + id + " must be 0 <= degrees < 360, was "
                    + headingDegrees);
        }
        Validation.inRange(speedMetresPerSecond, 0.0, 100.0, "speed of " + id + " in m/s");
        Validation.notNull(status, "status of " + id);
        Validation.notNull(spreader, "spreader of " + id);
        faultCodes = List.copyOf(Validation.notNull(faultCodes, "fault codes of " + id));
        Validation.notNull(lastSeen, "last seen time of " + id);
    }

    /** A machine standing idle at {@code position}, unloaded, spreader unlocked, no faults. */
    public static EquipmentState idleAt(Equipment equipment, Position position, Instant at) {
        return new EquipmentState(equipment.id(), equipment.kind(), position, 0.0, 0.0, EquipmentStatus.IDLE,
                Spreader.UNLOCKED, null, List.of(), at);
    }
}
