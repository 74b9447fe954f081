package org.portops.ingest.history;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A bounded queue of rows written to PostgreSQL in batches, up to {@code maxInFlight} batches at a time (for rows
 * that need no order among themselves, so a slow commit does not hold the queue while the pool has idle
 * connections). Sheddable rows ({@link #offer}) are refused once the queue is full and counted by {@code onShed};
 * durable rows ({@link #offerDurable}) are always queued and their future completes once their batch committed, so
 * a caller can acknowledge its input only then. Full batches leave as soon as a slot is free; a partly filled one
 * leaves on {@link #flush}. Not thread-safe: used on the ingest's Vert.x context.
 *
 * <p>With a {@link Retry}, a batch that failed because the database could not be reached is not lost: its rows go
 * back to the head of the queue, nothing more is sent until a timer (doubling up to the retry's maximum) tries
 * again, and the queue meanwhile keeps taking rows up to its bound, so an outage costs readings only once the bound
 * is reached. Any other failure (bad data, a bug) would fail the same way again: its readings are shed and counted.
 */
public final class BatchWriter<T> {

    private static final Logger LOG = LoggerFactory.getLogger(BatchWriter.class);

    private record Entry<T>(T row, Promise<Void> durable) {
    }

    /**
     * Which failures pass (the database unreachable), the first and the longest pause before a batch is tried
     * again, and the timer that waits them out (a Vert.x timer on the writer's context).
     */
    public record Retry(Predicate<Throwable> passing, Duration first, Duration max,
                        BiConsumer<Duration, Runnable> timer) {

        /** Every failure is final: the failed batch's readings are shed. */
        public static final Retry NEVER = new Retry(failure -> false, Duration.ZERO, Duration.ZERO,
                (delay, task) -> {
                    throw new IllegalStateException("a writer that never retries set a retry timer");
                });

        public Retry {
            if (first.isNegative() || max.compareTo(first) < 0) {
                throw new IllegalArgumentException("retry pauses must be 0 <= first <= max, were " + first + ", " + max);
            }
        }
    }

    private final String name;
    private final int bound;
    private final int batchSize;
    private final int maxInFlight;
    private final Function<List<T>, Future<Void>> sink;
    private final Runnable onShed;
    private final Retry retry;
    private final ArrayDeque<Entry<T>> queue = new ArrayDeque<>();
    private int inFlight;
    /** Set while a failed batch waits to be tried again: nothing is sent meanwhile. */
    private boolean waiting;
    private Duration nextPause;
    /** Completes when the queue is empty and no batch is in flight; there is one while someone waits for that. */
    private Promise<Void> emptied;

    /** One batch in flight at a time: batches commit in the order their rows were queued. */
    public BatchWriter(String name, int bound, int batchSize, Function<List<T>, Future<Void>> sink,
                       Runnable onShed) {
        this(name, bound, batchSize, 1, sink, onShed, Retry.NEVER);
    }

    public BatchWriter(String name, int bound, int batchSize, int maxInFlight, Function<List<T>, Future<Void>> sink,
                       Runnable onShed) {
        this(name, bound, batchSize, maxInFlight, sink, onShed, Retry.NEVER);
    }

    /**
     * @param maxInFlight batches written at once (each takes a connection of the pool)
     * @param sink        writes one batch; its future completes when the batch is committed
     * @param onShed      called once per sheddable row refused, or lost because its batch failed for good
     * @param retry       which failed batches are kept and tried again, and when
     */
    public BatchWriter(String name, int bound, int batchSize, int maxInFlight, Function<List<T>, Future<Void>> sink,
                       Runnable onShed, Retry retry) {
        if (maxInFlight < 1) {
            throw new IllegalArgumentException(name + ": batches in flight must be >= 1, was " + maxInFlight);
        }
        this.name = name;
        this.bound = bound;
        this.batchSize = batchSize;
        this.maxInFlight = maxInFlight;
        this.sink = sink;
        this.onShed = onShed;
        this.retry = retry;
        this.nextPause = retry.first();
    }

    /** Queues a row that may be shed; false (and counted) when the queue is full. */
    public boolean offer(T row) {
        if (queue.size() >= bound) {
            onShed.run();
            return false;
        }
        queue.add(new Entry<>(row, null));
        if (queue.size() >= batchSize) {
            send(false);
        }
        return true;
    }

    /** Queues a row that is never shed; completes when it is committed, fails when its batch failed. */
    public Future<Void> offerDurable(T row) {
        Promise<Void> durable = Promise.promise();
        queue.add(new Entry<>(row, durable));
        flush();
        return durable.future();
    }

    public int queued() {
        return queue.size();
    }

    /** Whether a failed batch waits to be tried again (the database is unreachable). */
    public boolean waiting() {
        return waiting;
    }

    /** Writes everything queued, batch after batch; completes when the queue was empty once. */
    public Future<Void> flush() {
        if (queue.isEmpty() && inFlight == 0) {
            return Future.succeededFuture();
        }
        if (emptied == null) {
            emptied = Promise.promise();
        }
        Future<Void> done = emptied.future();
        send(true);
        return done;
    }

    /** Starts batches while a slot is free: full ones only, or the partly filled last one too. */
    private void send(boolean partly) {
        while (!waiting && inFlight < maxInFlight && (queue.size() >= batchSize || partly && !queue.isEmpty())) {
            List<Entry<T>> batch = new ArrayList<>(Math.min(batchSize, queue.size()));
            while (batch.size() < batchSize && !queue.isEmpty()) {
                batch.add(queue.poll());
            }
            inFlight++;
            write(batch).onComplete(written -> {
                inFlight--;
                send(emptied != null);
                if (emptied != null && queue.isEmpty() && inFlight == 0) {
                    Promise<Void> done = emptied;
                    emptied = null;
                    done.complete();
                }
            });
        }
    }

    private Future<Void> write(List<Entry<T>> batch) {
        Future<Void> written;
        try {
            written = sink.apply(batch.stream().map(Entry::row).toList());
        } catch (RuntimeException e) {
            written = Future.failedFuture(e);
        }
        return written.transform(result -> {
            if (result.failed() && retry.passing().test(result.cause())) {
                keep(batch, result.cause());
                return Future.succeededFuture();
            }
            if (result.succeeded()) {
                nextPause = retry.first();
            }
            for (Entry<T> entry : batch) {
                if (entry.durable() != null) {
                    entry.durable().handle(result);
                } else if (result.failed()) {
                    onShed.run();
                }
            }
            if (result.failed()) {
                LOG.warn("{}: a batch of {} rows was not written: {}", name, batch.size(), result.cause().toString());
            }
            return Future.succeededFuture();
        });
    }

    /** Puts a batch that failed for a passing reason back at the head of the queue, and sets the retry timer. */
    private void keep(List<Entry<T>> batch, Throwable cause) {
        for (int i = batch.size() - 1; i >= 0; i--) {
            queue.addFirst(batch.get(i));
        }
        if (waiting) {
            return;
        }
        waiting = true;
        Duration pause = nextPause;
        nextPause = pause.multipliedBy(2).compareTo(retry.max()) > 0 ? retry.max() : pause.multipliedBy(2);
        LOG.warn("{}: PostgreSQL unreachable ({}); {} rows kept (bound {}), trying again in {} ms", name,
                cause.toString(), queue.size(), bound, pause.toMillis());
        retry.timer().accept(pause, () -> {
            waiting = false;
            send(true);
        });
    }
}
