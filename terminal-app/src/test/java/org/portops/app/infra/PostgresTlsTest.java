package org.portops.app.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.portops.state.testsupport.Await.await;

import io.vertx.core.Vertx;
import io.vertx.pgclient.PgBuilder;
import io.vertx.sqlclient.Pool;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.portops.app.config.PostgresUrl;
import org.portops.ingest.tls.CertificateDirectory;
import org.portops.state.Database;

/**
 * PortOps connects to an external PostgreSQL over TLS and checks its certificate as {@code pg.url} says
 * ({@code sslmode=verify-full&sslrootcert=…}): a PostgreSQL whose certificate the terminal CA of
 * {@code ./portops certs} issued, run for real (embedded, {@code ssl=on}, listening on two loopback addresses).
 * Both clients PortOps uses, JDBC (Flyway, {@code audit verify}) and the reactive pool, verify the same way: the
 * connection is encrypted, a certificate of another CA is refused, and verify-full refuses a host the certificate
 * does not name where verify-ca accepts it.
 */
class PostgresTlsTest {

    private static final String OTHER_HOST = "127.0.0.2";
    @TempDir
    static Path dir;
    private static CertificateDirectory terminal;
    private static CertificateDirectory other;
    private static EmbeddedPostgres postgres;
    private static final Vertx VERTX = Vertx.vertx();

    @BeforeAll
    static void start() throws IOException {
        Instant now = Instant.now();
        terminal = new CertificateDirectory(dir.resolve("certs"));
        terminal.issue("test", List.of("localhost", "127.0.0.1"), List.of(), now, Duration.ofDays(1));
        other = new CertificateDirectory(dir.resolve("other-terminal"));
        other.issue("other", List.of("localhost", "127.0.0.1"), List.of(), now, Duration.ofDays(1));
        postgres = EmbeddedPostgres.builder()
                // where TestPostgres unpacks the binaries: unpacking them again took most of this class's time
                .setOverrideWorkingDirectory(Files.createDirectories(Path.of("target", "embedded-pg")
                        .toAbsolutePath()).toFile())
                .setDataDirectory(dir.resolve("data"))
                .setServerConfig("listen_addresses", "127.0.0.1," + OTHER_HOST)
                .setServerConfig("ssl", "on")
                .setServerConfig("ssl_cert_file", terminal.serverCertificate().toString())
                .setServerConfig("ssl_key_file", terminal.serverKey().toString())
                .setServerConfig("fsync", "off")
                .start();
    }

    @AfterAll
    static void stop() throws IOException {
        await(VERTX.close());
        postgres.close();
    }

    private static String url(String host, String mode, Path rootCertificate) {
        return "jdbc:postgresql://" + host + ":" + postgres.getPort() + "/postgres?sslmode=" + mode
                + "&sslrootcert=" + rootCertificate;
    }

    @Test
    void verifyFullWithTheTerminalCaMigratesAndConnectsOverTlsWithBothClients() throws Exception {
        String url = url("localhost", "verify-full", terminal.caCertificate());

        assertThat(Database.migrate(url, "postgres", "postgres")).as("Flyway over JDBC").isPositive();
        try (Connection jdbc = DriverManager.getConnection(url, "postgres", "postgres")) {
            assertThat(encrypted(jdbc)).as("JDBC over TLS").isTrue();
        }
        assertThat(reactiveEncrypted(url)).as("the reactive pool over TLS").isTrue();
    }

    @Test
    void aServerCertificateOfAnotherCaIsRefusedByBothClients() {
        String url = url("localhost", "verify-full", other.caCertificate());

        assertThatThrownBy(() -> DriverManager.getConnection(url, "postgres", "postgres").close())
                .isInstanceOf(SQLException.class).hasStackTraceContaining("PKIX path");
        // Vert.x names no cause; the same server with the terminal CA connects (above)
        assertThatThrownBy(() -> reactiveEncrypted(url)).hasStackTraceContaining("SSL handshake failed");
    }

    @Test
    void verifyFullRefusesAHostTheCertificateDoesNotNameWhereVerifyCaAcceptsIt() throws Exception {
        String full = url(OTHER_HOST, "verify-full", terminal.caCertificate());
        assertThatThrownBy(() -> DriverManager.getConnection(full, "postgres", "postgres").close())
                .isInstanceOf(SQLException.class).hasMessageContaining(OTHER_HOST);
        assertThatThrownBy(() -> reactiveEncrypted(full)).hasStackTraceContaining("SSL handshake failed");

        String ca = url(OTHER_HOST, "verify-ca", terminal.caCertificate());
        try (Connection jdbc = DriverManager.getConnection(ca, "postgres", "postgres")) {
            assertThat(encrypted(jdbc)).isTrue();
        }
        assertThat(reactiveEncrypted(ca)).isTrue();
    }

    @Test
    void certificateVerificationWithoutTheCaFileOrWithAClientCertificateIsRefusedWithTheReason() {
        String base = "jdbc:postgresql://localhost:" + postgres.getPort() + "/postgres";
        assertThatThrownBy(() -> Database.connectOptions(base + "?sslmode=verify-full", "postgres", "postgres"))
                .hasMessageContaining("sslmode=verify-full needs sslrootcert=").hasMessageContaining("none was given");
        assertThatThrownBy(() -> Database.connectOptions(base + "?sslmode=verify-full&sslrootcert=/nonexistent/ca.pem",
                "postgres", "postgres")).hasMessageContaining("/nonexistent/ca.pem cannot be read");
        assertThatThrownBy(() -> Database.connectOptions(base + "?sslmode=verify-fll", "postgres", "postgres"))
                .hasMessageContaining("sslmode must be one of").hasMessageContaining("'verify-fll'");
        assertThatThrownBy(() -> Database.connectOptions(base + "?sslmode=require&sslcert=client.pem", "postgres",
                "postgres")).hasMessageContaining("sslcert is not supported");
    }

    private static boolean encrypted(Connection jdbc) throws SQLException {
        try (ResultSet row = jdbc.createStatement().executeQuery(
                "select ssl from pg_stat_ssl where pid = pg_backend_pid()")) {
            return row.next() && row.getBoolean(1);
        }
    }

    /** Through the options {@code ./portops run --pg-url} gives the live yard's pool. */
    private static boolean reactiveEncrypted(String url) {
        PostgresServer.External server = new PostgresServer.External(PostgresUrl.parse(url), "postgres", "postgres");
        Pool pool = PgBuilder.pool().connectingTo(server.connectOptions()).using(VERTX).build();
        try {
            return await(pool.query("select ssl from pg_stat_ssl where pid = pg_backend_pid()").execute())
                    .iterator().next().getBoolean(0);
        } finally {
            await(pool.close());
        }
    }
}
