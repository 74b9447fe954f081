package org.portops.state.store;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The append-only move log in PostgreSQL, written by one fenced writer at a time: {@link #acquireLease} raises the
 * lease epoch, and every {@link #append} checks it under a share lock on the lease row, so a writer that lost the
 * lease cannot append, and the new writer's takeover waits for an append in flight.
 */
public final class MoveLog {

    private static final String INSERT = "insert into move_log (seq, container, kind, from_location, to_location, "
            + "instruction_id, recorded_at, payload) values ($1, $2, $3, $4, $5, $6, $7, $8::jsonb)";
    private static final String INSERT_NEXT = "insert into move_log (container, kind, from_location, to_location, "
            + "instruction_id, recorded_at, payload) values ($1, $2, $3, $4, $5, $6, $7::jsonb)";

    private final Pool pool;

    public MoveLog(Pool pool) {
        this.pool = pool;
    }

    /** Takes the writer lease for {@code holder}; returns the new epoch. */
    public Future<Long> acquireLease(String holder, Instant at) {
        return pool.preparedQuery("insert into yard_writer (name, epoch, holder, acquired_at) values ('yard', 1, $1, $2) "
                        + "on conflict (name) do update set epoch = yard_writer.epoch + 1, holder = excluded.holder, "
                        + "acquired_at = excluded.acquired_at returning epoch")
                .execute(Tuple.of(holder, Sql.time(at)))
                .map(rows -> rows.iterator().next().getLong(0));
    }

    /** Takes {@code count} sequence numbers from the log's identity sequence, ascending. */
    public Future<List<Long>> nextSequences(int count) {
        return pool.preparedQuery("select nextval(pg_get_serial_sequence('move_log', 'seq')) from generate_series(1, $1)")
                .execute(Tuple.of(count))
                .map(rows -> {
                    List<Long> sequences = new ArrayList<>(count);
                    rows.forEach(row -> sequences.add(row.getLong(0)));
                    sequences.sort(null);
                    return sequences;
                });
    }

    /**
     * Appends entries (with their sequences) in one transaction, together with the master data of arriving
     * containers, if {@code epoch} still holds the lease; fails with {@link WriterFencedException} otherwise.
     */
    public Future<Void> append(long epoch, List<LogEntry> entries, List<JsonObject> arrivingContainers, Instant at) {
        return pool.withTransaction(connection -> checkLease(connection, epoch)
                .compose(held -> connection.preparedQuery(INSERT).executeBatch(tuples(entries)))
                .compose(inserted -> arrivingContainers.isEmpty()
                        ? Future.succeededFuture()
                        : ContainerMasterData.upsert(connection, arrivingContainers, at))
                .mapEmpty());
    }

    /**
     * Appends entries without explicit sequences (the identity assigns them in list order) in the caller's
     * transaction, checking the lease once; used to seed the inventory in large batches.
     */
    public static Future<Void> appendNumbered(SqlClient connection, long epoch, List<LogEntry> entries) {
        return checkLease(connection, epoch)
                .compose(held -> connection.preparedQuery(INSERT_NEXT).executeBatch(entries.stream()
                        .map(e -> Tuple.of(e.container(), e.kind(), e.from(), e.to(), e.instructionId(),
                                Sql.time(e.recordedAt()), e.payload()))
                        .toList()))
                .mapEmpty();
    }

    private static Future<Void> checkLease(SqlClient connection, long epoch) {
        return connection.preparedQuery("select epoch from yard_writer where name = 'yard' for share")
                .execute()
                .compose(rows -> {
                    long current = rows.size() == 0 ? -1 : rows.iterator().next().getLong(0);
                    return current == epoch ? Future.<Void>succeededFuture()
                            : Future.failedFuture(new WriterFencedException(epoch));
                });
    }

    private static List<Tuple> tuples(List<LogEntry> entries) {
        List<Tuple> tuples = new ArrayList<>(entries.size());
        for (LogEntry e : entries) {
            tuples.add(Tuple.tuple()
                    .addLong(e.seq())
                    .addString(e.container())
                    .addString(e.kind())
                    .addString(e.from())
                    .addString(e.to())
                    .addString(e.instructionId())
                    .addOffsetDateTime(Sql.time(e.recordedAt()))
                    .addValue(e.payload()));
        }
        return tuples;
    }

    /** Whether nothing was ever logged. */
    public Future<Boolean> isEmpty() {
        return pool.query("select not exists (select 1 from move_log)").execute()
                .map(rows -> rows.iterator().next().getBoolean(0));
    }

    /** Up to {@code limit} entries after {@code afterSeq}, in sequence order. */
    public Future<List<LogEntry>> readAfter(long afterSeq, int limit) {
        return pool.preparedQuery("select seq, container, kind, from_location, to_location, instruction_id, "
                        + "recorded_at, payload from move_log where seq > $1 order by seq limit $2")
                .execute(Tuple.of(afterSeq, limit))
                .map(MoveLog::entries);
    }

    /** The last sequence logged, 0 when none. */
    public Future<Long> lastSequence() {
        return pool.query("select coalesce(max(seq), 0) from move_log").execute()
                .map(rows -> rows.iterator().next().getLong(0));
    }

    private static List<LogEntry> entries(RowSet<Row> rows) {
        List<LogEntry> entries = new ArrayList<>(rows.size());
        for (Row row : rows) {
            Object payload = row.getValue("payload");
            entries.add(new LogEntry(row.getLong("seq"), row.getString("container"), row.getString("kind"),
                    row.getString("from_location"), row.getString("to_location"), row.getString("instruction_id"),
                    Sql.instant(row.getOffsetDateTime("recorded_at")),
                    payload instanceof JsonObject json ? json : new JsonObject()));
        }
        return entries;
    }
}
