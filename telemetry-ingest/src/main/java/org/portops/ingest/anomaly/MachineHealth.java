package org.portops.ingest.anomaly;

import java.util.Arrays;
import org.portops.model.equipment.EquipmentId;
import org.portops.model.equipment.EquipmentKind;

/**
 * Everything the detector keeps about one machine, fixed in size: its vibration and temperature windows, the
 * lagged shares of its duties that its motor temperature follows, and (for quay cranes) its cycle timer.
 * Temperature is only scored once the lag has settled (three time constants after the first reading or a gap in
 * readings), because the motor's temperature before that depends on work the detector did not see.
 */
final class MachineHealth {

    private final EquipmentId machine;
    private final AnomalyParameters parameters;
    private final long windowMillis;
    private final double thermalMillis;
    private final WindowedSignal vibration;
    private final WindowedSignal temperature;
    private final double[] laggedDuty = new double[Duty.COUNT];
    private CycleTimer cycles;
    private boolean quayCrane;
    private long windowStart = -1;
    private long lastReading = -1;
    private long temperatureFrom;

    MachineHealth(EquipmentId machine, AnomalyParameters parameters) {
        this.machine = machine;
        this.parameters = parameters;
        this.windowMillis = parameters.window().toMillis();
        this.thermalMillis = parameters.thermalTimeConstant().toMillis();
        this.vibration = new WindowedSignal(machine, Signal.VIBRATION, parameters);
        this.temperature = new WindowedSignal(machine, Signal.MOTOR_TEMPERATURE, parameters);
    }

    void reading(long at, EquipmentKind kind, int duty, double temperatureCelsius,
                 double vibrationMillimetresPerSecond, AnomalyListener listener) {
        quayCrane = kind.isQuayCrane();
        if (windowStart < 0) {
            windowStart = at;
        } else if (at >= windowStart + windowMillis) {
            vibration.close(windowStart, at, true, listener);
            temperature.close(windowStart, at, windowStart >= temperatureFrom, listener);
            windowStart = at;
        }
        followWorkload(at, duty == Duty.NONE ? Duty.IDLE : duty);
        if (duty == Duty.NONE) {
            breakCycle();
            return;
        }
        vibration.add(duty, vibrationMillimetresPerSecond);
        temperature.add(laggedDuty, temperatureCelsius);
    }

    /** First-order lag of the duty shares, as the motor's heat follows its work; restarted after a gap. */
    private void followWorkload(long at, int duty) {
        long elapsed = at - lastReading;
        if (lastReading < 0 || elapsed < 0 || elapsed > thermalMillis / 2) {
            Arrays.fill(laggedDuty, 0);
            laggedDuty[duty] = 1;
            temperatureFrom = at + 3 * (long) thermalMillis;
        } else {
            double weight = 1 - Math.exp(-elapsed / thermalMillis);
            for (int i = 0; i < Duty.COUNT; i++) {
                laggedDuty[i] += weight * ((i == duty ? 1 : 0) - laggedDuty[i]);
            }
        }
        lastReading = at;
    }

    /**
     * A spreader lock. Only quay cranes' cycles are timed: theirs repeat between the same ship and lane, while a
     * yard crane's or straddle's cycle is mostly travel to wherever the next box happens to be.
     */
    void locked(long at) {
        if (!quayCrane) {
            return;
        }
        if (cycles == null) {
            cycles = new CycleTimer(machine, parameters);
        }
        cycles.locked(at);
    }

    void unlocked(long at, AnomalyListener listener) {
        if (cycles != null) {
            cycles.unlocked(at, listener);
        }
    }

    void breakCycle() {
        if (cycles != null) {
            cycles.broken();
        }
    }
}
