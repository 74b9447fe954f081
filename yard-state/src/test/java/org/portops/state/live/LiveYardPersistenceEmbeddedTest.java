package org.portops.state.live;

import org.portops.state.testsupport.PostgresServer;
import org.portops.state.testsupport.TestPostgres;

/** The persistence contract on the embedded PostgreSQL (or the external one named by PORTOPS_TEST_PG_URL). */
class LiveYardPersistenceEmbeddedTest extends LiveYardPersistenceContract {

    @Override
    PostgresServer server() {
        return TestPostgres.any();
    }
}
