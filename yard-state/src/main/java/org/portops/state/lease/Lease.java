package org.portops.state.lease;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * One term of leadership of a planner.
 *
 * @param token     the fencing token of this term: greater than every earlier term's, checked on every plan write
 * @param expiresAt when the term ends unless renewed, by the database's clock
 * @param ttl       how long a grant or renewal lasts; also the limit on a stalled plan write's transaction
 */
public record Lease(PlannerName planner, NodeId holder, long token, Instant expiresAt, Duration ttl) {

    public Lease {
        Objects.requireNonNull(planner, "planner");
        Objects.requireNonNull(holder, "holder");
        Objects.requireNonNull(expiresAt, "expiresAt");
        Objects.requireNonNull(ttl, "ttl");
        if (token <= 0) {
            throw new IllegalArgumentException("a lease token is positive, got " + token);
        }
    }

    Lease renewedUntil(Instant newExpiry) {
        return new Lease(planner, holder, token, newExpiry, ttl);
    }
}
