package org.portops.ingest.history;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.net.ConnectException;
import java.time.Duration;
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

    /** A writer that keeps batches failed by a refused connection, with the retries' pauses collected. */
    private final List<Duration> pauses = new ArrayList<>();
    private final List<Runnable> retries = new ArrayList<>();
    private final BatchWriter<String> keeping = new BatchWriter<>("test", 4, 2, 1, rows -> {
        Promise<Void> gate = Promise.promise();
        gates.add(gate);
        written.add(rows);
        return gate.future();
    }, shed::incrementAndGet, new BatchWriter.Retry(failure -> failure instanceof ConnectException,
            Duration.ofMillis(100), Duration.ofMillis(300), (pause, task) -> {
                pauses.add(pause);
                retries.add(task);
            }));

    private void retry() {
        retries.removeFirst().run();
    }

    @Test
    void aBatchRefusedBecauseTheDatabaseIsUnreachableIsKeptAndWrittenOnceItIsBack() {
        keeping.offer("r1");
        keeping.offer("r2");
        Future<Void> event = keeping.offerDurable("e1");
        gates.getFirst().fail(new ConnectException("Connection refused"));
        assertThat(keeping.waiting()).isTrue();
        assertThat(keeping.queued()).as("the failed batch back in the queue").isEqualTo(3);
        keeping.offer("r3");
        assertThat(written).as("nothing is sent while the retry waits").hasSize(1);

        retry();
        assertThat(written).last().isEqualTo(List.of("r1", "r2"));
        gates.get(1).fail(new ConnectException("Connection refused"));
        retry();
        gates.get(2).complete();
        gates.get(3).complete();

        assertThat(written.subList(2, written.size())).containsExactly(List.of("r1", "r2"), List.of("e1", "r3"));
        assertThat(event.succeeded()).as("the durable row waited for the database, it did not fail").isTrue();
        assertThat(shed).hasValue(0);
        assertThat(keeping.waiting()).isFalse();
        assertThat(pauses).as("the pause doubles").containsExactly(Duration.ofMillis(100), Duration.ofMillis(200));
    }

    @Test
    void duringAnOutageTheQueueFillsToItsBoundThenShedsAndCountsEveryRowItRefuses() {
        for (String row : List.of("r1", "r2", "r3", "r4", "r5", "r6")) {
            keeping.offer(row);
        }
        assertThat(shed).as("bound 4, one batch of 2 in flight").hasValue(0);
        gates.getFirst().fail(new ConnectException("Connection refused"));
        assertThat(keeping.queued()).isEqualTo(6);
        assertThat(keeping.offer("r7")).isFalse();
        assertThat(keeping.offer("r8")).isFalse();
        assertThat(shed).hasValue(2);

        for (int outage = 0; outage < 3; outage++) {
            retry();
            gates.getLast().fail(new ConnectException("Connection refused"));
        }
        assertThat(pauses).as("doubling up to the longest pause").containsExactly(Duration.ofMillis(100),
                Duration.ofMillis(200), Duration.ofMillis(300), Duration.ofMillis(300));
        Future<Void> flushed = keeping.flush();
        retry();
        while (!flushed.isComplete()) {
            gates.getLast().complete();
        }
        assertThat(written.stream().skip(4).flatMap(List::stream).toList()).as("every kept row once, in order")
                .containsExactly("r1", "r2", "r3", "r4", "r5", "r6");
        assertThat(shed).hasValue(2);
    }

    @Test
    void aBatchRefusedForAnyOtherReasonIsNotTriedAgain() {
        keeping.offer("r1");
        keeping.offer("r2");
        gates.getFirst().fail(new IllegalStateException("value too long for type character varying(32)"));
        assertThat(keeping.waiting()).isFalse();
        assertThat(retries).isEmpty();
        assertThat(keeping.queued()).isZero();
        assertThat(shed).hasValue(2);
    }
}
