package org.portops.model.telemetry;

import java.time.Instant;
import org.portops.model.equipment.EquipmentId;

/** Checks of the fields every payload carries, naming the JSON field that is wrong. */
final class Header {

    private Header() {
    }

    static void check(EquipmentId machineId, long sequence, Instant timestamp) {
        required(machineId, "machineId");
        if (sequence < 0) {
            throw new TelemetryFormatException("sequence", "must be >= 0, was " + sequence);
        }
        required(timestamp, "timestamp");
    }

    static <T> T required(T value, String field) {
        if (value == null) {
            throw new TelemetryFormatException(field, "is required");
        }
        return value;
    }

    static double range(double value, double min, double max, String field) {
        if (!Double.isFinite(value) || value < min || value > max) {
            throw new TelemetryFormatException(field, "must be " + min + ".." + max + ", was " + value);
        }
        return value;
    }

    static Double optionalRange(Double value, double min, double max, String field) {
        return value == null ? null : range(value, min, max, field);
    }
}
