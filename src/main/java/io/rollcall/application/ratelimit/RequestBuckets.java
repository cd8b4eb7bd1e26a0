package io.rollcall.application.ratelimit;

import java.time.Duration;

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

    /**
     * Takes one token from the bucket {@code name}/{@code key} that holds {@code permits} tokens and refills them
     * gradually over {@code window} (for example 5 sign-in links per address per 15 minutes).
     *
     * @return 0 when a token was taken, else the nanoseconds until one will be available
     */
    long tryConsume(String name, String key, long permits, Duration window);
}
