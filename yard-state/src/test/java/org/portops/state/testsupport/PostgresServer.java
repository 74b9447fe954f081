package org.portops.state.testsupport;

/**
 * A running PostgreSQL a test may create databases on.
 *
 * @param mode how it runs: {@code embedded}, {@code testcontainers} or {@code external}
 */
public record PostgresServer(String host, int port, String user, String password, String adminDatabase, String mode) {

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://" + host + ":" + port + "/" + database;
    }

    public String adminJdbcUrl() {
        return jdbcUrl(adminDatabase);
    }
}
