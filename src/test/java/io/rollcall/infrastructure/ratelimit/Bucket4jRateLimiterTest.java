package io.rollcall.infrastructure.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import io.rollcall.application.ratelimit.RateLimiter;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class Bucket4jRateLimiterTest {

    private final Bucket4jRateLimiter limiter = new Bucket4jRateLimiter();
    private final RateLimiter.Limit perIp = new RateLimiter.Limit("signin-ip", 3, Duration.ofMinutes(15));

    @Test
    void theRequestAfterTheLimitIsRefusedWithATimeToWait() {
        for (int i = 0; i < 3; i++) {
            assertThat(limiter.tryConsume(perIp, "203.0.113.9").allowed()).isTrue();
        }
        RateLimiter.Decision refused = limiter.tryConsume(perIp, "203.0.113.9");
        assertThat(refused.allowed()).isFalse();
        assertThat(refused.retryAfter()).isPositive().isLessThanOrEqualTo(Duration.ofMinutes(5));
    }

    @Test
    void keysAndLimitsHaveBucketsOfTheirOwn() {
        for (int i = 0; i < 3; i++) {
            limiter.tryConsume(perIp, "203.0.113.9");
        }
        assertThat(limiter.tryConsume(perIp, "203.0.113.10").allowed()).isTrue();
        assertThat(limiter.tryConsume(new RateLimiter.Limit("signin-address", 3, Duration.ofMinutes(15)),
                "203.0.113.9").allowed()).isTrue();
    }
}
