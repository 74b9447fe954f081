package org.portops.vessel.api.auth;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * A token bucket per client: {@code burst} requests at once, refilled at {@code perSecond}. Per node: a cluster
 * of n nodes lets a client make up to n times the rate, which is the point of spreading load.
 */
public final class RateLimiter {

    /** The outcome for one request; {@code retryAfter} is zero when allowed. */
    public record Outcome(boolean allowed, Duration retryAfter) {
    }

    private final double perSecond;
    private final int burst;
    private final Clock clock;
    private final ConcurrentMap<String, Bucket> buckets = new ConcurrentHashMap<>();

    public RateLimiter(double perSecond, int burst, Clock clock) {
        this.perSecond = perSecond;
        this.burst = burst;
        this.clock = clock;
    }

    public Outcome take(String client) {
        long nowNanos = clock.millis() * 1_000_000L;
        Bucket bucket = buckets.computeIfAbsent(client, c -> new Bucket(burst, nowNanos));
        synchronized (bucket) {
            double elapsedSeconds = Math.max(0, nowNanos - bucket.updatedNanos) / 1e9;
            bucket.tokens = Math.min(burst, bucket.tokens + elapsedSeconds * perSecond);
            bucket.updatedNanos = nowNanos;
            if (bucket.tokens >= 1) {
                bucket.tokens -= 1;
                return new Outcome(true, Duration.ZERO);
            }
            double waitSeconds = (1 - bucket.tokens) / perSecond;
            return new Outcome(false, Duration.ofMillis((long) Math.ceil(waitSeconds * 1000)));
        }
    }

    private static final class Bucket {
        private double tokens;
        private long updatedNanos;

        private Bucket(double tokens, long updatedNanos) {
            this.tokens = tokens;
            this.updatedNanos = updatedNanos;
        }
    }
}
