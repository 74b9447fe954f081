package org.portops.ingest.anomaly;

import java.util.Arrays;
import org.portops.model.equipment.EquipmentId;

/**
 * One reading-rate signal of one machine (vibration or temperature), averaged per window together with the
 * window's duty features, then scored against a {@link LinearBaseline} of those features and fed to a
 * {@link ShiftAlarm}. Adding a reading is a few additions; the work happens once per window.
 */
final class WindowedSignal {

    private final Signal signal;
    private final AnomalyParameters parameters;
    private final LinearBaseline baseline;
    private final ShiftAlarm alarm;
    private final double[] featureSums = new double[Duty.COUNT];
    private final double[] features = new double[Duty.COUNT];
    private double valueSum;
    private int readings;

    WindowedSignal(EquipmentId machine, Signal signal, AnomalyParameters parameters) {
        this.signal = signal;
        this.parameters = parameters;
        this.baseline = new LinearBaseline(Duty.COUNT, parameters.memoryWindows());
        this.alarm = new ShiftAlarm(machine, signal, parameters);
    }

    /** A reading at one duty (one-hot). */
    void add(int duty, double value) {
        featureSums[duty]++;
        valueSum += value;
        readings++;
    }

    /** A reading with a mix of duties (shares summing to one). */
    void add(double[] dutyShares, double value) {
        for (int i = 0; i < Duty.COUNT; i++) {
            featureSums[i] += dutyShares[i];
        }
        valueSum += value;
        readings++;
    }

    /** Learns and scores the window [{@code startMillis}, {@code endMillis}) unless told to drop it. */
    void close(long startMillis, long endMillis, boolean use, AnomalyListener listener) {
        if (use && readings >= parameters.minReadings()) {
            for (int i = 0; i < Duty.COUNT; i++) {
                features[i] = featureSums[i] / readings;
            }
            score(valueSum / readings, startMillis, endMillis, listener);
        }
        Arrays.fill(featureSums, 0);
        valueSum = 0;
        readings = 0;
    }

    private void score(double observed, long startMillis, long endMillis, AnomalyListener listener) {
        long learned = baseline.samples();
        if (learned < parameters.warmupWindows() || !baseline.familiar(features, parameters.familiarWindows())) {
            if (learned >= parameters.warmupWindows() / 2) {
                baseline.recordResidual(observed - baseline.predict(features));
            }
            baseline.learn(features, observed);
            return;
        }
        double expected = baseline.predict(features);
        double residual = observed - expected;
        double z = residual / baseline.residualSigma(parameters.sigmaFloor(signal, expected));
        alarm.score(z, observed, expected, startMillis, endMillis, listener);
        if (z < parameters.learnBelow() && !alarm.alarmed()) {
            baseline.recordResidual(residual);
            baseline.learn(features, observed);
        }
    }
}
