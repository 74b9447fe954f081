package org.portops.ingest.event;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.pgclient.PgException;
import io.vertx.sqlclient.ClosedConnectionException;
import java.net.ConnectException;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;

/**
 * What the event processor waits out (PostgreSQL unreachable: retried, the events behind it waiting) and what it
 * does not (retrying would give the same answer, and would stall every event behind it for good).
 */
class DatabaseFailuresTest {

    private static PgException server(String sqlState) {
        return new PgException("server says " + sqlState, "ERROR", sqlState, null);
    }

    @Test
    void aLostOrRefusedConnectionOrAServerShuttingDownOrStartingIsWaitedOut() {
        assertThat(DatabaseFailures.unreachable(new ConnectException("Connection refused"))).isTrue();
        assertThat(DatabaseFailures.unreachable(ClosedConnectionException.INSTANCE)).isTrue();
        assertThat(DatabaseFailures.unreachable(new TimeoutException("no connection within 30 s"))).isTrue();
        assertThat(DatabaseFailures.unreachable(server("57P01"))).as("admin shutdown").isTrue();
        assertThat(DatabaseFailures.unreachable(server("57P03"))).as("cannot connect now (starting)").isTrue();
        assertThat(DatabaseFailures.unreachable(server("08006"))).as("connection failure").isTrue();
        assertThat(DatabaseFailures.unreachable(server("53300"))).as("too many connections").isTrue();
        assertThat(DatabaseFailures.unreachable(new IllegalStateException("wrapped",
                new ConnectException("Connection refused")))).as("found among the causes").isTrue();
    }

    @Test
    void aRefusalOfTheServerOrABugIsNotRetried() {
        assertThat(DatabaseFailures.unreachable(server("23505"))).as("unique violation").isFalse();
        assertThat(DatabaseFailures.unreachable(server("42P01"))).as("undefined table").isFalse();
        assertThat(DatabaseFailures.unreachable(server("P0001"))).as("raised by a trigger").isFalse();
        assertThat(DatabaseFailures.unreachable(new NullPointerException())).isFalse();
        assertThat(DatabaseFailures.unreachable(new IllegalStateException("lease lost"))).isFalse();
        assertThat(DatabaseFailures.unreachable(new IllegalStateException("wrapped", server("23505"))))
                .as("the server's answer decides, whatever wraps it").isFalse();
    }
}
