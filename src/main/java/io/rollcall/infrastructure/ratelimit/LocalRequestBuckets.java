package io.rollcall.infrastructure.ratelimit;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.rollcall.application.ratelimit.RateLimit;
import io.rollcall.application.ratelimit.RateLimitScope;
import io.rollcall.application.ratelimit.RequestBuckets;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * Bucket4j buckets in this instance's memory, one per (scope, key), dropped after 10 minutes unused (the per-window sign-in buckets included: one idle that
 * long has refilled at least two thirds of a 15-minute window) (a dropped bucket
 * comes back full, which only ever errs towards allowing). At most 200,000 keys, so a flood of distinct keys (IP
 * addresses) cannot exhaust the heap.
 */
@ApplicationScoped
public class LocalRequestBuckets implements RequestBuckets {

    private final Cache<String, Bucket> buckets = Caffeine.newBuilder().expireAfterAccess(Duration.ofMinutes(10))
            .maximumSize(200_000).build();

    @Override
    public long tryConsume(RateLimitScope scope, String key, RateLimit limit) {
        return consume(scope.id() + ":" + key, () -> Bucket.builder()
                .addLimit(l -> l.capacity(limit.burst()).refillGreedy(limit.perSecond(), Duration.ofSeconds(1)))
                .build());
    }

    @Override
    public long tryConsume(String name, String key, long permits, Duration window) {
        return consume(name + ":" + key, () -> Bucket.builder()
                .addLimit(l -> l.capacity(permits).refillGreedy(permits, window)).build());
    }

    private long consume(String id, Supplier<Bucket> newBucket) {
        Bucket bucket = buckets.get(id, k -> newBucket.get());
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        return probe.isConsumed() ? 0 : Math.max(1, probe.getNanosToWaitForRefill());
    }
}
