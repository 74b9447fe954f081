package org.portops.state.lease;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Keeps one node's candidacy for a planner: while not leading it tries to take the lease every ttl/3, while leading
 * it renews every ttl/3. It believes it leads only until its local deadline, the time it asked for the grant or
 * the last renewal plus nine tenths of the ttl: the database's expiry is at least a ttl after that asking, so the
 * belief ends before any takeover can begin while the two clocks run at nearly the same rate and the deadline's
 * timer is not late by a tenth of the ttl (the fence on plan writes holds even when they are). Undeploying it
 * releases the lease, so another node takes over at once.
 */
public final class LeaderElector extends VerticleBase {

    private static final Logger LOG = LoggerFactory.getLogger(LeaderElector.class);

    private final PlannerLease leases;
    private final PlannerName planner;
    private final NodeId node;
    private final Duration ttl;
    private final Duration renewEvery;
    private final Duration belief;
    private final Clock clock;
    private final Leadership leadership;

    private volatile Lease lease;
    private Instant deadline;
    private long stepTimer = -1;
    private long deadlineTimer = -1;
    private boolean stopped;

    public LeaderElector(PlannerLease leases, PlannerName planner, NodeId node, Duration ttl, Clock clock,
                         Leadership leadership) {
        if (ttl.toMillis() < 3) {
            throw new IllegalArgumentException("a lease ttl is at least 3 ms (renewed every third), got " + ttl);
        }
        this.leases = Objects.requireNonNull(leases, "leases");
        this.planner = Objects.requireNonNull(planner, "planner");
        this.node = Objects.requireNonNull(node, "node");
        this.ttl = ttl;
        this.renewEvery = ttl.dividedBy(3);
        this.belief = ttl.minus(ttl.dividedBy(10));
        this.clock = Objects.requireNonNull(clock, "clock");
        this.leadership = Objects.requireNonNull(leadership, "leadership");
    }

    /** The term this node believes it holds now, if any. */
    public Optional<Lease> leadership() {
        return Optional.ofNullable(lease);
    }

    @Override
    public Future<?> start() {
        return step();
    }

    @Override
    public Future<?> stop() {
        stopped = true;
        vertx.cancelTimer(stepTimer);
        vertx.cancelTimer(deadlineTimer);
        Lease held = lease;
        if (held == null) {
            return Future.succeededFuture();
        }
        revoke("node " + node + " stopped its candidacy");
        return leases.release(held)
                .onFailure(e -> LOG.warn("Could not release planner {} lease token {}; it expires by itself at {}",
                        planner, held.token(), held.expiresAt(), e))
                .otherwiseEmpty();
    }

    private Future<?> step() {
        checkDeadline();
        Future<?> attempt = lease == null ? acquire() : renew(lease);
        return attempt.onComplete(done -> {
            if (!stopped) {
                stepTimer = vertx.setTimer(Math.max(1, renewEvery.toMillis()), id -> step());
            }
        }).otherwiseEmpty();
    }

    private Future<?> acquire() {
        Instant asked = clock.instant();
        return leases.tryAcquire(planner, node, ttl)
                .onSuccess(granted -> granted.ifPresent(term -> elect(term, asked)))
                .onFailure(e -> LOG.warn("Planner {}: could not ask for the lease", planner, e));
    }

    private Future<?> renew(Lease held) {
        Instant asked = clock.instant();
        return leases.renew(held)
                .onSuccess(renewed -> {
                    if (lease != held) {
                        // revoked locally while the renewal was on its way: give the term back rather than sit on it
                        renewed.ifPresent(leases::release);
                    } else if (renewed.isPresent()) {
                        lease = renewed.get();
                        holdUntil(asked.plus(belief));
                    } else {
                        revoke("the lease expired or was taken over before it was renewed");
                    }
                })
                .onFailure(e -> LOG.warn("Planner {}: renewing lease token {} failed; leading until {} at most",
                        planner, held.token(), deadline, e));
    }

    private void elect(Lease term, Instant asked) {
        if (stopped) {
            leases.release(term);
            return;
        }
        if (!clock.instant().isBefore(asked.plus(belief))) {
            LOG.warn("Planner {}: lease token {} was granted too late to be believed (asked at {}); giving it back",
                    planner, term.token(), asked);
            leases.release(term);
            return;
        }
        lease = term;
        holdUntil(asked.plus(belief));
        LOG.info("Node {} leads planner {} with lease token {}", node, planner, term.token());
        try {
            leadership.onElected(term);
        } catch (RuntimeException e) {
            LOG.error("Planner {}: the election handler failed on token {}", planner, term.token(), e);
        }
    }

    private void holdUntil(Instant localDeadline) {
        deadline = localDeadline;
        vertx.cancelTimer(deadlineTimer);
        // rounded up: a timer due in 0.9 ms that fires after 0 ms would find the deadline not yet passed
        long delay = Math.max(1, Duration.between(clock.instant(), localDeadline).plusNanos(999_999).toMillis());
        deadlineTimer = vertx.setTimer(delay, id -> {
            if (lease != null && clock.instant().isBefore(deadline)) {
                holdUntil(deadline);
            } else {
                checkDeadline();
            }
        });
    }

    private void checkDeadline() {
        if (lease != null && !clock.instant().isBefore(deadline)) {
            revoke("not renewed before the local deadline " + deadline);
        }
    }

    private void revoke(String reason) {
        Lease ended = lease;
        lease = null;
        vertx.cancelTimer(deadlineTimer);
        LOG.info("Node {} no longer leads planner {} (lease token {}): {}", node, planner, ended.token(), reason);
        try {
            leadership.onRevoked(ended, reason);
        } catch (RuntimeException e) {
            LOG.error("Planner {}: the revocation handler failed on token {}", planner, ended.token(), e);
        }
    }
}
