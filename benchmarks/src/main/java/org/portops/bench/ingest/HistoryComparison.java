package org.portops.bench.ingest;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import org.portops.ingest.IngestConfig;
import org.portops.ingest.history.BatchWriter;
import org.portops.ingest.history.ReadingRow;
import org.portops.ingest.history.TelemetryHistory;
import org.postgresql.PGConnection;

/**
 * Telemetry history into PostgreSQL, two ways, with the same rows into the same table in the same run: the ingest's
 * own history path ({@link BatchWriter} with the service's queue bound and batch size, one batch in flight, each
 * batch one {@code INSERT ... SELECT FROM unnest(...)} through {@link TelemetryHistory}) and a bulk load of the same
 * rows from a CSV file, by Debian's {@code psql \copy} or, without psql, {@code COPY FROM STDIN} through the JDBC
 * driver's CopyManager. The rows are readings the ingest stored earlier in the run. Alternates the two, rounds
 * times, and keeps each one's best. Each path's PostgreSQL CPU per row comes from {@link CpuMeter}. A third path,
 * the same writer and statement into a scratch table with the first telemetry layout (V20261124_0700: {@code jsonb}
 * payload, a btree on machine and time), shows what the current layout (V20261124_0810: {@code json}, a BRIN on time)
 * saves PostgreSQL per row, in the same run.
 */
final class HistoryComparison {

    static final Path PSQL = Path.of("/usr/bin/psql");
    private static final String COLUMNS = "recorded_at, received_at, machine_id, topic, sequence, payload";

    /** Rows per second of one path, and the microseconds of PostgreSQL CPU it spent per row. */
    record Run(double rowsPerSecond, double postgresMicrosPerRow) {
        static final Run NONE = new Run(0, Double.NaN);

        Run best(Run other) {
            return other.rowsPerSecond > rowsPerSecond ? other : this;
        }
    }

    record Result(int rows, int batchSize, Run writer, Run copy, Run firstLayoutWriter, String copyTool) {
        double ratio() {
            return writer.rowsPerSecond() / copy.rowsPerSecond();
        }
    }

    private static final String FIRST_LAYOUT = "bench_reading_v0700";
    private static final String INSERT_FIRST_LAYOUT = "insert into " + FIRST_LAYOUT + " (" + COLUMNS + ") "
            + "select r, rc, m, t, s, p::jsonb from unnest($1::timestamptz[], $2::timestamptz[], $3::text[], "
            + "$4::text[], $5::bigint[], $6::text[]) as u(r, rc, m, t, s, p)";

    private final PortOpsSide side;
    private final IngestConfig config;
    private final Path folder;
    private final CpuMeter cpu;

    HistoryComparison(PortOpsSide side, IngestConfig config, Path folder, CpuMeter cpu) {
        this.side = side;
        this.config = config;
        this.folder = folder;
        this.cpu = cpu;
    }

    Result run(int wanted, int rounds) throws IOException, InterruptedException, SQLException {
        PortOpsSide.await(side.pool().query("drop table if exists bench_history_rows").execute());
        PortOpsSide.await(side.pool().query("create table bench_history_rows as select " + COLUMNS.replace("payload",
                "payload::text as payload") + " from telemetry_reading limit " + wanted).execute());
        List<ReadingRow> rows = load();
        if (rows.isEmpty()) {
            throw new IllegalStateException("no readings were stored during the run; nothing to compare");
        }
        Path csv = folder.resolve("history-rows.csv");
        boolean psql = Files.isExecutable(PSQL);
        exportCsv(csv, psql);
        createFirstLayout();
        TelemetryHistory history = new TelemetryHistory(side.pool());
        Run writer = Run.NONE;
        Run copy = Run.NONE;
        Run firstLayout = Run.NONE;
        for (int round = 0; round < rounds; round++) {
            writer = writer.best(measured(rows.size(), () -> writer(rows, history::writeReadings)));
            copy = copy.best(measured(rows.size(), () -> psql ? psqlCopy(csv, rows.size())
                    : jdbcCopy(csv, rows.size())));
            firstLayout = firstLayout.best(measured(rows.size(), () -> writer(rows, this::writeFirstLayout)));
        }
        Files.deleteIfExists(csv);
        PortOpsSide.await(side.pool().query("drop table " + FIRST_LAYOUT).execute());
        return new Result(rows.size(), config.historyBatchSize(), writer, copy, firstLayout,
                psql ? "psql \\copy" : "COPY FROM STDIN (JDBC CopyManager)");
    }

    private interface Timed {
        double rowsPerSecond() throws IOException, InterruptedException, SQLException;
    }

    private Run measured(int rows, Timed path) throws IOException, InterruptedException, SQLException {
        long before = cpu.sample().nanos().get(CpuMeter.Part.POSTGRES);
        double rate = path.rowsPerSecond();
        long spent = cpu.sample().nanos().get(CpuMeter.Part.POSTGRES) - before;
        return new Run(rate, spent / 1_000.0 / rows);
    }

    private void createFirstLayout() {
        PortOpsSide.await(side.pool().query("drop table if exists " + FIRST_LAYOUT).execute());
        PortOpsSide.await(side.pool().query("create table " + FIRST_LAYOUT + " (recorded_at timestamptz not null, "
                + "received_at timestamptz not null, machine_id text not null, topic text not null, "
                + "sequence bigint not null, payload jsonb not null) partition by range (recorded_at)").execute());
        PortOpsSide.await(side.pool().query("create table " + FIRST_LAYOUT + "_all partition of " + FIRST_LAYOUT
                + " default").execute());
        PortOpsSide.await(side.pool().query("create index on " + FIRST_LAYOUT + " (machine_id, recorded_at)")
                .execute());
    }

    /** The ingest's statement, into the first layout's table. */
    private Future<Void> writeFirstLayout(List<ReadingRow> rows) {
        int n = rows.size();
        OffsetDateTime[] recorded = new OffsetDateTime[n];
        OffsetDateTime[] received = new OffsetDateTime[n];
        String[] machines = new String[n];
        String[] topics = new String[n];
        Long[] sequences = new Long[n];
        String[] payloads = new String[n];
        for (int i = 0; i < n; i++) {
            ReadingRow row = rows.get(i);
            recorded[i] = OffsetDateTime.ofInstant(row.recordedAt(), ZoneOffset.UTC);
            received[i] = OffsetDateTime.ofInstant(row.receivedAt(), ZoneOffset.UTC);
            machines[i] = row.machineId();
            topics[i] = row.topic();
            sequences[i] = row.sequence();
            payloads[i] = row.payload();
        }
        return side.pool().preparedQuery(INSERT_FIRST_LAYOUT)
                .execute(Tuple.of(recorded, received, machines, topics, sequences, payloads)).mapEmpty();
    }

    private List<ReadingRow> load() {
        List<ReadingRow> rows = new ArrayList<>();
        for (Row row : PortOpsSide.await(side.pool().query("select " + COLUMNS + " from bench_history_rows")
                .execute())) {
            rows.add(new ReadingRow(row.getOffsetDateTime("recorded_at").toInstant(),
                    row.getOffsetDateTime("received_at").toInstant(), row.getString("machine_id"),
                    row.getString("topic"), row.getLong("sequence"), row.getString("payload")));
        }
        return rows;
    }

    /** Rows per second through the ingest's history writer, from the first row offered to the last committed. */
    private double writer(List<ReadingRow> rows, Function<List<ReadingRow>, Future<Void>> sink) {
        AtomicLong committed = new AtomicLong();
        AtomicLong shed = new AtomicLong();
        Context context = side.vertx().getOrCreateContext();
        Promise<Long> done = Promise.promise();
        long started = System.nanoTime();
        context.runOnContext(v -> {
            BatchWriter<ReadingRow> writer = new BatchWriter<>("bench history", config.historyQueueBound(),
                    config.historyBatchSize(), TelemetryHistory.READING_BATCHES_IN_FLIGHT,
                    batch -> sink.apply(batch)
                    .onSuccess(ok -> committed.addAndGet(batch.size())), shed::incrementAndGet);
            feed(writer, config.historyQueueBound(), rows, 0, () -> committed.get() + shed.get() >= rows.size(), done);
        });
        long end = PortOpsSide.await(done.future());
        if (shed.get() > 0 || committed.get() != rows.size()) {
            throw new IllegalStateException("history writer committed " + committed.get() + " of " + rows.size()
                    + " rows, shed " + shed.get());
        }
        return rows.size() / ((end - started) / 1e9);
    }

    /** Keeps the writer's queue topped up, as a steady stream of readings would, until every row is written. */
    private static void feed(BatchWriter<ReadingRow> writer, int bound, List<ReadingRow> rows, int from,
                             BooleanSupplier finished, Promise<Long> done) {
        int next = from;
        while (next < rows.size() && writer.queued() < bound) {
            writer.offer(rows.get(next++));
        }
        int offered = next;
        writer.flush().onComplete(result -> {
            if (!finished.getAsBoolean()) {
                feed(writer, bound, rows, offered, finished, done);
            } else {
                done.complete(System.nanoTime());
            }
        });
    }

    private void exportCsv(Path csv, boolean psql) throws IOException, InterruptedException, SQLException {
        if (psql) {
            runPsql("\\copy bench_history_rows (" + COLUMNS + ") to '" + csv + "' with (format csv)");
            return;
        }
        try (Connection connection = jdbc(); Writer out = Files.newBufferedWriter(csv, StandardCharsets.UTF_8)) {
            connection.unwrap(PGConnection.class).getCopyAPI()
                    .copyOut("copy bench_history_rows (" + COLUMNS + ") to stdout with (format csv)", out);
        }
    }

    /** Rows per second of one {@code psql \copy} run, process start to exit. */
    private double psqlCopy(Path csv, int rows) throws IOException, InterruptedException {
        long started = System.nanoTime();
        String output = runPsql("\\copy telemetry_reading (" + COLUMNS + ") from '" + csv + "' with (format csv)");
        double seconds = (System.nanoTime() - started) / 1e9;
        if (!output.contains("COPY " + rows)) {
            throw new IllegalStateException("psql \\copy did not load " + rows + " rows: " + output);
        }
        return rows / seconds;
    }

    private double jdbcCopy(Path csv, int rows) throws IOException, SQLException {
        long started = System.nanoTime();
        long copied;
        try (Connection connection = jdbc(); Reader in = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
            copied = connection.unwrap(PGConnection.class).getCopyAPI()
                    .copyIn("copy telemetry_reading (" + COLUMNS + ") from stdin with (format csv)", in);
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        if (copied != rows) {
            throw new IllegalStateException("COPY loaded " + copied + " of " + rows + " rows");
        }
        return rows / seconds;
    }

    private String runPsql(String command) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(PSQL.toString(), "-X", "-v", "ON_ERROR_STOP=1",
                "-h", "127.0.0.1", "-p", String.valueOf(side.postgresPort()), "-U", PortOpsSide.USER, "-d", "postgres",
                "-c", command).redirectErrorStream(true);
        builder.environment().put("PGPASSWORD", PortOpsSide.USER);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(5, TimeUnit.MINUTES) || process.exitValue() != 0) {
            throw new IllegalStateException("psql failed: " + output);
        }
        return output;
    }

    private Connection jdbc() throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + side.postgresPort() + "/postgres",
                PortOpsSide.USER, PortOpsSide.USER);
    }
}
