package org.portops.ingest.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.portops.state.testsupport.Await.await;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.net.NetClient;
import io.vertx.core.net.NetServer;
import io.vertx.core.net.NetSocket;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.portops.ingest.event.DatabaseFailures;
import org.portops.state.Database;
import org.portops.state.testsupport.TestDatabase;
import org.portops.state.testsupport.TestPostgres;

class TelemetryHistoryTest {

    private static final LocalDate DAY = LocalDate.of(2026, 11, 24);
    private static final Instant NOON = DAY.atTime(12, 0).toInstant(ZoneOffset.UTC);
    private final Vertx vertx = Vertx.vertx();
    private final TestDatabase database = TestPostgres.newDatabase(TestPostgres.embedded());
    private final Pool pool = database.pool(vertx);
    private final TelemetryHistory history = new TelemetryHistory(pool);

    @BeforeEach
    void partitions() {
        await(new TelemetryPartitions(pool, Clock.fixed(NOON, ZoneOffset.UTC), Duration.ofDays(7)).maintain());
    }

    @AfterEach
    void close() {
        await(pool.close());
        await(vertx.close());
        database.drop();
    }

    @Test
    void payloadIsStoredAsReceivedAndStaysQueryableByField() {
        String payload = "{\"machineId\":\"TT042\",\"sequence\":7,  \"speedMps\":4.25,\"position\":{\"x\":120.5,"
                + "\"y\":15.0},\"faultCodes\":[\"E17\"]}";
        await(history.writeReadings(List.of(new ReadingRow(NOON, NOON.plusMillis(3), "TT042", "state", 7, payload))));

        Row row = await(pool.query("select payload::text, payload->>'speedMps', payload->'position'->>'x', "
                + "payload->'faultCodes'->>0, received_at from telemetry_reading").execute()).iterator().next();
        assertThat(row.getString(0)).as("the text as received, spacing included").isEqualTo(payload);
        assertThat(row.getString(1)).isEqualTo("4.25");
        assertThat(row.getString(2)).isEqualTo("120.5");
        assertThat(row.getString(3)).isEqualTo("E17");
        assertThat(row.getOffsetDateTime(4).toInstant()).isEqualTo(NOON.plusMillis(3));
    }

    @Test
    void oneMachinesReadingsOfATimeWindowAreFoundAmongOthers() {
        List<ReadingRow> rows = new ArrayList<>();
        for (int i = 0; i < 3_000; i++) {
            String machine = "TT" + String.format("%03d", i % 100);
            rows.add(new ReadingRow(NOON.plusMillis(100L * i), NOON.plusMillis(100L * i), machine, "state", i / 100,
                    "{\"machineId\":\"" + machine + "\",\"sequence\":" + i / 100 + "}"));
        }
        await(history.writeReadings(rows));

        List<Long> sequences = new ArrayList<>();
        for (Row row : await(pool.preparedQuery("select (payload->>'sequence')::bigint from telemetry_reading "
                        + "where machine_id = $1 and recorded_at >= $2 and recorded_at < $3 order by recorded_at")
                .execute(Tuple.of("TT007", TelemetryHistory.time(NOON.plusSeconds(60)),
                        TelemetryHistory.time(NOON.plusSeconds(120)))))) {
            sequences.add(row.getLong(0));
        }
        assertThat(sequences).as("TT007 reads every 10 s; minute 1 to 2 holds its readings 6 to 11")
                .containsExactly(6L, 7L, 8L, 9L, 10L, 11L);
    }

    @Test
    void aPayloadThatIsNotJsonFailsItsBatch() {
        assertThatThrownBy(() -> await(history.writeReadings(List.of(
                new ReadingRow(NOON, NOON, "TT001", "state", 1, "{\"machineId\":\"TT001\""))))).hasMessageContaining(
                "json");
        assertThat(await(pool.query("select count(*) from telemetry_reading").execute()).iterator().next().getLong(0))
                .isZero();
    }

    /**
     * PostgreSQL unreachable for real: the pool talks to it through a proxy that closes every connection and refuses
     * new ones while "down". The history writer keeps what it could not write, up to its bound, sheds and counts the
     * rest, and writes every kept reading exactly once when the database is back.
     */
    @Test
    void readingsQueuedWhilePostgresIsUnreachableAreWrittenOnceItIsBackAndOnlyThoseBeyondTheBoundAreShed()
            throws Exception {
        Proxy proxy = new Proxy(database.server().port());
        Pool proxied = Database.pool(vertx, "jdbc:postgresql://127.0.0.1:" + proxy.port() + "/" + database.name(),
                database.user(), database.password(), 4);
        Context context = vertx.getOrCreateContext();
        AtomicInteger shed = new AtomicInteger();
        BatchWriter<ReadingRow> writer = onContext(context, () -> new BatchWriter<>("history", 500, 100,
                TelemetryHistory.READING_BATCHES_IN_FLIGHT, new TelemetryHistory(proxied)::writeReadings,
                shed::incrementAndGet, new BatchWriter.Retry(DatabaseFailures::unreachable, Duration.ofMillis(50),
                        Duration.ofMillis(200), (pause, task) -> vertx.setTimer(pause.toMillis(), id -> task.run()))));
        try {
            offer(context, writer, 0, 100);
            await(onContext(context, writer::flush));

            proxy.down = true;
            proxy.closeAll();
            offer(context, writer, 100, 400);
            Future<Void> flushed = onContext(context, writer::flush);
            long until = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (!onContext(context, writer::waiting) && System.nanoTime() < until) {
                Thread.sleep(20);
            }
            assertThat(onContext(context, writer::waiting)).as("a batch failed and waits for the database").isTrue();
            offer(context, writer, 500, 200);
            assertThat(shed).as("bound 500, 400 kept: 100 more fit, the last 100 have no room").hasValue(100);
            assertThat(flushed.isComplete()).isFalse();

            proxy.down = false;
            await(flushed);
            List<Long> stored = new ArrayList<>();
            await(pool.query("select sequence from telemetry_reading order by sequence").execute())
                    .forEach(row -> stored.add(row.getLong(0)));
            assertThat(stored).as("every kept reading once: 100 before, 400 during the outage, 100 more until the "
                    + "bound; 600..699 shed").isEqualTo(LongStream.range(0, 600).boxed().toList());
            assertThat(shed).hasValue(100);
        } finally {
            await(proxied.close());
            proxy.close();
        }
    }

    private static void offer(Context context, BatchWriter<ReadingRow> writer, int from, int count) {
        onContext(context, () -> {
            for (int i = from; i < from + count; i++) {
                writer.offer(new ReadingRow(NOON, NOON, "TT001", "state", i, "{\"machineId\":\"TT001\"}"));
            }
            return null;
        });
    }

    /** Runs {@code task} on the writer's context (it is not thread-safe) and returns what it returned. */
    private static <T> T onContext(Context context, Supplier<T> task) {
        CompletableFuture<T> result = new CompletableFuture<>();
        context.runOnContext(v -> {
            try {
                result.complete(task.get());
            } catch (RuntimeException e) {
                result.completeExceptionally(e);
            }
        });
        return result.join();
    }

    /** A TCP proxy to PostgreSQL that can be made unreachable: connections closed, new ones closed at once. */
    private final class Proxy implements AutoCloseable {

        volatile boolean down;
        private final NetServer server;
        private final NetClient client = vertx.createNetClient();
        private final Set<NetSocket> open = ConcurrentHashMap.newKeySet();

        Proxy(int target) {
            server = await(vertx.createNetServer().connectHandler(in -> {
                if (down) {
                    in.close();
                    return;
                }
                in.pause();
                client.connect(target, "127.0.0.1").onSuccess(out -> {
                    open.add(in);
                    open.add(out);
                    in.handler(out::write);
                    out.handler(in::write);
                    in.closeHandler(v -> out.close());
                    out.closeHandler(v -> in.close());
                    in.resume();
                }).onFailure(e -> in.close());
            }).listen(0, "127.0.0.1"));
        }

        int port() {
            return server.actualPort();
        }

        void closeAll() {
            open.forEach(NetSocket::close);
            open.clear();
        }

        @Override
        public void close() {
            closeAll();
            await(server.close());
            await(client.close());
        }
    }
}
