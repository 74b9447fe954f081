package org.portops.bench.state;

import org.portops.bench.support.Latencies;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Drives one {@link MovePath} with one thread per {@link BlockMirror} (each owns its blocks) for a warm-up, then
 * for the measured time, and reports moves per second and latency percentiles of the measured part.
 */
final class PathRun {

    record Result(String label, long moves, long refused, double seconds, double movesPerSecond, double p50Micros,
                  double p99Micros) {
    }

    private record WorkerTally(Latencies latencies, long refused) {
    }

    private PathRun() {
    }

    static Result run(MovePath path, List<BlockMirror> mirrors, Duration warmUp, Duration measured, long seed) {
        AtomicLong sequence = new AtomicLong(1_000_000_000L);
        long start = System.nanoTime();
        long measureFrom = start + warmUp.toNanos();
        long end = measureFrom + measured.toNanos();
        ExecutorService pool = Executors.newFixedThreadPool(mirrors.size());
        try {
            List<Future<WorkerTally>> workers = new ArrayList<>();
            for (int w = 0; w < mirrors.size(); w++) {
                BlockMirror mirror = mirrors.get(w);
                Random random = new Random(seed + w);
                workers.add(pool.submit(() -> work(path, mirror, random, sequence, measureFrom, end)));
            }
            List<Latencies> latencies = new ArrayList<>();
            long refused = 0;
            for (Future<WorkerTally> worker : workers) {
                WorkerTally tally = worker.get();
                latencies.add(tally.latencies());
                refused += tally.refused();
            }
            Latencies all = Latencies.merge(latencies);
            double seconds = measured.toNanos() / 1e9;
            return new Result(path.label(), all.count(), refused, seconds, all.count() / seconds,
                    all.percentileMicros(0.50), all.percentileMicros(0.99));
        } catch (Exception e) {
            throw new IllegalStateException(path.label() + " failed", e);
        } finally {
            pool.shutdownNow();
        }
    }

    private static WorkerTally work(MovePath path, BlockMirror mirror, Random random, AtomicLong sequence,
                                    long measureFrom, long end) {
        Latencies latencies = new Latencies();
        long refused = 0;
        long now = System.nanoTime();
        while (now < end) {
            YardMove move = mirror.next(random);
            long before = System.nanoTime();
            boolean accepted = path.carry(move, sequence.incrementAndGet());
            now = System.nanoTime();
            if (before >= measureFrom) {
                if (accepted) {
                    latencies.record(now - before);
                } else {
                    refused++;
                }
            }
        }
        return new WorkerTally(latencies, refused);
    }
}
