package org.portops.bench.api;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.ext.web.client.WebClient;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.portops.bench.support.Latencies;

/**
 * An HTTP load generator on Vert.x's WebClient: a closed loop (a fixed number of requests in flight, each sending
 * the next as soon as its answer is in: the most the server gives) or an open loop (requests sent at a fixed rate
 * whatever the answers do, latency counted from when each request was due, so a stalled server cannot hide its
 * queue: no coordinated omission).
 */
final class LoadRun {

    /** What one run measured. */
    record Result(String target, String mode, long requests, long errors, double seconds, Latencies latencies) {

        double perSecond() {
            return requests / seconds;
        }

        double percentileMs(double q) {
            return latencies.percentileMicros(q) / 1000;
        }
    }

    private static final long TIMEOUT_MS = 5_000;

    private final Vertx vertx;
    private final WebClient client;
    private final int port;
    private final String token;

    LoadRun(Vertx vertx, WebClient client, int port, String token) {
        this.vertx = vertx;
        this.client = client;
        this.port = port;
        this.token = token;
    }

    /** {@code concurrency} requests in flight for {@code duration}, cycling through {@code paths}. */
    Future<Result> closed(String target, List<String> paths, int concurrency, Duration duration) {
        Latencies latencies = new Latencies();
        AtomicLong sent = new AtomicLong();
        AtomicLong errors = new AtomicLong();
        long start = System.nanoTime();
        long end = start + duration.toNanos();
        Promise<Void> done = Promise.promise();
        AtomicLong running = new AtomicLong(concurrency);
        for (int i = 0; i < concurrency; i++) {
            loop(paths, sent, errors, latencies, end, running, done);
        }
        return done.future().map(v -> new Result(target, "closed, " + concurrency + " in flight", sent.get(),
                errors.get(), (System.nanoTime() - start) / 1e9, latencies));
    }

    private void loop(List<String> paths, AtomicLong sent, AtomicLong errors, Latencies latencies, long end,
                      AtomicLong running, Promise<Void> done) {
        if (System.nanoTime() >= end) {
            if (running.decrementAndGet() == 0) {
                done.tryComplete();
            }
            return;
        }
        long n = sent.getAndIncrement();
        long begin = System.nanoTime();
        get(paths.get((int) (n % paths.size()))).onComplete(answer -> {
            record(latencies, System.nanoTime() - begin);
            if (answer.failed() || answer.result() != 200) {
                errors.incrementAndGet();
            }
            loop(paths, sent, errors, latencies, end, running, done);
        });
    }

    /** {@code rate} requests per second for {@code duration}, each timed from when it was due. */
    Future<Result> open(String target, List<String> paths, int rate, Duration duration) {
        Latencies latencies = new Latencies();
        AtomicLong errors = new AtomicLong();
        AtomicLong answered = new AtomicLong();
        long total = rate * duration.toSeconds();
        long start = System.nanoTime();
        double interval = 1e9 / rate;
        Promise<Void> done = Promise.promise();
        long[] next = {0};
        // a tick sends what has fallen due, but at most a few ticks' worth: a late tick catches up over the next
        // ones instead of blocking the generator's event loop; the late requests still count from when they were due
        long perTick = Math.max(1, 4L * rate / 1000);
        long timer = vertx.setPeriodic(1, id -> {
            long due = (long) ((System.nanoTime() - start) / interval) + 1;
            long limit = Math.min(Math.min(due, total), next[0] + perTick);
            while (next[0] < limit) {
                long n = next[0]++;
                long dueAt = start + (long) (n * interval);
                get(paths.get((int) (n % paths.size()))).onComplete(answer -> {
                    record(latencies, System.nanoTime() - dueAt);
                    if (answer.failed() || answer.result() != 200) {
                        errors.incrementAndGet();
                    }
                    if (answered.incrementAndGet() == total) {
                        done.tryComplete();
                    }
                });
            }
        });
        return done.future().map(v -> {
            vertx.cancelTimer(timer);
            return new Result(target, "open, " + rate + " req/s offered", total, errors.get(),
                    (System.nanoTime() - start) / 1e9, latencies);
        });
    }

    private Future<Integer> get(String path) {
        // a request not answered within the timeout counts as an error, so an overloaded run still ends
        return client.get(port, "127.0.0.1", path).timeout(TIMEOUT_MS)
                .putHeader("Authorization", "Bearer " + token).send()
                .map(response -> response.statusCode());
    }

    private static void record(Latencies latencies, long nanos) {
        // answers arrive on several event loops; Latencies is a plain array
        synchronized (latencies) {
            latencies.record(nanos);
        }
    }
}
