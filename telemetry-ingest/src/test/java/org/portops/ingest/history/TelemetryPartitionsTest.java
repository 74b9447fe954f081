package org.portops.ingest.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.portops.state.testsupport.Await.await;

import io.vertx.core.Vertx;
import io.vertx.sqlclient.Pool;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.portops.state.testsupport.TestDatabase;
import org.portops.state.testsupport.TestPostgres;

class TelemetryPartitionsTest {

    private static final LocalDate DAY = LocalDate.of(2026, 11, 24);
    private final Vertx vertx = Vertx.vertx();
    private final TestDatabase database = TestPostgres.newDatabase(TestPostgres.embedded());
    private final Pool pool = database.pool(vertx);

    @AfterEach
    void close() {
        await(pool.close());
        await(vertx.close());
        database.drop();
    }

    private TelemetryPartitions on(LocalDate day) {
        return new TelemetryPartitions(pool, Clock.fixed(day.atTime(12, 0).toInstant(ZoneOffset.UTC), ZoneOffset.UTC),
                Duration.ofDays(7));
    }

    @Test
    void partitionsAreCreatedAheadAndDroppedPastTheRetention() {
        TelemetryPartitions.Maintenance first = await(on(DAY).maintain());
        assertThat(first.created()).containsExactly(DAY.minusDays(1), DAY, DAY.plusDays(1), DAY.plusDays(2));
        Instant noon = DAY.atTime(12, 0).toInstant(ZoneOffset.UTC);
        await(new TelemetryHistory(pool).writeReadings(List.of(
                new ReadingRow(noon, noon, "QC01", "state", 1, "{\"machineId\":\"QC01\"}"),
                new ReadingRow(noon.plusSeconds(86_400), noon, "QC01", "state", 2, "{}"))));
        assertThat(await(on(DAY).maintain()).created()).as("nothing new on the same day").isEmpty();

        TelemetryPartitions.Maintenance later = await(on(DAY.plusDays(9)).maintain());
        assertThat(later.dropped()).containsExactly(DAY.minusDays(1), DAY, DAY.plusDays(1));
        assertThat(later.created()).containsExactly(DAY.plusDays(8), DAY.plusDays(9), DAY.plusDays(10),
                DAY.plusDays(11));
        assertThat(await(on(DAY.plusDays(9)).existing())).containsExactly(DAY.plusDays(2), DAY.plusDays(8),
                DAY.plusDays(9), DAY.plusDays(10), DAY.plusDays(11));
        assertThat(await(pool.query("select count(*) from telemetry_reading").execute()).iterator().next()
                .getLong(0)).as("the day-old rows went with their partitions").isZero();
    }
}
