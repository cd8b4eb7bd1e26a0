package io.rollcall.infrastructure.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import io.rollcall.application.ratelimit.RateLimit;
import io.rollcall.application.ratelimit.RateLimitScope;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The buckets of a standalone instance: {@link GridRequestBuckets} with no data grid counts in local buckets. */
class LocalRequestBucketsTest {

    private final GridRequestBuckets buckets = new GridRequestBuckets(new LocalRequestBuckets());

    @Test
    void aBurstIsAllowedAndTheNextRequestWaitsForTheRefill() {
        RateLimit limit = new RateLimit(1, 3);

        for (int i = 0; i < 3; i++) {
            assertThat(buckets.tryConsume(RateLimitScope.SCIM_TOKEN, "t1", limit))
                    .isZero();
        }
        long wait = buckets.tryConsume(RateLimitScope.SCIM_TOKEN, "t1", limit);

        assertThat(wait).isPositive().isLessThanOrEqualTo(1_000_000_000L);
    }

    @Test
    void keysAndScopesHaveBucketsOfTheirOwn() {
        RateLimit limit = new RateLimit(1, 1);
        assertThat(buckets.tryConsume(RateLimitScope.SCIM_TOKEN, "t1", limit)).isZero();
        assertThat(buckets.tryConsume(RateLimitScope.SCIM_TOKEN, "t1", limit)).isPositive();

        assertThat(buckets.tryConsume(RateLimitScope.SCIM_TOKEN, "t2", limit)).isZero();
        assertThat(buckets.tryConsume(RateLimitScope.API_TOKEN, "t1", limit)).isZero();
    }

    @Test
    void aWindowLimitRefusesTheRequestAfterItsPermitsWithATimeToWait() {
        for (int i = 0; i < 3; i++) {
            assertThat(buckets.tryConsume("signin-ip", "203.0.113.9", 3, Duration.ofMinutes(15)))
                    .isZero();
        }
        long wait = buckets.tryConsume("signin-ip", "203.0.113.9", 3, Duration.ofMinutes(15));

        assertThat(Duration.ofNanos(wait)).isPositive().isLessThanOrEqualTo(Duration.ofMinutes(5));
        assertThat(buckets.tryConsume("signin-ip", "203.0.113.10", 3, Duration.ofMinutes(15)))
                .isZero();
        assertThat(buckets.tryConsume("signin-address", "203.0.113.9", 3, Duration.ofMinutes(15)))
                .isZero();
    }
}
