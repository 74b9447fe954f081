package org.portops.ingest.event;

import io.vertx.pgclient.PgException;
import io.vertx.sqlclient.ClosedConnectionException;
import java.io.IOException;
import java.util.concurrent.TimeoutException;

/** Tells a failure that PostgreSQL could not be reached, which passes, from one that trying again cannot mend. */
public final class DatabaseFailures {

    private DatabaseFailures() {
    }

    /**
     * Whether {@code failure} (or a cause of it) says the database could not be reached: a refused, reset or closed
     * connection, a timeout, the server shutting down or starting up ({@code 57P01..57P03}), a connection error
     * ({@code 08...}) or a lack of resources ({@code 53...}). Any other server error (a constraint violation, bad
     * SQL) or a bug is not: trying again would give the same answer.
     */
    public static boolean unreachable(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof PgException pg) {
                String state = pg.getSqlState();
                return state != null && (state.startsWith("08") || state.startsWith("57P")
                        || state.startsWith("53"));
            }
            if (cause instanceof ClosedConnectionException || cause instanceof IOException
                    || cause instanceof TimeoutException) {
                return true;
            }
        }
        return false;
    }
}
