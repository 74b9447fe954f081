package org.portops.state.testsupport;

import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * PostgreSQL in a Testcontainers container, for test classes annotated
 * {@code @Testcontainers(disabledWithoutDocker = true)}: they skip cleanly where there is no Docker.
 * Kept apart from {@link TestPostgres} so modules that only use the embedded server need no Testcontainers.
 */
public final class ContainerPostgres {

    private ContainerPostgres() {
    }

    /** A not yet started container; hand it to {@code @Container}. */
    public static PostgreSQLContainer container() {
        return new PostgreSQLContainer("postgres:17-alpine");
    }

    /** The started container as a server tests can create databases on. */
    public static PostgresServer server(PostgreSQLContainer container) {
        return new PostgresServer(container.getHost(), container.getMappedPort(5432), container.getUsername(),
                container.getPassword(), container.getDatabaseName(), "testcontainers");
    }
}
