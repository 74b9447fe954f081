package org.portops.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.sqlclient.Pool;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.portops.app.config.ConfigResolver;
import org.portops.app.config.PortOpsConfig;
import org.portops.app.config.Setting;
import org.portops.app.infra.PostgresServer;
import org.portops.state.Database;
import org.portops.state.audit.AuditEvent;
import org.portops.state.audit.AuditTrail;
import org.portops.state.store.AuditLog.AuditEntry;
import picocli.CommandLine;

/** {@code portops audit verify} against a real PostgreSQL, given by URL and as the embedded one in a data dir. */
class AuditVerifyCommandTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-24T13:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path dataDir;

    private StringWriter out = new StringWriter();
    private StringWriter err = new StringWriter();

    @Test
    void verifyReportsAnIntactChainThenNamesTheRowChangedBehindItsBack() throws Exception {
        PortOpsConfig config = ConfigResolver.resolve(
                Map.of(Setting.DATA_DIR, dataDir.toString(), Setting.PG_PORT, "0"), Map.of());
        List<AuditEntry> entries;
        try (PostgresServer postgres = PostgresServer.start(config)) {
            Database.migrate(postgres.jdbcUrl(), postgres.user(), postgres.password());
            entries = appendFive(postgres);
            AuditEntry head = entries.getLast();

            assertThat(execute("audit", "verify", "--pg-url", postgres.jdbcUrl())).as(err.toString()).isZero();
            assertThat(out.toString()).contains("intact: 5 rows", "head " + head.id() + ":" + head.hash());

            try (Connection connection = DriverManager.getConnection(postgres.jdbcUrl(), postgres.user(),
                    postgres.password()); Statement statement = connection.createStatement()) {
                statement.execute("set session_replication_role = replica");
                statement.execute("update audit_log set subject = 'WI-999' where id = " + entries.get(2).id());
            }
        }

        String anchor = entries.getLast().id() + ":" + entries.getLast().hash();
        int exitCode = execute("audit", "verify", "--data-dir", dataDir.toString(), "--pg-port", "0",
                "--anchor", anchor);

        assertThat(exitCode).as(err.toString()).isEqualTo(1);
        assertThat(out.toString()).contains("BROKEN at row " + entries.get(2).id() + " (CONTENT_CHANGED)",
                "2 rows before it fit", "head " + entries.get(1).id() + ":" + entries.get(1).hash());
    }

    @Test
    void aMalformedAnchorIsRefusedBeforeAnyDatabaseIsTouched() {
        int exitCode = execute("audit", "verify", "--data-dir", dataDir.toString(), "--anchor", "12");

        assertThat(exitCode).isEqualTo(2);
        assertThat(err.toString()).contains("--anchor: an anchor is <row id>:<hash>, was '12'");
        assertThat(dataDir).isEmptyDirectory();
    }

    private static List<AuditEntry> appendFive(PostgresServer postgres) {
        Vertx vertx = Vertx.vertx();
        try {
            Pool pool = Database.pool(vertx, postgres.jdbcUrl(), postgres.user(), postgres.password(), 2);
            AuditTrail trail = new AuditTrail(pool, CLOCK);
            List<AuditEntry> entries = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                entries.add(trail.append(new AuditEvent.ManualOverride("user:op" + i, "WI-" + i, "state",
                        "driver radioed in")).await());
            }
            pool.close().await();
            return entries;
        } finally {
            vertx.close().await();
        }
    }

    private int execute(String... args) {
        out = new StringWriter();
        err = new StringWriter();
        CommandLine commandLine = PortOpsCli.commandLine(Map.of());
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        return commandLine.execute(args);
    }
}
