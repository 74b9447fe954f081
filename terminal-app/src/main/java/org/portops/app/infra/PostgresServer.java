package org.portops.app.infra;

import io.vertx.pgclient.PgConnectOptions;
import java.io.IOException;
import org.portops.app.config.PortOpsConfig;
import org.portops.app.config.PostgresUrl;
import org.portops.state.Database;

/** The PostgreSQL PortOps keeps its durable record in: embedded, or an external server. */
public sealed interface PostgresServer extends AutoCloseable permits EmbeddedPostgresServer, PostgresServer.External {

    /** Starts the embedded server, or names the external one, as the configuration says. */
    static PostgresServer start(PortOpsConfig config) throws IOException {
        if (config.embeddedPostgres()) {
            return EmbeddedPostgresServer.start(config.dataDir().resolve("postgres"), config.pgPort());
        }
        return new External(config.postgresUrl(), config.pgUser(), config.pgPassword());
    }

    /** JDBC URL without credentials (Flyway). */
    String jdbcUrl();

    String host();

    int port();

    String database();

    String user();

    String password();

    /** One line for the log, without secrets. */
    String describe();

    /**
     * Options for the Vert.x reactive client, tuned as the live yard expects; it connects as JDBC does, with the
     * URL's {@code sslmode} and {@code sslrootcert} ({@link Database#connectOptions}).
     */
    default PgConnectOptions connectOptions() {
        return Database.connectOptions(jdbcUrl(), user(), password());
    }

    @Override
    void close() throws IOException;

    /** A server run by someone else: PortOps connects to it and leaves it running. */
    record External(PostgresUrl url, String user, String password) implements PostgresServer {

        @Override
        public String jdbcUrl() {
            return url.jdbcUrl();
        }

        @Override
        public String host() {
            return url.host();
        }

        @Override
        public int port() {
            return url.port();
        }

        @Override
        public String database() {
            return url.database();
        }

        @Override
        public String describe() {
            return "external PostgreSQL " + url + " as " + user;
        }

        @Override
        public String toString() {
            return describe();
        }

        @Override
        public void close() {
            // nothing to stop: the server belongs to its operator
        }
    }
}
