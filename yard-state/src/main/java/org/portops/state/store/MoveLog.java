package org.portops.state.store;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The append-only move log in PostgreSQL, written by one fenced writer at a time: {@link #acquireLease} raises the
 * lease epoch, and every {@link #append} checks it under a share lock on the lease row, so a writer that lost the
 * lease cannot append, and the new writer's takeover waits for an append in flight.
 */
public final class MoveLog {

    /**
     * The whole append of a batch: lease check, log rows and master data of arriving containers, as arrays.
     * Returns whether the lease is held and how many log rows were written.
     */
    private static final String APPEND = """
            with lease as materialized (
                select epoch from yard_writer where name = 'yard' and epoch = $1 for share),
            logged as (
                insert into move_log (seq, container, kind, from_location, to_location, instruction_id, recorded_at,
                                      payload)
                select e.seq, e.container, e.kind, e.from_location, e.to_location, e.instruction_id, e.recorded_at,
                       e.payload::jsonb
                from unnest($2::bigint[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[],
                            $8::timestamptz[], $9::text[])
                     as e (seq, container, kind, from_location, to_location, instruction_id, recorded_at, payload)
                where exists (select 1 from lease)
                returning 1),
            known as (
                insert into containers (number, size_type, weight_kg, line, port_of_loading, port_of_discharge,
                                        category, reefer_set_point_c, imdg_class, updated_at)
                select c.number, c.size_type, c.weight_kg, c.line, c.port_of_loading, c.port_of_discharge,
                       c.category, c.reefer_set_point_c, c.imdg_class, $19::timestamptz
                from unnest($10::text[], $11::text[], $12::int[], $13::text[], $14::text[], $15::text[],
                            $16::text[], $17::float8[], $18::text[])
                     as c (number, size_type, weight_kg, line, port_of_loading, port_of_discharge, category,
                           reefer_set_point_c, imdg_class)
                where exists (select 1 from lease)
                on conflict (number) do update set size_type = excluded.size_type, weight_kg = excluded.weight_kg,
                    line = excluded.line, port_of_loading = excluded.port_of_loading,
                    port_of_discharge = excluded.port_of_discharge, category = excluded.category,
                    reefer_set_point_c = excluded.reefer_set_point_c, imdg_class = excluded.imdg_class,
                    updated_at = excluded.updated_at
                returning 1)
            select (select count(*) from lease), (select count(*) from logged), (select count(*) from known)""";
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

    /** The writer lease's current epoch, 0 when it was never taken. */
    public Future<Long> currentEpoch() {
        return pool.query("select coalesce(max(epoch), 0) from yard_writer where name = 'yard'").execute()
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
     * Appends entries (with their sequences), together with the master data of arriving containers, if
     * {@code epoch} still holds the lease; fails with {@link WriterFencedException} otherwise, having written
     * nothing. One statement, so one round trip and one commit: the lease row is share-locked first (a takeover's
     * epoch update waits for it, and an append waiting behind a takeover sees the new epoch), and both inserts only
     * take rows while the lease is held.
     */
    public Future<Void> append(long epoch, List<LogEntry> entries, List<JsonObject> arrivingContainers, Instant at) {
        return pool.preparedQuery(APPEND)
                .execute(appendArguments(epoch, entries, arrivingContainers, at))
                .compose(rows -> {
                    Row row = rows.iterator().next();
                    if (row.getLong(0) == 0) {
                        return Future.failedFuture(new WriterFencedException(epoch));
                    }
                    if (row.getLong(1) != entries.size()) {
                        return Future.failedFuture(new IllegalStateException("move log append wrote " + row.getLong(1)
                                + " of " + entries.size() + " entries"));
                    }
                    return Future.<Void>succeededFuture();
                });
    }

    private static Tuple appendArguments(long epoch, List<LogEntry> entries, List<JsonObject> arriving, Instant at) {
        int n = entries.size();
        Long[] seq = new Long[n];
        String[] container = new String[n];
        String[] kind = new String[n];
        String[] from = new String[n];
        String[] to = new String[n];
        String[] instruction = new String[n];
        OffsetDateTime[] recordedAt = new OffsetDateTime[n];
        String[] payload = new String[n];
        for (int i = 0; i < n; i++) {
            LogEntry e = entries.get(i);
            seq[i] = e.seq();
            container[i] = e.container();
            kind[i] = e.kind();
            from[i] = e.from();
            to[i] = e.to();
            instruction[i] = e.instructionId();
            recordedAt[i] = Sql.time(e.recordedAt());
            payload[i] = e.payload().encode();
        }
        Map<String, JsonObject> masters = new LinkedHashMap<>();
        arriving.forEach(c -> masters.put(c.getString("number"), c));
        int m = masters.size();
        String[] number = new String[m];
        String[] sizeType = new String[m];
        Integer[] weight = new Integer[m];
        String[] line = new String[m];
        String[] loading = new String[m];
        String[] discharge = new String[m];
        String[] category = new String[m];
        Double[] setPoint = new Double[m];
        String[] imdg = new String[m];
        int i = 0;
        for (JsonObject c : masters.values()) {
            number[i] = c.getString("number");
            sizeType[i] = c.getString("sizeType");
            weight[i] = c.getInteger("weightKg");
            line[i] = c.getString("line");
            loading[i] = c.getString("portOfLoading");
            discharge[i] = c.getString("portOfDischarge");
            category[i] = c.getString("category");
            setPoint[i] = c.getDouble("reeferSetPointC");
            imdg[i] = c.getString("imdgClass");
            i++;
        }
        return Tuple.tuple().addLong(epoch)
                .addArrayOfLong(seq).addArrayOfString(container).addArrayOfString(kind).addArrayOfString(from)
                .addArrayOfString(to).addArrayOfString(instruction).addArrayOfOffsetDateTime(recordedAt)
                .addArrayOfString(payload)
                .addArrayOfString(number).addArrayOfString(sizeType).addArrayOfInteger(weight).addArrayOfString(line)
                .addArrayOfString(loading).addArrayOfString(discharge).addArrayOfString(category)
                .addArrayOfDouble(setPoint).addArrayOfString(imdg).addOffsetDateTime(Sql.time(at));
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
