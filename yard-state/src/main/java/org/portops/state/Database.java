package org.portops.state;

import io.vertx.core.Vertx;
import io.vertx.pgclient.PgBuilder;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.PoolOptions;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

import java.net.URI;

/**
 * The PostgreSQL schema of PortOps: every migration of every module lives in this module under
 * {@code db/migration}, named by timestamp ({@code V20261124_0600__move_log.sql}) so parallel work never collides.
 */
public final class Database {

    private Database() {
    }

    /**
     * Brings the schema up to date. Flyway talks JDBC and blocks: call it before deploying verticles, or from a
     * worker ({@code vertx.executeBlocking}), never on an event loop.
     *
     * @param jdbcUrl  e.g. {@code jdbc:postgresql://127.0.0.1:5432/portops}
     * @return the number of migrations applied by this call
     */
    public static int migrate(String jdbcUrl, String user, String password) {
        MigrateResult result = Flyway.configure()
                .dataSource(jdbcUrl, user, password)
                .locations("classpath:db/migration")
                .load()
                .migrate();
        return result.migrationsExecuted;
    }

    /**
     * Reactive connection options for the same database a JDBC URL names, so configuration needs one URL.
     */
    public static PgConnectOptions connectOptions(String jdbcUrl, String user, String password) {
        if (!jdbcUrl.startsWith("jdbc:postgresql://")) {
            throw new IllegalArgumentException("not a PostgreSQL JDBC URL (jdbc:postgresql://host:port/database): " + jdbcUrl);
        }
        URI uri = URI.create(jdbcUrl.substring("jdbc:".length()));
        String database = uri.getPath() == null || uri.getPath().length() <= 1 ? user : uri.getPath().substring(1);
        return new PgConnectOptions()
                .setHost(uri.getHost())
                .setPort(uri.getPort() > 0 ? uri.getPort() : 5432)
                .setDatabase(database)
                .setUser(user)
                .setPassword(password)
                .setCachePreparedStatements(true)
                .setPipeliningLimit(256);
    }

    /** A reactive pool on the database a JDBC URL names. */
    public static Pool pool(Vertx vertx, String jdbcUrl, String user, String password, int maxSize) {
        return PgBuilder.pool()
                .with(new PoolOptions().setMaxSize(maxSize))
                .connectingTo(connectOptions(jdbcUrl, user, password))
                .using(vertx)
                .build();
    }
}
