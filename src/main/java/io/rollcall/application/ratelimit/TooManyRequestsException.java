package io.rollcall.application.ratelimit;

import io.rollcall.domain.shared.DomainException;
import java.time.Duration;

/** A rate limit was hit; entry points answer 429 with {@code Retry-After} in whole seconds (at least 1). */
public class TooManyRequestsException extends DomainException {

    private static final long serialVersionUID = 1L;

    private final Duration retryAfter;

    public TooManyRequestsException(Duration retryAfter) {
        super("too-many-requests", "too many requests; try again later");
        this.retryAfter = retryAfter;
    }

    public long retryAfterSeconds() {
        return Math.max(1, (retryAfter.toMillis() + 999) / 1000);
    }
}
