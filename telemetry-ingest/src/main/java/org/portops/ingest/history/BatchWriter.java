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
 * A bounded queue of rows written to PostgreSQL in batches, one batch in flight at a time. Sheddable rows
 * ({@link #offer}) are refused once the queue is full and counted by {@code onShed}; durable rows
 * ({@link #offerDurable}) are always queued and their future completes once their batch committed, so a caller
 * can acknowledge its input only then. Not thread-safe: used on the ingest's Vert.x context.
 */
public final class BatchWriter<T> {

    private static final Logger LOG = LoggerFactory.getLogger(BatchWriter.class);

    private record Entry<T>(T row, Promise<Void> durable) {
    }

    private final String name;
    private final int bound;
    private final int batchSize;
    private final Function<List<T>, Future<Void>> sink;
    private final Runnable onShed;
    private final ArrayDeque<Entry<T>> queue = new ArrayDeque<>();
    private Future<Void> inFlight;

    /**
     * @param sink   writes one batch; its future completes when the batch is committed
     * @param onShed called once per sheddable row refused, or lost because its batch failed
     */
    public BatchWriter(String name, int bound, int batchSize, Function<List<T>, Future<Void>> sink,
                       Runnable onShed) {
        this.name = name;
        this.bound = bound;
        this.batchSize = batchSize;
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
            flush();
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
        if (inFlight != null) {
            return inFlight;
        }
        if (queue.isEmpty()) {
            return Future.succeededFuture();
        }
        List<Entry<T>> batch = new ArrayList<>(Math.min(batchSize, queue.size()));
        while (batch.size() < batchSize && !queue.isEmpty()) {
            batch.add(queue.poll());
        }
        Future<Void> written = write(batch);
        inFlight = written;
        return written.eventually(() -> {
            inFlight = null;
            return flush();
        });
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
