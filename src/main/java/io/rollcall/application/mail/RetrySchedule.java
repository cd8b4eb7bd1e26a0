package io.rollcall.application.mail;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Exponential backoff of a failed delivery: the first retry after {@code initial}, each next one twice as late, at most
 * {@code max} apart, until {@code giveUpAt}. Pure and thread-safe.
 */
public record RetrySchedule(Duration initial, Duration max) {

    /**
     * When to try again after the {@code attempts}-th failed attempt (1 for the first), or empty when that would be
     * after {@code giveUpAt}: the message is then failed for good.
     */
    public Optional<Instant> next(int attempts, Instant now, Instant giveUpAt) {
        long factor = 1L << Math.min(Math.max(attempts - 1, 0), 20);
        Duration delay = initial.multipliedBy(factor);
        if (delay.compareTo(max) > 0) {
            delay = max;
        }
        Instant next = now.plus(delay);
        return next.isAfter(giveUpAt) ? Optional.empty() : Optional.of(next);
    }
}
