package io.rollcall.application.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class RateLimitDecisionTest {

    @Test
    void retryAfterRoundsUpToWholeSecondsAndIsAtLeastOne() {
        assertThat(RateLimitDecision.refused(1).retryAfterSeconds()).isEqualTo(1);
        assertThat(RateLimitDecision.refused(1_000_000_000L).retryAfterSeconds())
                .isEqualTo(1);
        assertThat(RateLimitDecision.refused(1_000_000_001L).retryAfterSeconds())
                .isEqualTo(2);
        assertThat(RateLimitDecision.refused(1).allowed()).isFalse();
    }

    @Test
    void aLimitNeedsABurstOfAtLeastOneUnlessItIsOff() {
        assertThat(new RateLimit(0, 0).off()).isTrue();
        assertThatThrownBy(() -> new RateLimit(5, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RateLimit(-1, 5)).isInstanceOf(IllegalArgumentException.class);
    }
}
