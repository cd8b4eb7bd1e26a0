package io.rollcall.infrastructure.ratelimit;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.rollcall.application.ratelimit.RequestBuckets;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Bucket4j buckets in this instance's memory, one per (scope, key), dropped after {@link BucketShapes#IDLE} unused
 * (the per-window sign-in buckets included: one idle that long has refilled at least two thirds of a 15-minute
 * window; a dropped bucket comes back full, which only ever errs towards allowing). At most
 * {@link BucketShapes#MAX_KEYS} keys, so a flood of distinct keys (IP addresses) cannot exhaust the heap. Used by
 * {@link GridRequestBuckets}, the {@link RequestBuckets} bean, when the instance is standalone (or the grid fails).
 */
@ApplicationScoped
public class LocalRequestBuckets {

    private final Cache<String, Bucket> buckets = Caffeine.newBuilder()
            .expireAfterAccess(BucketShapes.IDLE)
            .maximumSize(BucketShapes.MAX_KEYS)
            .build();

    /** Takes one token from bucket {@code id}, created full with {@code shape} if new; 0 or nanoseconds to wait. */
    public long consume(String id, Bandwidth shape) {
        Bucket bucket = buckets.get(id, k -> Bucket.builder().addLimit(shape).build());
        return BucketShapes.nanosToWait(bucket.tryConsumeAndReturnRemaining(1));
    }
}
