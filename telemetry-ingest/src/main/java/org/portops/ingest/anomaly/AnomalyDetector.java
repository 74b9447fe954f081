package org.portops.ingest.anomaly;

import java.util.HashMap;
import java.util.Map;
import org.portops.model.equipment.EquipmentId;
import org.portops.model.telemetry.EquipmentEvent;
import org.portops.model.telemetry.EventMessage;
import org.portops.model.telemetry.StateReading;

/**
 * Predictive maintenance from telemetry: per machine, learns a baseline of vibration and motor temperature
 * (conditioned on what the machine is doing) and of quay-crane cycle time, and tells its listener when a signal
 * deviates upwards for a sustained time, and when it is back. Times are the messages' own timestamps, so a
 * replayed or simulated stream gives the same result at any speed. Method and figures: docs/anomaly-detection.md.
 *
 * <p>Memory per machine is fixed (a few hundred doubles); a reading costs a map lookup and a few additions, with
 * no allocation. Not thread-safe: fed from the ingest's Vert.x context, in arrival order.
 */
public final class AnomalyDetector {

    private final AnomalyParameters parameters;
    private final AnomalyListener listener;
    private final Map<EquipmentId, MachineHealth> machines = new HashMap<>();

    public AnomalyDetector(AnomalyParameters parameters, AnomalyListener listener) {
        this.parameters = parameters;
        this.listener = listener;
    }

    /** An accepted state reading. */
    public void reading(StateReading reading) {
        health(reading.machineId()).reading(reading.timestamp().toEpochMilli(), reading.kind(), Duty.of(reading),
                reading.motorTemperatureCelsius(), reading.vibrationRmsMillimetresPerSecond(), listener);
    }

    /** An accepted event: spreader lock and unlock time a quay crane's laden cycle; faults break it. */
    public void event(EventMessage message) {
        switch (message.event()) {
            case EquipmentEvent.SpreaderLocked locked -> health(message.machineId())
                    .locked(message.timestamp().toEpochMilli());
            case EquipmentEvent.SpreaderUnlocked unlocked -> health(message.machineId())
                    .unlocked(message.timestamp().toEpochMilli(), listener);
            case EquipmentEvent.FaultRaised raised -> health(message.machineId()).breakCycle();
            case EquipmentEvent.FaultCleared cleared -> health(message.machineId()).breakCycle();
            case EquipmentEvent.InstructionAccepted accepted -> {
                // Work-instruction life-cycle: not a health signal.
            }
            case EquipmentEvent.InstructionRejected rejected -> {
                // Work-instruction life-cycle: not a health signal.
            }
            case EquipmentEvent.InstructionProgress progress -> {
                // Work-instruction life-cycle: not a health signal.
            }
            case EquipmentEvent.InstructionCompleted completed -> {
                // Work-instruction life-cycle: not a health signal.
            }
            case EquipmentEvent.ReeferAlarmRaised alarm -> {
                // The reefer monitor's own alarms are alerted elsewhere.
            }
        }
    }

    /** Forgets a machine's baselines, e.g. after maintenance changed what normal is; it warms up again. */
    public void forget(EquipmentId machine) {
        machines.remove(machine);
    }

    /** Machines with a baseline. */
    public int machines() {
        return machines.size();
    }

    private MachineHealth health(EquipmentId machine) {
        MachineHealth health = machines.get(machine);
        if (health == null) {
            health = new MachineHealth(machine, parameters);
            machines.put(machine, health);
        }
        return health;
    }
}
