package io.rollcall.infrastructure.ratelimit;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.ConsumptionProbe;
import io.rollcall.application.ratelimit.RateLimit;
import io.rollcall.application.ratelimit.RateLimitScope;
import java.time.Duration;

/** The Bucket4j shape and key of each bucket, the same in this instance's memory and in the data grid. */
final class BucketShapes {

    /** A bucket unused this long is dropped (it would have refilled anyway). */
    static final Duration IDLE = Duration.ofMinutes(10);
    /** Most buckets kept (per instance, or per grid member for the grid's share). */
    static final int MAX_KEYS = 200_000;

    private BucketShapes() {}

    /** {@code perSecond} tokens refilled gradually each second, at most {@code burst} saved up. */
    static Bandwidth of(RateLimit limit) {
        return Bandwidth.builder()
                .capacity(limit.burst())
                .refillGreedy(limit.perSecond(), Duration.ofSeconds(1))
                .build();
    }

    /** {@code permits} tokens refilled gradually over {@code window}. */
    static Bandwidth of(long permits, Duration window) {
        return Bandwidth.builder()
                .capacity(permits)
                .refillGreedy(permits, window)
                .build();
    }

    static String id(RateLimitScope scope, String key) {
        return scope.id() + ":" + key;
    }

    static String id(String name, String key) {
        return name + ":" + key;
    }

    /** 0 when the token was taken, else at least 1 (nanoseconds until one will be available). */
    static long nanosToWait(ConsumptionProbe probe) {
        return probe.isConsumed() ? 0 : Math.max(1, probe.getNanosToWaitForRefill());
    }
}
