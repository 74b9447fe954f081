package org.portops.state.testsupport;

import io.vertx.core.Vertx;
import io.vertx.sqlclient.Pool;
import org.portops.state.Database;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/** One migrated database of a test, created by {@link TestPostgres#newDatabase(PostgresServer)}. */
public record TestDatabase(PostgresServer server, String name) {

    public String jdbcUrl() {
        return server.jdbcUrl(name);
    }

    public String user() {
        return server.user();
    }

    public String password() {
        return server.password();
    }

    /** A reactive pool on this database; the caller closes it. */
    public Pool pool(Vertx vertx) {
        return Database.pool(vertx, jdbcUrl(), user(), password(), 8);
    }

    /** A JDBC connection for assertions a test makes outside the code under test. */
    public Connection jdbc() throws SQLException {
        return DriverManager.getConnection(jdbcUrl(), user(), password());
    }

    /** Drops the database, closing any connection still open on it. */
    public void drop() {
        try (Connection connection = DriverManager.getConnection(server.adminJdbcUrl(), user(), password());
             Statement statement = connection.createStatement()) {
            statement.execute("drop database if exists " + name + " with (force)");
        } catch (SQLException e) {
            throw new IllegalStateException("could not drop test database " + name, e);
        }
    }
}
