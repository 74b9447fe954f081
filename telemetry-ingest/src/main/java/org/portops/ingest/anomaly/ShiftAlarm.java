package org.portops.ingest.anomaly;

import java.time.Instant;
import org.portops.model.equipment.EquipmentId;

/**
 * Decides on sustained upward shifts of one machine's signal: a one-sided CUSUM over standardized samples,
 * {@code S = min(2h, max(0, S + min(z, clip) - k))}, alerting when S reaches h and the recent level (an average of
 * about the last five samples) deviates enough to matter, cleared (and re-armed) when S is back at zero. Clipping
 * bounds what one sample can add, so a single spike never alerts; capping S bounds how long an alert outlives its
 * cause. Alerts are rate-limited:
 * at most one per repeat interval, repeated at that interval while the shift lasts.
 */
final class ShiftAlarm {

    /** Weight of the newest sample in the run's recent level (about the last five samples). */
    private static final double RECENT = 0.3;

    private final EquipmentId machine;
    private final Signal signal;
    private final AnomalyParameters parameters;
    private double sum;
    private long runStart = -1;
    private double recentObserved;
    private double recentExpected;
    private boolean alarmed;
    private boolean raisedThisRun;
    private long lastAlert = Long.MIN_VALUE;

    ShiftAlarm(EquipmentId machine, Signal signal, AnomalyParameters parameters) {
        this.machine = machine;
        this.signal = signal;
        this.parameters = parameters;
    }

    boolean alarmed() {
        return alarmed;
    }

    /**
     * Scores one sample taken over [{@code startMillis}, {@code endMillis}]: {@code z} standardized against the
     * baseline, {@code observed} and {@code expected} in the signal's unit.
     */
    void score(double z, double observed, double expected, long startMillis, long endMillis,
               AnomalyListener listener) {
        double next = Math.min(2 * parameters.threshold(),
                Math.max(0, sum + Math.min(z, parameters.clip()) - parameters.drift()));
        if (next > 0) {
            if (sum == 0) {
                runStart = startMillis;
                recentObserved = observed;
                recentExpected = expected;
            }
            recentObserved += RECENT * (observed - recentObserved);
            recentExpected += RECENT * (expected - recentExpected);
        }
        sum = next;
        if (alarmed && sum == 0) {
            alarmed = false;
            listener.cleared(machine, signal, Instant.ofEpochMilli(endMillis));
        } else if (!alarmed && sum >= parameters.threshold()
                && parameters.relevant(signal, recentObserved, recentExpected)) {
            alarmed = true;
            raisedThisRun = false;
            alert(endMillis, listener);
        } else if (alarmed) {
            alert(endMillis, listener);
        }
    }

    private void alert(long now, AnomalyListener listener) {
        if (lastAlert != Long.MIN_VALUE && now - lastAlert < parameters.repeatInterval().toMillis()) {
            return;
        }
        lastAlert = now;
        listener.raised(new Anomaly(machine, signal, Instant.ofEpochMilli(now), Instant.ofEpochMilli(runStart),
                recentObserved, recentExpected, raisedThisRun));
        raisedThisRun = true;
    }
}
