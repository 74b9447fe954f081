package org.portops.ingest.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.portops.state.testsupport.Await.await;

import io.vertx.core.Vertx;
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
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
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
}
