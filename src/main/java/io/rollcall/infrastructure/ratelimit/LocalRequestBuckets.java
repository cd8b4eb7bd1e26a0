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

/**
 * Bucket4j buckets in this instance's memory, one per (scope, key), dropped after 10 minutes unused (a dropped bucket
 * comes back full, which only ever errs towards allowing). At most 200,000 keys, so a flood of distinct keys (IP
 * addresses) cannot exhaust the heap.
 */
@ApplicationScoped
public class LocalRequestBuckets implements RequestBuckets {

    private final Cache<String, Bucket> buckets = Caffeine.newBuilder().expireAfterAccess(Duration.ofMinutes(10))
            .maximumSize(200_000).build();

    @Override
    public long tryConsume(RateLimitScope scope, String key, RateLimit limit) {
        Bucket bucket = buckets.get(scope.id() + ":" + key, k -> Bucket.builder()
                .addLimit(l -> l.capacity(limit.burst()).refillGreedy(limit.perSecond(), Duration.ofSeconds(1)))
                .build());
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        return probe.isConsumed() ? 0 : Math.max(1, probe.getNanosToWaitForRefill());
    }
}
