package org.portops.ingest.anomaly;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import org.portops.model.equipment.EquipmentId;

/**
 * A sustained deviation of one machine's signal from its baseline.
 *
 * @param since    when the deviation began (the start of the first window or cycle of the run)
 * @param observed the signal's recent level, about its last five windows or cycles (mm/s, °C, seconds)
 * @param expected what the baseline expected over the same windows or cycles, at the same duty
 * @param repeat   whether an alert on this run was already raised (this one repeats it)
 */
public record Anomaly(EquipmentId machine, Signal signal, Instant at, Instant since, double observed,
                      double expected, boolean repeat) {

    /** Operator language: {@code QC03 vibration 2.9× its baseline for 4 min (5.2 vs 1.8 mm/s …) — inspect …}. */
    public String text() {
        String lasting = (repeat ? "still " : "") + "for " + lasting(Duration.between(since, at));
        return switch (signal) {
            case VIBRATION -> String.format(Locale.ROOT, "%s vibration %.1f× its baseline %s (%.2f vs %.2f mm/s "
                    + "RMS at the same duty) — %s", machine, observed / expected, lasting, observed, expected,
                    signal.advice());
            case MOTOR_TEMPERATURE -> String.format(Locale.ROOT, "%s motor temperature %.1f °C above its baseline "
                    + "%s (%.1f vs %.1f °C expected at this workload) — %s", machine, observed - expected, lasting,
                    observed, expected, signal.advice());
            case CYCLE_TIME -> String.format(Locale.ROOT, "%s cycle time %.1f× its baseline %s (%.0f vs %.0f s "
                    + "lock to unlock) — %s", machine, observed / expected, lasting, observed, expected,
                    signal.advice());
        };
    }

    private static String lasting(Duration duration) {
        long minutes = Math.max(1, Math.round(duration.toSeconds() / 60.0));
        return minutes < 120 ? minutes + " min" : String.format(Locale.ROOT, "%.1f h", minutes / 60.0);
    }
}
