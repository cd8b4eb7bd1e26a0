package io.rollcall.infrastructure.ratelimit;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.rollcall.application.ratelimit.RateLimiter;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Bucket4j token buckets in this instance's memory: with N instances behind a load balancer a client gets at most N
 * times the limit, which still bounds e-mail floods and guessing. A cluster-wide store replaces this class, not its
 * callers. Buckets that are full again (idle) are dropped once there are more than {@link #MAX_KEYS}, so a client
 * spraying keys cannot exhaust memory, nor reset anyone's partly used bucket. Thread-safe.
 */
@ApplicationScoped
public class Bucket4jRateLimiter implements RateLimiter {

    static final int MAX_KEYS = 100_000;

    private final ConcurrentMap<String, Entry> buckets = new ConcurrentHashMap<>();

    private record Entry(Bucket bucket, long capacity) {
    }

    @Override
    public Decision tryConsume(Limit limit, String key) {
        if (buckets.size() > MAX_KEYS) {
            buckets.values().removeIf(e -> e.bucket().getAvailableTokens() >= e.capacity());
        }
        Entry entry = buckets.computeIfAbsent(limit.name() + '\u0000' + key, k -> new Entry(Bucket.builder()
                .addLimit(l -> l.capacity(limit.permits()).refillGreedy(limit.permits(), limit.period())).build(),
                limit.permits()));
        ConsumptionProbe probe = entry.bucket().tryConsumeAndReturnRemaining(1);
        return probe.isConsumed() ? Decision.allow()
                : new Decision(false, Duration.ofNanos(probe.getNanosToWaitForRefill()));
    }
}
