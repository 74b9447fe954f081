package org.portops.ingest.state;

import org.portops.model.equipment.EquipmentKind;
import org.portops.model.equipment.EquipmentState;
import org.portops.model.equipment.EquipmentStatus;
import org.portops.model.equipment.Spreader;
import org.portops.model.telemetry.StateReading;

/** Maps accepted readings to the live equipment state. */
public final class EquipmentStates {

    private EquipmentStates() {
    }

    /** The machine's state as the reading reports it; a machine without a spreader shows an unlocked one. */
    public static EquipmentState from(StateReading reading, EquipmentKind registered) {
        return new EquipmentState(reading.machineId(), registered, reading.position(), reading.headingDegrees(),
                reading.speedMetresPerSecond(), reading.status(),
                reading.spreader() == null ? Spreader.UNLOCKED : reading.spreader(), reading.load(),
                reading.faultCodes(), reading.timestamp());
    }

    /** The same state marked OFFLINE and standing still; where and when it was last heard stays. */
    public static EquipmentState offline(EquipmentState state) {
        return new EquipmentState(state.id(), state.kind(), state.position(), state.headingDegrees(), 0.0,
                EquipmentStatus.OFFLINE, state.spreader(), state.load(), state.faultCodes(), state.lastSeen());
    }
}
