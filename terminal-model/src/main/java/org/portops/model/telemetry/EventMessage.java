package org.portops.model.telemetry;

import java.time.Instant;
import org.portops.model.equipment.EquipmentId;

/** One {@link EquipmentEvent} of a machine, on {@code events}. */
public record EventMessage(EquipmentId machineId, long sequence, Instant timestamp, EquipmentEvent event)
        implements TelemetryMessage {

    public EventMessage {
        Header.check(machineId, sequence, timestamp);
        Header.required(event, "type");
    }

    @Override
    public TelemetryTopic topic() {
        return TelemetryTopic.EVENTS;
    }
}
