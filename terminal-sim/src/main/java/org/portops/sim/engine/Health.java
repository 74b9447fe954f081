package org.portops.sim.engine;

import java.util.Random;
import org.portops.model.equipment.EquipmentKind;

/**
 * A machine's health signals: motor temperature following its workload with a ten-minute lag, vibration RMS
 * around the kind's baseline plus any bearing wear drift, and fuel or battery level for machines that carry their
 * energy (cranes on shore power report none).
 */
final class Health {

    private static final double AMBIENT_CELSIUS = 12.0;
    private static final double THERMAL_TIME_CONSTANT_SECONDS = 600.0;

    private final double baselineVibration;
    private final boolean carriesEnergy;
    private final double drainPercentPerWorkingHour;
    private double motorTemperature;
    private double vibration;
    private double energy;
    private double wearMillimetresPerSecondPerHour;
    private double wearHours;

    Health(EquipmentKind kind, Random random) {
        this.baselineVibration = switch (kind) {
            case QUAY_CRANE -> 1.8;
            case RTG, RMG, ASC -> 2.2;
            case TERMINAL_TRACTOR, STRADDLE_CARRIER, AGV, REACH_STACKER -> 3.0;
        };
        this.carriesEnergy = switch (kind) {
            case QUAY_CRANE, RMG, ASC -> false;
            case RTG, TERMINAL_TRACTOR, STRADDLE_CARRIER, AGV, REACH_STACKER -> true;
        };
        this.drainPercentPerWorkingHour = kind == EquipmentKind.RTG ? 3.0 : 5.0;
        this.motorTemperature = AMBIENT_CELSIUS + 20 + random.nextDouble() * 10;
        this.vibration = baselineVibration;
        this.energy = 40 + random.nextDouble() * 60;
    }

    void step(double dt, double workload, Random random) {
        double target = AMBIENT_CELSIUS + 15 + 45 * workload;
        motorTemperature += (target - motorTemperature) * dt / THERMAL_TIME_CONSTANT_SECONDS;
        if (wearMillimetresPerSecondPerHour > 0) {
            wearHours += dt / 3600;
        }
        double noise = random.nextGaussian() * 0.08;
        vibration = Math.min(99, Math.max(0.05, baselineVibration * (1 + 0.3 * workload) + noise
                + wearMillimetresPerSecondPerHour * wearHours));
        if (carriesEnergy) {
            energy -= dt / 3600 * (0.8 + drainPercentPerWorkingHour * workload);
            if (energy < 12) {
                energy = 100;
            }
        }
    }

    void startWear(double millimetresPerSecondPerHour) {
        this.wearMillimetresPerSecondPerHour = millimetresPerSecondPerHour;
    }

    double motorTemperature() {
        return motorTemperature;
    }

    double vibration() {
        return vibration;
    }

    Double energy() {
        return carriesEnergy ? energy : null;
    }
}
