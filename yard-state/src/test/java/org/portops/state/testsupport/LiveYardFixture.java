package org.portops.state.testsupport;

import static org.portops.state.testsupport.Await.await;

import com.hazelcast.core.HazelcastInstance;
import io.vertx.core.Vertx;
import io.vertx.sqlclient.Pool;
import java.time.Clock;
import org.portops.model.layout.TerminalLayout;
import org.portops.state.LiveYard;

/**
 * A live yard on real parts for one test: its own Vert.x, Hazelcast member (a cluster of its own), PostgreSQL
 * database and pool, opened (seeded) on a terminal layout; {@link #close} takes it all down again.
 */
public final class LiveYardFixture implements AutoCloseable {

    private static final int OPEN_TIMEOUT_SECONDS = 180;

    public final Vertx vertx;
    public final HazelcastInstance hazelcast;
    public final TestDatabase database;
    public final Pool pool;
    public final LiveYard yard;

    private LiveYardFixture(Vertx vertx, HazelcastInstance hazelcast, TestDatabase database, Pool pool,
                            LiveYard yard) {
        this.vertx = vertx;
        this.hazelcast = hazelcast;
        this.database = database;
        this.pool = pool;
        this.yard = yard;
    }

    /** {@code name} prefixes the Hazelcast cluster's name, so a test's member never joins another's. */
    public static LiveYardFixture open(String name, TerminalLayout layout) {
        Vertx vertx = Vertx.vertx();
        HazelcastInstance hazelcast = TestHazelcast.member(TestHazelcast.uniqueClusterName(name));
        TestDatabase database = TestPostgres.newDatabase(TestPostgres.any());
        Pool pool = database.pool(vertx);
        LiveYard yard = await(LiveYard.open(vertx, hazelcast, pool, layout, Clock.systemUTC()), OPEN_TIMEOUT_SECONDS);
        return new LiveYardFixture(vertx, hazelcast, database, pool, yard);
    }

    @Override
    public void close() {
        await(yard.close());
        await(pool.close());
        await(vertx.close());
        hazelcast.shutdown();
        database.drop();
    }
}
