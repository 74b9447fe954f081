package org.portops.ingest.history;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Tuple;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

/**
 * Writes reading history and quarantined messages to PostgreSQL, one statement per batch: {@code INSERT ... SELECT
 * FROM unnest(...)} with one array parameter per column, so a batch of any size is one prepared statement.
 */
public final class TelemetryHistory {

    /**
     * Reading batches written at once. Rows need no order among themselves (each carries its own times), and with
     * one batch in flight a slow commit left the pool's other connections idle while the queue filled and readings
     * were shed; three leave the service's pool of eight room for the move log, the events and the readers.
     */
    public static final int READING_BATCHES_IN_FLIGHT = 3;

    private static final String INSERT_READINGS = "insert into telemetry_reading "
            + "(recorded_at, received_at, machine_id, topic, sequence, payload) "
            + "select r, rc, m, t, s, p::json from unnest($1::timestamptz[], $2::timestamptz[], $3::text[], "
            + "$4::text[], $5::bigint[], $6::text[]) as u(r, rc, m, t, s, p)";
    private static final String INSERT_QUARANTINE = "insert into telemetry_quarantine "
            + "(received_at, topic, machine_claimed, reason_code, reason_text, payload) "
            + "select * from unnest($1::timestamptz[], $2::text[], $3::text[], $4::text[], $5::text[], $6::bytea[])";

    private final Pool pool;

    public TelemetryHistory(Pool pool) {
        this.pool = pool;
    }

    public Future<Void> writeReadings(List<ReadingRow> rows) {
        int n = rows.size();
        OffsetDateTime[] recorded = new OffsetDateTime[n];
        OffsetDateTime[] received = new OffsetDateTime[n];
        String[] machines = new String[n];
        String[] topics = new String[n];
        Long[] sequences = new Long[n];
        String[] payloads = new String[n];
        for (int i = 0; i < n; i++) {
            ReadingRow row = rows.get(i);
            recorded[i] = time(row.recordedAt());
            received[i] = time(row.receivedAt());
            machines[i] = row.machineId();
            topics[i] = row.topic();
            sequences[i] = row.sequence();
            payloads[i] = row.payload();
        }
        return pool.preparedQuery(INSERT_READINGS)
                .execute(Tuple.of(recorded, received, machines, topics, sequences, payloads))
                .mapEmpty();
    }

    public Future<Void> writeQuarantine(List<QuarantineRow> rows) {
        int n = rows.size();
        OffsetDateTime[] received = new OffsetDateTime[n];
        String[] topics = new String[n];
        String[] machines = new String[n];
        String[] codes = new String[n];
        String[] texts = new String[n];
        Buffer[] payloads = new Buffer[n];
        for (int i = 0; i < n; i++) {
            QuarantineRow row = rows.get(i);
            received[i] = time(row.receivedAt());
            topics[i] = row.topic();
            machines[i] = row.machineClaimed();
            codes[i] = row.reasonCode();
            texts[i] = row.reasonText();
            payloads[i] = Buffer.buffer(row.payload());
        }
        return pool.preparedQuery(INSERT_QUARANTINE)
                .execute(Tuple.of(received, topics, machines, codes, texts, payloads))
                .mapEmpty();
    }

    static OffsetDateTime time(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
