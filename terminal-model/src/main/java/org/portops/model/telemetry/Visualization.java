package org.portops.model.telemetry;

import java.time.Instant;
import org.portops.model.equipment.EquipmentId;
import org.portops.model.equipment.Position;

/** Position only, for maps, on {@code visualization}. Same units as {@link StateReading}. */
public record Visualization(EquipmentId machineId, long sequence, Instant timestamp, Position position,
                            GeoPosition geo, double headingDegrees, double speedMetresPerSecond)
        implements TelemetryMessage {

    public Visualization {
        Header.check(machineId, sequence, timestamp);
        Header.required(position, "position");
        Header.required(geo, "geo");
        if (!Double.isFinite(headingDegrees) || headingDegrees < 0 || headingDegrees >= 360) {
            throw new TelemetryFormatException("headingDeg", "must be 0 <= degrees < 360, was " + headingDegrees);
        }
        Header.range(speedMetresPerSecond, 0, 100, "speedMps");
    }

    @Override
    public TelemetryTopic topic() {
        return TelemetryTopic.VISUALIZATION;
    }
}
