package org.portops.sim.engine;

import java.time.Duration;
import org.portops.model.container.ContainerNumber;
import org.portops.model.equipment.EquipmentId;
import org.portops.model.equipment.Position;

/**
 * A fault or attack injected into the running simulation, for tests and the demo. Applied at the start of the
 * next tick, so runs stay deterministic. Faults change how the machine behaves and what it reports; attacks make
 * the machine's connection send one bad message.
 */
public sealed interface Injection {

    EquipmentId machine();

    /** The crane (or any machine) breaks down: raises the fault, brakes to a stop, stays stopped until repaired. */
    record Breakdown(EquipmentId machine, String code, String text) implements Injection {
    }

    /** A vehicle's engine stalls: fault {@code ENGINE_STALL}, it coasts to a stop and stays there until repaired. */
    record Stall(EquipmentId machine) implements Injection {
    }

    /** Clears every active fault; the machine resumes its work. */
    record Repair(EquipmentId machine) implements Injection {
    }

    /** A bearing wears: the vibration RMS drifts up by this much per simulated hour from now on. */
    record BearingWear(EquipmentId machine, double millimetresPerSecondPerHour) implements Injection {
    }

    /** The machine's sensors drop out: no readings for this long (events and connection still flow). */
    record SensorDropout(EquipmentId machine, Duration duration) implements Injection {
    }

    /** Re-sends the machine's last reading byte for byte: same sequence number and timestamp. */
    record Replay(EquipmentId machine) implements Injection {
    }

    /** Publishes on this machine's topic a reading whose payload claims to be {@code claimed}. */
    record ForeignId(EquipmentId machine, EquipmentId claimed) implements Injection {
    }

    /** The next reading reports {@code to} although the machine has not moved. */
    record Teleport(EquipmentId machine, Position to) implements Injection {
    }

    /** Publishes a malformed payload on the machine's state topic. */
    record Malformed(EquipmentId machine, Malformation kind) implements Injection {
    }

    /**
     * The reefer monitoring system loses power to a reefer: temperature drifts towards ambient, and the alarms
     * follow. {@code machine} is the reefer monitor (e.g. {@code RMS-C01}).
     */
    record ReeferPowerLoss(EquipmentId machine, ContainerNumber container) implements Injection {
    }

    /** Ways a payload can be broken. */
    enum Malformation {
        /** Not JSON at all. */
        NOT_JSON,
        /** A required field ({@code sequence}) missing. */
        MISSING_FIELD,
        /** {@code speedMps} as a string. */
        WRONG_TYPE,
        /** {@code speedMps} of 250 m/s. */
        OUT_OF_RANGE,
        /** A {@code load} with a wrong ISO 6346 check digit. */
        BAD_CONTAINER_NUMBER
    }
}
