package org.portops.ingest.history;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A bounded queue of rows written to PostgreSQL in batches, up to {@code maxInFlight} batches at a time (for rows
 * that need no order among themselves, so a slow commit does not hold the queue while the pool has idle
 * connections). Sheddable rows ({@link #offer}) are refused once the queue is full and counted by {@code onShed};
 * durable rows ({@link #offerDurable}) are always queued and their future completes once their batch committed, so
 * a caller can acknowledge its input only then. Full batches leave as soon as a slot is free; a partly filled one
 * leaves on {@link #flush}. Not thread-safe: used on the ingest's Vert.x context.
 */
public final class BatchWriter<T> {

    private static final Logger LOG = LoggerFactory.getLogger(BatchWriter.class);

    private record Entry<T>(T row, Promise<Void> durable) {
    }

    private final String name;
    private final int bound;
    private final int batchSize;
    private final int maxInFlight;
    private final Function<List<T>, Future<Void>> sink;
    private final Runnable onShed;
    private final ArrayDeque<Entry<T>> queue = new ArrayDeque<>();
    private int inFlight;
    /** Completes when the queue is empty and no batch is in flight; there is one while someone waits for that. */
    private Promise<Void> emptied;

    /** One batch in flight at a time: batches commit in the order their rows were queued. */
    public BatchWriter(String name, int bound, int batchSize, Function<List<T>, Future<Void>> sink,
                       Runnable onShed) {
        this(name, bound, batchSize, 1, sink, onShed);
    }

    /**
     * @param maxInFlight batches written at once (each takes a connection of the pool)
     * @param sink        writes one batch; its future completes when the batch is committed
     * @param onShed      called once per sheddable row refused, or lost because its batch failed
     */
    public BatchWriter(String name, int bound, int batchSize, int maxInFlight, Function<List<T>, Future<Void>> sink,
                       Runnable onShed) {
        if (maxInFlight < 1) {
            throw new IllegalArgumentException(name + ": batches in flight must be >= 1, was " + maxInFlight);
        }
        this.name = name;
        this.bound = bound;
        this.batchSize = batchSize;
        this.maxInFlight = maxInFlight;
        this.sink = sink;
        this.onShed = onShed;
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
        while (inFlight < maxInFlight && (queue.size() >= batchSize || partly && !queue.isEmpty())) {
            List<Entry<T>> batch = new ArrayList<>(Math.min(batchSize, queue.size()));
            while (batch.size() < batchSize && !queue.isEmpty()) {
                batch.add(queue.poll());
            }
            inFlight++;
            write(batch).onComplete(written -> {
                inFlight--;
                send(emptied != null);
                if (emptied != null && queue.isEmpty() && inFlight == 0) {
                    Promise<Void> waiting = emptied;
                    emptied = null;
                    waiting.complete();
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
}
