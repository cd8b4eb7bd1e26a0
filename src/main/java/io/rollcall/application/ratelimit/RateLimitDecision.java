package io.rollcall.application.ratelimit;

/**
 * The answer for one request: allowed, or refused with the number of whole seconds (at least 1) after which a retry
 * can succeed, for the {@code Retry-After} header (RFC 9110 §10.2.3).
 */
public record RateLimitDecision(boolean allowed, long retryAfterSeconds) {

    static final RateLimitDecision ALLOWED = new RateLimitDecision(true, 0);

    static RateLimitDecision refused(long nanosToWait) {
        return new RateLimitDecision(false, Math.max(1, (nanosToWait + 999_999_999L) / 1_000_000_000L));
    }
}
