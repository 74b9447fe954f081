package org.portops.state.lease;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.portops.state.testsupport.TestDatabase;
import org.portops.state.testsupport.TestPostgres;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.portops.state.testsupport.Await.await;

/** The planner lease on the real (embedded) PostgreSQL: grants, takeovers, tokens and the fence on plan writes. */
class PlannerLeaseTest {

    private static final PlannerName CRANE = new PlannerName("crane-scheduler");
    private static final NodeId A = new NodeId("node-a");
    private static final NodeId B = new NodeId("node-b");
    private static final NodeId C = new NodeId("node-c");

    private Vertx vertx;
    private TestDatabase database;
    private Pool pool;
    private PlannerLease leases;

    @BeforeEach
    void start() throws SQLException {
        vertx = Vertx.vertx();
        database = TestPostgres.newDatabase(TestPostgres.any());
        pool = database.pool(vertx);
        leases = new PlannerLease(pool);
        try (Connection jdbc = database.jdbc(); Statement statement = jdbc.createStatement()) {
            statement.execute("create table plan_write (seq bigserial primary key, token bigint not null, node text not null)");
        }
    }

    @AfterEach
    void stop() {
        await(pool.close());
        await(vertx.close());
        database.drop();
    }

    @Test
    void grantsAFreeLeaseAndRefusesItToEveryoneWhileLive() {
        Lease first = await(leases.tryAcquire(CRANE, A, Duration.ofSeconds(30))).orElseThrow();

        assertThat(first.token()).isEqualTo(1);
        assertThat(first.holder()).isEqualTo(A);
        assertThat(await(leases.tryAcquire(CRANE, B, Duration.ofSeconds(30)))).as("another node").isEmpty();
        assertThat(await(leases.tryAcquire(CRANE, A, Duration.ofSeconds(30)))).as("the holder itself").isEmpty();
        assertThat(await(leases.tryAcquire(new PlannerName("yard-planner"), B, Duration.ofSeconds(30))))
                .as("another planner's lease is its own").map(Lease::token).contains(1L);
        assertThat(await(leases.current(CRANE))).contains(first);
    }

    @Test
    void releaseLetsAnotherNodeTakeOverAtOnce() {
        Lease first = await(leases.tryAcquire(CRANE, A, Duration.ofSeconds(30))).orElseThrow();

        assertThat(await(leases.release(first))).isTrue();
        Lease next = await(leases.tryAcquire(CRANE, B, Duration.ofSeconds(30))).orElseThrow();

        assertThat(next.token()).isEqualTo(2);
        assertThat(await(leases.release(first))).as("a second release of an ended term").isFalse();
        assertThat(await(leases.renew(first))).as("renewal of a released term").isEmpty();
    }

    @Test
    void renewalExtendsALiveTermOnly() throws InterruptedException {
        Lease first = await(leases.tryAcquire(CRANE, A, Duration.ofMillis(400))).orElseThrow();

        Lease renewed = await(leases.renew(first)).orElseThrow();
        assertThat(renewed.token()).isEqualTo(first.token());
        assertThat(renewed.expiresAt()).isAfter(first.expiresAt());

        Thread.sleep(600);
        assertThat(await(leases.renew(renewed))).as("renewal after expiry").isEmpty();
    }

    @Test
    void tokenStrictlyIncreasesAcrossTakeovers() throws InterruptedException {
        long seed = new Random().nextLong();
        Random random = new Random(seed);
        List<NodeId> nodes = List.of(A, B, C);
        List<Long> tokens = new ArrayList<>();
        for (int term = 0; term < 12; term++) {
            NodeId node = nodes.get(random.nextInt(nodes.size()));
            boolean expires = random.nextBoolean();
            Lease lease = await(leases.tryAcquire(CRANE, node, Duration.ofMillis(expires ? 150 : 30_000)))
                    .orElseThrow(() -> new AssertionError("lease not free (seed " + seed + ")"));
            tokens.add(lease.token());
            if (expires) {
                Thread.sleep(250);
            } else {
                await(leases.release(lease));
            }
        }
        assertThat(tokens).as("tokens in grant order (seed %d)", seed).isSorted().doesNotHaveDuplicates();
    }

    @Test
    void staleLeaderPausedPastExpiryHasItsWriteRefusedWhileTheNewLeadersSucceeds() throws Exception {
        Lease stale = await(leases.tryAcquire(CRANE, A, Duration.ofMillis(300))).orElseThrow();
        Thread.sleep(500);
        Lease current = await(leases.tryAcquire(CRANE, B, Duration.ofSeconds(30))).orElseThrow();

        assertThatThrownBy(() -> await(leases.fencedWrite(stale, plan(stale))))
                .isInstanceOf(LeaseLostException.class)
                .hasMessageContaining("superseded by token 2 of node node-b")
                .extracting(e -> ((LeaseLostException) e).refusal())
                .isEqualTo(new LeaseRefusal.Superseded(2, B));
        await(leases.fencedWrite(current, plan(current)));

        assertThat(writtenTokens()).containsExactly(2L);
    }

    @Test
    void expiredTermWritesNothingEvenBeforeATakeover() throws Exception {
        Lease lapsed = await(leases.tryAcquire(CRANE, A, Duration.ofMillis(200))).orElseThrow();
        Thread.sleep(400);

        assertThatThrownBy(() -> await(leases.fencedWrite(lapsed, plan(lapsed))))
                .isInstanceOf(LeaseLostException.class)
                .extracting(e -> ((LeaseLostException) e).refusal())
                .isInstanceOf(LeaseRefusal.Expired.class);
        assertThat(writtenTokens()).isEmpty();
    }

    @Test
    void writeUnderAPlannerNeverLeasedIsRefused() throws Exception {
        Lease invented = new Lease(CRANE, A, 7, Instant.now().plusSeconds(60), Duration.ofSeconds(60));

        assertThatThrownBy(() -> await(leases.fencedWrite(invented, plan(invented))))
                .isInstanceOf(LeaseLostException.class)
                .extracting(e -> ((LeaseLostException) e).refusal())
                .isEqualTo(new LeaseRefusal.NeverLeased());
        assertThat(writtenTokens()).isEmpty();
    }

    @Test
    void takeoverWaitsForAWriteAlreadyPastItsCheck() throws Exception {
        Lease first = await(leases.tryAcquire(CRANE, A, Duration.ofMillis(3000))).orElseThrow();
        Thread.sleep(2000);
        Promise<Void> finishWrite = Promise.promise();
        Future<Void> inFlight = leases.fencedWrite(first, connection -> plan(first).apply(connection)
                .compose(written -> finishWrite.future()));
        awaitWriteInFlight();
        Thread.sleep(1300);

        Future<Optional<Lease>> takeover = leases.tryAcquire(CRANE, B, Duration.ofSeconds(30));
        Thread.sleep(300);
        assertThat(takeover.isComplete()).as("takeover of an expired term while its write is open").isFalse();

        vertx.runOnContext(go -> finishWrite.complete());
        await(inFlight);
        assertThat(await(takeover)).map(Lease::token).contains(2L);
        assertThat(writtenTokens()).as("the old term's write, ordered before the new term").containsExactly(1L);
    }

    @Test
    void stalledWriteIsEndedAfterTheTtlSoATakeoverProceeds() throws Exception {
        Lease first = await(leases.tryAcquire(CRANE, A, Duration.ofMillis(800))).orElseThrow();
        Future<Void> stalled = leases.fencedWrite(first, connection -> plan(first).apply(connection)
                .compose(written -> Promise.<Void>promise().future()));
        awaitWriteInFlight();

        Optional<Lease> takeover = Optional.empty();
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (takeover.isEmpty() && System.nanoTime() < deadline) {
            takeover = await(leases.tryAcquire(CRANE, B, Duration.ofSeconds(30)), 20);
            Thread.sleep(50);
        }

        assertThat(takeover).map(Lease::token).contains(2L);
        assertThat(!stalled.isComplete() || stalled.failed()).as("the stalled write never commits").isTrue();
        assertThat(writtenTokens()).isEmpty();
    }

    private static Function<SqlConnection, Future<Void>> plan(Lease lease) {
        return connection -> connection.preparedQuery("insert into plan_write (token, node) values ($1, $2)")
                .execute(Tuple.of(lease.token(), lease.holder().value()))
                .mapEmpty();
    }

    private List<Long> writtenTokens() throws SQLException {
        List<Long> tokens = new ArrayList<>();
        try (Connection jdbc = database.jdbc(); Statement statement = jdbc.createStatement();
             ResultSet rows = statement.executeQuery("select token from plan_write order by seq")) {
            while (rows.next()) {
                tokens.add(rows.getLong(1));
            }
        }
        return tokens;
    }

    /** Waits until a plan row is written but not committed: its transaction is past the lease check. */
    private void awaitWriteInFlight() throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        try (Connection jdbc = database.jdbc(); Statement statement = jdbc.createStatement()) {
            while (System.nanoTime() < deadline) {
                try (ResultSet rows = statement.executeQuery("select count(*) from pg_locks l join pg_class c "
                        + "on c.oid = l.relation where c.relname = 'plan_write' and l.mode = 'RowExclusiveLock' "
                        + "and l.database = (select oid from pg_database where datname = current_database())")) {
                    rows.next();
                    if (rows.getInt(1) > 0) {
                        return;
                    }
                }
                Thread.sleep(20);
            }
        }
        throw new AssertionError("no plan write got past its lease check within 20 s");
    }
}
