package org.portops.ingest.anomaly;

import org.portops.model.equipment.EquipmentId;

/**
 * A quay crane's laden cycle time, from spreader lock to unlock (hoist, trolley across, lower), learned and scored
 * on a log scale. Timing lock to unlock rather than lock to next lock leaves out the empty leg, where the crane
 * waits for a truck or a lashing gang: that wait is the terminal's business, not the crane's health. A fault, or a
 * leg longer than the longest cycle, is not a cycle.
 */
final class CycleTimer {

    private static final double[] INTERCEPT = {1.0};

    private final AnomalyParameters parameters;
    private final LinearBaseline baseline;
    private final ShiftAlarm alarm;
    private long lastLock = -1;

    CycleTimer(EquipmentId machine, AnomalyParameters parameters) {
        this.parameters = parameters;
        this.baseline = new LinearBaseline(1, parameters.memoryCycles());
        this.alarm = new ShiftAlarm(machine, Signal.CYCLE_TIME, parameters);
    }

    void locked(long atMillis) {
        lastLock = atMillis;
    }

    void unlocked(long atMillis, AnomalyListener listener) {
        long leg = atMillis - lastLock;
        if (lastLock >= 0 && leg > 0 && leg <= parameters.longestCycle().toMillis()) {
            score(lastLock, atMillis, Math.log(leg / 1000.0), listener);
        }
        lastLock = -1;
    }

    /** The machine faulted: the cycle in progress is no measure of its health. */
    void broken() {
        lastLock = -1;
    }

    private void score(long startMillis, long endMillis, double logSeconds, AnomalyListener listener) {
        long learned = baseline.samples();
        if (learned < parameters.warmupCycles()) {
            if (learned >= parameters.warmupCycles() / 2) {
                baseline.recordResidual(logSeconds - baseline.predict(INTERCEPT));
            }
            baseline.learn(INTERCEPT, logSeconds);
            return;
        }
        double expected = baseline.predict(INTERCEPT);
        double residual = logSeconds - expected;
        double z = residual / baseline.residualSigma(parameters.sigmaFloor(Signal.CYCLE_TIME, expected));
        alarm.score(z, Math.exp(logSeconds), Math.exp(expected), startMillis, endMillis, listener);
        if (z < parameters.learnBelow() && !alarm.alarmed()) {
            baseline.recordResidual(residual);
            baseline.learn(INTERCEPT, logSeconds);
        }
    }
}
