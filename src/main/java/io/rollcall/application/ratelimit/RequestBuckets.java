package io.rollcall.application.ratelimit;

/**
 * Where the token buckets live: this instance's memory (standalone), or a store shared by the cluster. Thread-safe.
 */
public interface RequestBuckets {

    /**
     * Takes one token from the bucket of {@code key} in {@code scope}, creating it full with {@code limit} if new.
     *
     * @return 0 when a token was taken, else the nanoseconds until one will be available
     */
    long tryConsume(RateLimitScope scope, String key, RateLimit limit);
}
