package org.portops.app.cluster;

import io.vertx.core.Future;
import java.util.function.Function;
import org.portops.state.lease.Lease;
import org.portops.state.lease.Leadership;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a planner on this node only while it leads: {@link #onElected} starts it with the term's lease (its writes
 * fenced by that token), {@link #onRevoked} stops it. A start still under way when the term ends is stopped as soon
 * as it has started, so a planner never outlives the term it was started for. Called on the elector's context.
 *
 * @param <P> the running planner
 */
public final class PlannerSeat<P> implements Leadership {

    private static final Logger LOG = LoggerFactory.getLogger(PlannerSeat.class);

    /** How a planner is started for one term and stopped again. */
    public interface Planner<P> {
        /** Starts the planner; every write it makes carries {@code lease}. */
        Future<P> start(Lease lease);

        Future<Void> stop(P planner);
    }

    private final String name;
    private final Planner<P> planner;
    private Lease term;
    private Future<P> running = Future.succeededFuture();
    private volatile P current;

    public PlannerSeat(String name, Planner<P> planner) {
        this.name = name;
        this.planner = planner;
    }

    /** The planner running on this node now; null while another node leads. */
    public P current() {
        return current;
    }

    /** The start of this node's current term's planner; succeeded with null while not leading. */
    public Future<P> started() {
        return running;
    }

    @Override
    public void onElected(Lease lease) {
        term = lease;
        // the previous term's planner, if any, has been stopped by onRevoked; start after that stop completes
        running = running.transform(previous -> planner.start(lease)).compose(started -> {
            if (term != lease) {
                LOG.info("{}: term {} ended while its planner started; stopping it", name, lease.token());
                return planner.stop(started).map(v -> (P) null);
            }
            current = started;
            LOG.info("{}: planning on this node under lease token {}", name, lease.token());
            return Future.succeededFuture(started);
        }).onFailure(e -> LOG.error("{}: the planner did not start under lease token {}", name, lease.token(), e));
    }

    @Override
    public void onRevoked(Lease lease, String reason) {
        if (term != lease) {
            return;
        }
        term = null;
        running = running.transform(started -> {
            P stopping = started.succeeded() ? started.result() : null;
            current = null;
            if (stopping == null) {
                return Future.succeededFuture();
            }
            LOG.info("{}: stopping the planner of lease token {}: {}", name, lease.token(), reason);
            return planner.stop(stopping).map(v -> (P) null);
        });
    }
}
