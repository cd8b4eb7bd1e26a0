package io.rollcall.application.ratelimit;

/**
 * A token bucket's shape: {@code perSecond} requests refilled each second, at most {@code burst} saved up. A
 * {@code perSecond} of 0 switches the limit off.
 */
public record RateLimit(int perSecond, int burst) {

    public RateLimit {
        if (perSecond < 0 || burst < 0 || perSecond > 0 && burst < 1) {
            throw new IllegalArgumentException(
                    "a rate limit needs perSecond >= 0 and burst >= 1, got " + perSecond + "/s, burst " + burst);
        }
    }

    public boolean off() {
        return perSecond == 0;
    }
}
