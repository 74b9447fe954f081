package org.portops.ingest.anomaly;

import java.time.Duration;

/**
 * How the anomaly detector learns and decides; docs/anomaly-detection.md says why each default is what it is.
 *
 * @param window                readings are averaged over windows this long before scoring (one score a minute
 *                              whatever the reading rate, and averages of 300 readings are nearly Gaussian)
 * @param minReadings           a window with fewer readings is dropped (a machine going quiet)
 * @param warmupWindows         windows learned before a machine's vibration and temperature are scored
 * @param memoryWindows         the baselines forget over about this many windows
 * @param familiarWindows       a window is only scored once each duty that takes over a fifth of it has been the
 *                              main duty of this many learned windows; until then it is learned (a new regime, not
 *                              a fault)
 * @param drift                 CUSUM allowance k, in standard deviations: shifts below it are tolerated
 * @param threshold             CUSUM decision level h, in standard deviations
 * @param clip                  one sample adds at most {@code clip - drift} to the CUSUM, so a single spike
 *                              (≤ {@code clip}) can never reach {@code threshold} on its own
 * @param learnBelow            samples scoring at or above this z are not learned (the fault stays out of the
 *                              baseline)
 * @param thermalTimeConstant   how slowly motor temperature follows workload (first-order lag)
 * @param vibrationMinRatio     vibration alerts only at or above this multiple of baseline
 * @param vibrationSigmaFloor   least standard deviation of a window's vibration, as a fraction of its baseline
 * @param temperatureMinRise    temperature alerts only at or above this rise over baseline, °C
 * @param temperatureSigmaFloor least standard deviation of a window's temperature, °C
 * @param warmupCycles          crane cycles learned before cycle time is scored
 * @param memoryCycles          the cycle-time baseline forgets over about this many cycles
 * @param longestCycle          a lock-to-lock interval longer than this is a pause, not a cycle
 * @param cycleMinRatio         cycle-time alerts only at or above this multiple of baseline
 * @param cycleSigmaFloor       least standard deviation of the logarithm of a cycle time
 * @param repeatInterval        at most one alert per machine and signal in this interval; an anomaly that
 *                              persists is repeated at this interval
 */
public record AnomalyParameters(Duration window, int minReadings, int warmupWindows, int memoryWindows,
                                int familiarWindows,
                                double drift, double threshold, double clip, double learnBelow,
                                Duration thermalTimeConstant, double vibrationMinRatio, double vibrationSigmaFloor,
                                double temperatureMinRise, double temperatureSigmaFloor, int warmupCycles,
                                int memoryCycles, Duration longestCycle, double cycleMinRatio, double cycleSigmaFloor,
                                Duration repeatInterval) {

    public AnomalyParameters {
        positive(window, "window");
        positive(thermalTimeConstant, "thermal time constant");
        positive(longestCycle, "longest cycle");
        positive(repeatInterval, "repeat interval");
        if (minReadings < 1 || familiarWindows < 0 || warmupWindows < 2 || memoryWindows < warmupWindows
                || warmupCycles < 2 || memoryCycles < warmupCycles) {
            throw new IllegalArgumentException("need minReadings >= 1, warm-ups >= 2 and memories >= their warm-up, "
                    + "were " + minReadings + ", " + warmupWindows + "/" + memoryWindows + ", " + warmupCycles + "/"
                    + memoryCycles);
        }
        if (!(drift >= 0 && clip > drift && threshold > clip - drift && learnBelow > drift)) {
            throw new IllegalArgumentException("need 0 <= drift < clip, threshold > clip - drift (a single sample "
                    + "never alerts) and learnBelow > drift, were drift " + drift + ", clip " + clip + ", threshold "
                    + threshold + ", learnBelow " + learnBelow);
        }
    }

    /**
     * One-minute windows, an hour of warm-up, a duty scored once it led 15 windows, a week of memory; CUSUM
     * k = 1, h = 10, samples clipped at z = 5 (at least three minutes well out before an alert); a 10-minute thermal
     * lag; alerts from 1.25× vibration (ISO 10816's significant change), +5 °C, or 1.3× cycle time; one alert per
     * machine and signal an hour.
     */
    public static AnomalyParameters defaults() {
        return new AnomalyParameters(Duration.ofMinutes(1), 10, 60, 10_080, 15, 1.0, 10.0, 5.0, 3.0,
                Duration.ofMinutes(10), 1.25, 0.02, 5.0, 0.5, 30, 500, Duration.ofMinutes(20), 1.3, 0.05,
                Duration.ofHours(1));
    }

    /**
     * The same with other windows, warm-up and novelty gate, e.g. seconds-long windows for a test over a real
     * broker.
     */
    public AnomalyParameters withWindows(Duration newWindow, int newWarmupWindows, int newFamiliarWindows,
                                         int newWarmupCycles) {
        return new AnomalyParameters(newWindow, minReadings, newWarmupWindows,
                Math.max(memoryWindows, newWarmupWindows), newFamiliarWindows, drift, threshold, clip, learnBelow,
                thermalTimeConstant, vibrationMinRatio, vibrationSigmaFloor, temperatureMinRise, temperatureSigmaFloor,
                newWarmupCycles,
                Math.max(memoryCycles, newWarmupCycles), longestCycle, cycleMinRatio, cycleSigmaFloor,
                repeatInterval);
    }

    /** Whether an anomaly this large is worth an operator's attention, however certain it is statistically. */
    boolean relevant(Signal signal, double observed, double expected) {
        return switch (signal) {
            case VIBRATION -> observed >= vibrationMinRatio * expected;
            case MOTOR_TEMPERATURE -> observed - expected >= temperatureMinRise;
            case CYCLE_TIME -> observed >= cycleMinRatio * expected;
        };
    }

    /** The least standard deviation a sample of the signal is scored against (in its scoring scale). */
    double sigmaFloor(Signal signal, double expected) {
        return switch (signal) {
            case VIBRATION -> Math.max(0.01, vibrationSigmaFloor * Math.abs(expected));
            case MOTOR_TEMPERATURE -> temperatureSigmaFloor;
            case CYCLE_TIME -> cycleSigmaFloor;
        };
    }

    private static void positive(Duration duration, String what) {
        if (duration == null || duration.isZero() || duration.isNegative()) {
            throw new IllegalArgumentException(what + " must be positive, was " + duration);
        }
    }
}
