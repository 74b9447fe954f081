package org.portops.model.telemetry;

import java.time.Instant;
import org.portops.model.equipment.EquipmentId;

/** An action the machine {@code machineId} performs at once, on its {@code instantActions} topic. */
public record InstantAction(EquipmentId machineId, long sequence, Instant timestamp, InstantActionType action)
        implements TelemetryMessage {

    public InstantAction {
        Header.check(machineId, sequence, timestamp);
        Header.required(action, "action");
    }

    @Override
    public TelemetryTopic topic() {
        return TelemetryTopic.INSTANT_ACTIONS;
    }
}
