package org.portops.vessel.api.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class RateLimiterTest {

    /** A clock the test moves. */
    private static final class ManualClock extends Clock {
        private Instant now = Instant.parse("2026-11-24T06:00:00Z");

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @Test
    void aClientGetsItsBurstThenItsRateAndOthersAreNotAffected() {
        ManualClock clock = new ManualClock();
        RateLimiter limiter = new RateLimiter(10, 3, clock);

        for (int i = 0; i < 3; i++) {
            assertThat(limiter.take("a").allowed()).as("request %d of the burst", i).isTrue();
        }
        RateLimiter.Outcome fourth = limiter.take("a");
        assertThat(fourth.allowed()).isFalse();
        assertThat(fourth.retryAfter()).isEqualTo(Duration.ofMillis(100));
        assertThat(limiter.take("b").allowed()).isTrue();

        clock.now = clock.now.plusMillis(99);
        assertThat(limiter.take("a").allowed()).isFalse();
        clock.now = clock.now.plusMillis(2);
        assertThat(limiter.take("a").allowed()).isTrue();
        assertThat(limiter.take("a").allowed()).isFalse();

        clock.now = clock.now.plusSeconds(60);
        for (int i = 0; i < 3; i++) {
            assertThat(limiter.take("a").allowed()).as("a refilled bucket holds the burst, no more").isTrue();
        }
        assertThat(limiter.take("a").allowed()).isFalse();
    }
}
