package org.portops.model.telemetry;

import java.time.Instant;
import org.portops.model.equipment.EquipmentId;

/** A machine's (or a gateway's) connection state, retained on {@code connection}. */
public record ConnectionMessage(EquipmentId machineId, long sequence, Instant timestamp, ConnectionState state)
        implements TelemetryMessage {

    public ConnectionMessage {
        Header.check(machineId, sequence, timestamp);
        Header.required(state, "connectionState");
    }

    @Override
    public TelemetryTopic topic() {
        return TelemetryTopic.CONNECTION;
    }
}
