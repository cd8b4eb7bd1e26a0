package io.rollcall.application.ratelimit;

import java.time.Duration;

/**
 * Token-bucket rate limiting by key (for example {@code "signin-ip:203.0.113.9"}). Implementations are thread-safe.
 * The one seam between callers and the store of buckets.
 */
public interface RateLimiter {

    /** At most {@code permits} requests per {@code period} for one key, refilled gradually. */
    record Limit(String name, long permits, Duration period) {
    }

    /** The outcome of one request: allowed, or refused with the time until a permit is free again. */
    record Decision(boolean allowed, Duration retryAfter) {
        public static Decision allow() {
            return new Decision(true, Duration.ZERO);
        }
    }

    /** Consumes one permit of {@code key} under {@code limit}, or says how long to wait. */
    Decision tryConsume(Limit limit, String key);
}
