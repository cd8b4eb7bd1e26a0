package io.rollcall.infrastructure.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import io.rollcall.application.ratelimit.RateLimit;
import io.rollcall.application.ratelimit.RateLimitScope;
import org.junit.jupiter.api.Test;

class LocalRequestBucketsTest {

    private final LocalRequestBuckets buckets = new LocalRequestBuckets();

    @Test
    void aBurstIsAllowedAndTheNextRequestWaitsForTheRefill() {
        RateLimit limit = new RateLimit(1, 3);

        for (int i = 0; i < 3; i++) {
            assertThat(buckets.tryConsume(RateLimitScope.SCIM_TOKEN, "t1", limit)).isZero();
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
}
