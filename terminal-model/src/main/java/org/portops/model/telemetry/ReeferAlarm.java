package org.portops.model.telemetry;

/** Alarms of the reefer monitoring system. */
public enum ReeferAlarm {
    /** Supply air further from the set point than the tolerance, for longer than the grace period. */
    TEMPERATURE_OUT_OF_RANGE,
    /** A laden reefer without power for longer than allowed. */
    UNPLUGGED_TOO_LONG
}
