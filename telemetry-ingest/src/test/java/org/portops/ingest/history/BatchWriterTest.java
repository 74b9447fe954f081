package org.portops.ingest.history;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class BatchWriterTest {

    private final List<Promise<Void>> gates = new ArrayList<>();
    private final List<List<String>> written = new ArrayList<>();
    private final AtomicInteger shed = new AtomicInteger();
    private final BatchWriter<String> writer = new BatchWriter<>("test", 3, 2, rows -> {
        Promise<Void> gate = Promise.promise();
        gates.add(gate);
        written.add(rows);
        return gate.future();
    }, shed::incrementAndGet);

    @Test
    void readingsBeyondTheBoundAreShedAndCountedWhileDurableRowsNeverAre() {
        writer.offer("r1");
        writer.offer("r2");
        assertThat(written).containsExactly(List.of("r1", "r2"));
        assertThat(writer.offer("r3")).isTrue();
        assertThat(writer.offer("r4")).isTrue();
        assertThat(writer.offer("r5")).isTrue();
        assertThat(writer.offer("r6")).as("queue full while a batch is in flight").isFalse();
        Future<Void> event = writer.offerDurable("e1");
        assertThat(writer.queued()).isEqualTo(4);
        assertThat(shed).hasValue(1);
        gates.getFirst().complete();
        assertThat(written).hasSize(2);
        gates.get(1).complete();
        gates.get(2).complete();
        assertThat(event.succeeded()).as("durable row written").isTrue();
        assertThat(written).containsExactly(List.of("r1", "r2"), List.of("r3", "r4"), List.of("r5", "e1"));
    }

    @Test
    void severalBatchesGoOutAtOnceUpToTheLimitAndFlushWaitsForAllOfThem() {
        BatchWriter<String> parallel = new BatchWriter<>("test", 10, 2, 2, rows -> {
            Promise<Void> gate = Promise.promise();
            gates.add(gate);
            written.add(rows);
            return gate.future();
        }, shed::incrementAndGet);
        for (String row : List.of("r1", "r2", "r3", "r4", "r5", "r6", "r7")) {
            parallel.offer(row);
        }
        assertThat(written).as("two full batches in flight, the third waits for a slot")
                .containsExactly(List.of("r1", "r2"), List.of("r3", "r4"));
        Future<Void> flushed = parallel.flush();
        gates.get(1).complete();
        assertThat(written).as("a freed slot takes the next batch").hasSize(3).last().isEqualTo(List.of("r5", "r6"));
        gates.get(2).complete();
        assertThat(written).as("flush sends the partly filled last batch").last().isEqualTo(List.of("r7"));
        gates.get(3).complete();
        assertThat(flushed.isComplete()).as("the first batch is still in flight").isFalse();
        gates.getFirst().complete();
        assertThat(flushed.succeeded()).isTrue();
        assertThat(parallel.queued()).isZero();
        assertThat(shed).hasValue(0);
    }

    @Test
    void failedBatchFailsItsDurableRowsAndCountsItsReadingsAsShed() {
        writer.offer("r1");
        Future<Void> event = writer.offerDurable("e1");
        gates.getFirst().fail(new IllegalStateException("database down"));
        assertThat(event.failed()).isTrue();
        assertThat(shed).hasValue(1);
    }
}
