package org.portops.state.live;

import org.portops.state.testsupport.ContainerPostgres;
import org.portops.state.testsupport.PostgresServer;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.postgresql.PostgreSQLContainer;

/** The persistence contract on PostgreSQL in a container; skipped where there is no Docker. */
@Testcontainers(disabledWithoutDocker = true)
class LiveYardPersistenceContainerTest extends LiveYardPersistenceContract {

    @Container
    static final PostgreSQLContainer POSTGRES = ContainerPostgres.container();

    @Override
    PostgresServer server() {
        return ContainerPostgres.server(POSTGRES);
    }
}
