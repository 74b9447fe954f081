package org.portops.bench.support;

import java.util.Arrays;

/**
 * Records operation latencies in nanoseconds into a growable array and reports percentiles.
 * One instance per worker thread; {@link #merge} combines them after the run.
 */
public final class Latencies {
    private long[] nanos = new long[1 << 16];
    private int count;

    public void record(long latencyNanos) {
        if (count == nanos.length) {
            nanos = Arrays.copyOf(nanos, nanos.length * 2);
        }
        nanos[count++] = latencyNanos;
    }

    public int count() {
        return count;
    }

    public static Latencies merge(Iterable<Latencies> parts) {
        Latencies all = new Latencies();
        for (Latencies part : parts) {
            for (int i = 0; i < part.count; i++) {
                all.record(part.nanos[i]);
            }
        }
        return all;
    }

    /** The latency at quantile {@code q} (0..1) in microseconds, nearest-rank. */
    public double percentileMicros(double q) {
        if (count == 0) {
            return Double.NaN;
        }
        long[] sorted = Arrays.copyOf(nanos, count);
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(q * count) - 1;
        return sorted[Math.max(0, Math.min(count - 1, rank))] / 1_000.0;
    }
}
