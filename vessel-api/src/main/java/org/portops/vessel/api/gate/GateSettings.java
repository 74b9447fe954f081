package org.portops.vessel.api.gate;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * How trucks are booked: appointment windows of {@code window} length, starting at multiples of it since the epoch
 * (a 60-minute window starts on the hour), each taking at most {@code capacity} appointments.
 */
public record GateSettings(Duration window, int capacity) {

    public GateSettings {
        if (window.isNegative() || window.isZero() || window.toSeconds() * 1000 != window.toMillis()) {
            throw new IllegalArgumentException("gate window must be a positive whole number of seconds, not " + window);
        }
        if (capacity < 1) {
            throw new IllegalArgumentException("gate window capacity must be at least 1, not " + capacity);
        }
    }

    public static GateSettings defaults() {
        return new GateSettings(Duration.ofMinutes(60), 40);
    }

    /** {@code PORTOPS_GATE_WINDOW_MINUTES} (default 60) and {@code PORTOPS_GATE_WINDOW_CAPACITY} (default 40). */
    public static GateSettings fromEnvironment(Map<String, String> environment) {
        GateSettings defaults = defaults();
        return new GateSettings(
                Duration.ofMinutes(number(environment, "PORTOPS_GATE_WINDOW_MINUTES", defaults.window().toMinutes())),
                (int) number(environment, "PORTOPS_GATE_WINDOW_CAPACITY", defaults.capacity()));
    }

    private static long number(Map<String, String> environment, String name, long fallback) {
        String value = environment.get(name);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a whole number, not " + value);
        }
    }

    /** Whether {@code start} is where a window starts. */
    public boolean isWindowStart(Instant start) {
        return start.getNano() == 0 && start.getEpochSecond() % window.toSeconds() == 0;
    }

    public Instant windowEnd(Instant start) {
        return start.plus(window);
    }
}
