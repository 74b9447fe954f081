package org.portops.ingest.anomaly;

import org.portops.model.telemetry.StateReading;

/**
 * What a reading says the machine is doing, as far as heat and vibration go: idle, or working still or moving,
 * empty or laden. Vibration and temperature are learned per duty, so a crane lifting a box (which runs warmer and
 * rougher) is compared with itself lifting, not with itself idle. A faulted or offline machine has no duty: its
 * readings are neither learned nor scored.
 */
final class Duty {

    static final int IDLE = 0;
    static final int STILL_EMPTY = 1;
    static final int STILL_LADEN = 2;
    static final int MOVING_EMPTY = 3;
    static final int MOVING_LADEN = 4;
    static final int COUNT = 5;
    static final int NONE = -1;
    /** Below this ground speed a machine stands (cranes working a bay stand; their hoist and trolley work). */
    private static final double MOVING_METRES_PER_SECOND = 0.1;

    private Duty() {
    }

    static int of(StateReading reading) {
        return switch (reading.status()) {
            case FAULT, OFFLINE -> NONE;
            case IDLE -> IDLE;
            case WORKING -> {
                boolean laden = reading.load() != null || (reading.spreader() != null && reading.spreader().locked());
                boolean moving = reading.speedMetresPerSecond() > MOVING_METRES_PER_SECOND;
                yield moving ? (laden ? MOVING_LADEN : MOVING_EMPTY) : (laden ? STILL_LADEN : STILL_EMPTY);
            }
        };
    }
}
