package io.rollcall.infrastructure.ratelimit;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.rollcall.application.ratelimit.RateLimit;
import io.rollcall.application.ratelimit.RateLimitScope;
import io.rollcall.application.ratelimit.RequestBuckets;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Typed;
import java.time.Duration;

/**
 * Bucket4j buckets in this instance's memory, one per (scope, key), dropped after {@link BucketShapes#IDLE} unused
 * (the per-window sign-in buckets included: one idle that long has refilled at least two thirds of a 15-minute
 * window; a dropped bucket comes back full, which only ever errs towards allowing). At most
 * {@link BucketShapes#MAX_KEYS} keys, so a flood of distinct keys (IP addresses) cannot exhaust the heap. Used by
 * {@link GridRequestBuckets} when the instance is standalone (or the grid fails); not a {@link RequestBuckets} bean of
 * its own.
 */
@ApplicationScoped
@Typed(LocalRequestBuckets.class)
public class LocalRequestBuckets implements RequestBuckets {

    private final Cache<String, Bucket> buckets = Caffeine.newBuilder().expireAfterAccess(BucketShapes.IDLE)
            .maximumSize(BucketShapes.MAX_KEYS).build();

    @Override
    public long tryConsume(RateLimitScope scope, String key, RateLimit limit) {
        return consume(BucketShapes.id(scope, key), BucketShapes.of(limit));
    }

    @Override
    public long tryConsume(String name, String key, long permits, Duration window) {
        return consume(BucketShapes.id(name, key), BucketShapes.of(permits, window));
    }

    /** Takes one token from bucket {@code id}, created full with {@code shape} if new; 0 or nanoseconds to wait. */
    long consume(String id, Bandwidth shape) {
        Bucket bucket = buckets.get(id, k -> Bucket.builder().addLimit(shape).build());
        return BucketShapes.nanosToWait(bucket.tryConsumeAndReturnRemaining(1));
    }
}
