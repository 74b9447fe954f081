package org.portops.state.lease;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Function;

/**
 * The planners' leases in PostgreSQL ({@code planner_lease}): the database is the one place where terms are
 * decided and ordered. A term is granted only when the previous one expired or was released, always with a greater
 * token; expiry is reckoned by the database's clock, so node clocks never have to agree. A plan write is fenced by
 * {@link #fencedWrite} (or {@link #checkHeld} inside the caller's own transaction): the lease row is share-locked
 * and the token compared first, so a stale leader's write is refused and a takeover waits for any write already
 * past its check. The argument is written out in {@code docs/scaling.md}.
 */
public final class PlannerLease {

    // The plain pre-check turns a candidate away from a live term without locking its row, so polling candidates
    // never queue behind the leader's plan writes; the upsert then locks the row and decides under the lock.
    private static final String ACQUIRE = """
            insert into planner_lease as l (planner, holder, token, expires_at, ttl_ms, acquired_at)
            select $1, $2, 1, clock_timestamp() + $3::bigint * interval '1 millisecond', $3, clock_timestamp()
            where not exists (select 1 from planner_lease where planner = $1 and expires_at > clock_timestamp())
            on conflict (planner) do update
                set holder = excluded.holder, token = l.token + 1, expires_at = excluded.expires_at,
                    ttl_ms = excluded.ttl_ms, acquired_at = excluded.acquired_at
                where l.expires_at <= clock_timestamp()
            returning token, expires_at""";
    private static final String RENEW = """
            update planner_lease set expires_at = clock_timestamp() + $3::bigint * interval '1 millisecond'
            where planner = $1 and token = $2 and expires_at > clock_timestamp()
            returning expires_at""";
    private static final String RELEASE = """
            update planner_lease set expires_at = clock_timestamp()
            where planner = $1 and token = $2 and expires_at > clock_timestamp()""";
    private static final String CHECK = """
            select holder, token, expires_at, expires_at > clock_timestamp() as live
            from planner_lease where planner = $1 for share""";

    private final Pool pool;

    public PlannerLease(Pool pool) {
        this.pool = pool;
    }

    /**
     * Takes the planner's lease for {@code node} if nobody holds it (never leased, expired or released), with a
     * token greater than any before; empty while another term is live, including one of the same node.
     */
    public Future<Optional<Lease>> tryAcquire(PlannerName planner, NodeId node, Duration ttl) {
        requirePositive(ttl);
        return pool.preparedQuery(ACQUIRE)
                .execute(Tuple.of(planner.value(), node.value(), ttl.toMillis()))
                .map(rows -> first(rows).map(row ->
                        new Lease(planner, node, row.getLong("token"), expiresAt(row), ttl)));
    }

    /** Extends a live term by its ttl from now; empty if it expired or was superseded (then it is over for good). */
    public Future<Optional<Lease>> renew(Lease lease) {
        return pool.preparedQuery(RENEW)
                .execute(Tuple.of(lease.planner().value(), lease.token(), lease.ttl().toMillis()))
                .map(rows -> first(rows).map(row -> lease.renewedUntil(expiresAt(row))));
    }

    /** Ends a live term now, so another node may take over at once; false if it had already ended. */
    public Future<Boolean> release(Lease lease) {
        return pool.preparedQuery(RELEASE)
                .execute(Tuple.of(lease.planner().value(), lease.token()))
                .map(rows -> rows.rowCount() == 1);
    }

    /** The planner's latest term, live or not; empty if never leased. */
    public Future<Optional<Lease>> current(PlannerName planner) {
        return pool.preparedQuery("select holder, token, expires_at, ttl_ms from planner_lease where planner = $1")
                .execute(Tuple.of(planner.value()))
                .map(rows -> first(rows).map(row -> new Lease(planner, new NodeId(row.getString("holder")),
                        row.getLong("token"), expiresAt(row), Duration.ofMillis(row.getLong("ttl_ms")))));
    }

    /**
     * Runs {@code write} in one transaction behind the lease check, and commits only if the term still holds. A
     * write that stalls (a paused process holding its transaction open) is ended by PostgreSQL after the lease's
     * ttl, so it cannot hold a takeover back for longer. Fails with {@link LeaseLostException}, having written
     * nothing, when the term is over.
     */
    public <T> Future<T> fencedWrite(Lease lease, Function<SqlConnection, Future<T>> write) {
        return pool.withTransaction(connection -> limitStall(connection, lease.ttl())
                .compose(limited -> checkHeld(connection, lease.planner(), lease.token()))
                .compose(held -> write.apply(connection)));
    }

    /**
     * Checks, inside the caller's transaction and before its plan writes, that {@code token} holds the planner's
     * lease; the share lock it takes on the lease row lasts until that transaction ends, so no takeover commits in
     * between. Fails with {@link LeaseLostException} otherwise.
     */
    public static Future<Void> checkHeld(SqlConnection connection, PlannerName planner, long token) {
        return connection.preparedQuery(CHECK).execute(Tuple.of(planner.value()))
                .compose(rows -> refusal(rows, token)
                        .<Future<Void>>map(refusal -> Future.failedFuture(new LeaseLostException(planner, token, refusal)))
                        .orElseGet(Future::succeededFuture));
    }

    private static Optional<LeaseRefusal> refusal(RowSet<Row> rows, long token) {
        Optional<Row> row = first(rows);
        if (row.isEmpty()) {
            return Optional.of(new LeaseRefusal.NeverLeased());
        }
        Row lease = row.get();
        if (lease.getLong("token") != token) {
            return Optional.of(new LeaseRefusal.Superseded(lease.getLong("token"), new NodeId(lease.getString("holder"))));
        }
        if (!lease.getBoolean("live")) {
            return Optional.of(new LeaseRefusal.Expired(expiresAt(lease)));
        }
        return Optional.empty();
    }

    private static Future<Void> limitStall(SqlConnection connection, Duration ttl) {
        return connection.preparedQuery("select set_config('idle_in_transaction_session_timeout', $1, true)")
                .execute(Tuple.of(Long.toString(Math.max(1, ttl.toMillis()))))
                .mapEmpty();
    }

    private static Optional<Row> first(RowSet<Row> rows) {
        var iterator = rows.iterator();
        return iterator.hasNext() ? Optional.of(iterator.next()) : Optional.empty();
    }

    private static Instant expiresAt(Row row) {
        return row.getOffsetDateTime("expires_at").toInstant();
    }

    private static void requirePositive(Duration ttl) {
        if (ttl.isNegative() || ttl.isZero() || ttl.toMillis() == 0) {
            throw new IllegalArgumentException("a lease ttl is at least 1 ms, got " + ttl);
        }
    }
}
