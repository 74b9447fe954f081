package org.portops.state.lease;

import io.vertx.core.Vertx;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Tuple;
import org.portops.state.testsupport.TestDatabase;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import static org.portops.state.testsupport.Await.await;

/**
 * One simulated PortOps node of a test: its own Vert.x, pool and {@link LeaderElector}; while it leads, it can
 * write a plan row through the fence every 20 ms, as a planner would publish plans.
 */
final class ElectionNode implements Leadership {

    /** A change of leadership as the node saw it, with {@link System#nanoTime()}. */
    record Turn(NodeId node, long token, boolean elected, long atNanos) {
    }

    final NodeId id;
    final Vertx vertx;
    final Pool pool;
    final PlannerLease leases;
    final LeaderElector elector;
    final List<Turn> turns = new ArrayList<>();
    final AtomicInteger refusedWrites = new AtomicInteger();
    private final boolean writes;
    private final String deployment;
    private volatile Lease writingUnder;
    private volatile boolean candidate = true;

    ElectionNode(TestDatabase database, PlannerName planner, NodeId id, Duration ttl, boolean writes) {
        this(database, planner, id, ttl, Clock.systemUTC(), writes);
    }

    ElectionNode(TestDatabase database, PlannerName planner, NodeId id, Duration ttl, Clock clock, boolean writes) {
        this.id = id;
        this.writes = writes;
        this.vertx = Vertx.vertx();
        this.pool = database.pool(vertx);
        this.leases = new PlannerLease(pool);
        this.elector = new LeaderElector(leases, planner, id, ttl, clock, this);
        this.deployment = await(vertx.deployVerticle(elector));
    }

    @Override
    public void onElected(Lease lease) {
        synchronized (turns) {
            turns.add(new Turn(id, lease.token(), true, System.nanoTime()));
        }
        if (writes) {
            writingUnder = lease;
            writePlan(lease);
        }
    }

    @Override
    public void onRevoked(Lease lease, String reason) {
        synchronized (turns) {
            turns.add(new Turn(id, lease.token(), false, System.nanoTime()));
        }
        writingUnder = null;
    }

    List<Turn> turns() {
        synchronized (turns) {
            return List.copyOf(turns);
        }
    }

    Optional<Lease> leads() {
        return elector.leadership();
    }

    /**
     * The term this node leads once its election handler has recorded it: the elector sets its lease a moment before
     * it calls the handler, so a test reading {@link #turns()} waits for this, not for {@link #leads()}.
     */
    Optional<Lease> elected() {
        Optional<Lease> lease = elector.leadership();
        synchronized (turns) {
            return lease.filter(term -> !turns.isEmpty() && turns.getLast().elected()
                    && turns.getLast().token() == term.token());
        }
    }

    /** Whether the node is still in the running: neither cut off nor resigned. */
    boolean candidate() {
        return candidate;
    }

    /** Cuts the node off the database without a word, as a crash or a partition would: no renewal, no release. */
    void cutOff() {
        candidate = false;
        await(pool.close());
    }

    /** Stops the candidacy the orderly way (the lease is released). */
    void resign() {
        candidate = false;
        await(vertx.undeploy(deployment));
    }

    void close() {
        await(pool.close());
        await(vertx.close());
    }

    private void writePlan(Lease lease) {
        if (writingUnder != lease) {
            return;
        }
        leases.fencedWrite(lease, connection -> connection
                        .preparedQuery("insert into plan_write (token, node) values ($1, $2)")
                        .execute(Tuple.of(lease.token(), id.value())))
                .onComplete(done -> {
                    if (done.failed() && done.cause() instanceof LeaseLostException) {
                        refusedWrites.incrementAndGet();
                    }
                    if (writingUnder == lease) {
                        vertx.setTimer(20, next -> writePlan(lease));
                    }
                });
    }
}
