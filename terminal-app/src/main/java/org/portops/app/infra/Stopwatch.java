package org.portops.app.infra;

import java.util.Locale;

/** Elapsed wall time for start-up and shutdown log lines. */
public record Stopwatch(long startNanos) {

    public static Stopwatch start() {
        return new Stopwatch(System.nanoTime());
    }

    public double seconds() {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    /** E.g. {@code 3.2 s}. */
    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%.1f s", seconds());
    }
}
