package org.portops.ingest.anomaly;

import org.portops.model.equipment.EquipmentId;

/**
 * A crane's cycle time, from one spreader lock to the next, learned and scored on a log scale (cycle times are
 * skewed: a wait for a truck makes a cycle much longer, never much shorter). A fault, or a pause longer than the
 * longest cycle, breaks the chain: the interval across it is not a cycle.
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

    void locked(long atMillis, AnomalyListener listener) {
        long interval = atMillis - lastLock;
        if (lastLock >= 0 && interval > 0 && interval <= parameters.longestCycle().toMillis()) {
            score(lastLock, atMillis, Math.log(interval / 1000.0), listener);
        }
        if (lastLock < 0 || interval > 0) {
            lastLock = atMillis;
        }
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
