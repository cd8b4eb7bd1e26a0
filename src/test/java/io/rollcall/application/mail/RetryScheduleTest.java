package io.rollcall.application.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RetryScheduleTest {

    private final RetrySchedule schedule = new RetrySchedule(Duration.ofSeconds(30), Duration.ofMinutes(15));
    private final Instant start = Instant.parse("2026-12-01T00:00:00Z");

    @Test
    void delaysDoubleFromTheFirstRetryUpToTheCap() {
        Instant giveUp = start.plus(Duration.ofHours(24));
        assertThat(schedule.next(1, start, giveUp)).contains(start.plusSeconds(30));
        assertThat(schedule.next(2, start, giveUp)).contains(start.plusSeconds(60));
        assertThat(schedule.next(3, start, giveUp)).contains(start.plusSeconds(120));
        assertThat(schedule.next(10, start, giveUp)).contains(start.plus(Duration.ofMinutes(15)));
        assertThat(schedule.next(1000, start, giveUp)).contains(start.plus(Duration.ofMinutes(15)));
    }

    @Test
    void retriesGoOnForTheWholeWindowAndStopAfterIt() {
        Instant giveUp = start.plus(Duration.ofHours(24));
        Instant now = start;
        int attempts = 0;
        Optional<Instant> next;
        while ((next = schedule.next(++attempts, now, giveUp)).isPresent()) {
            now = next.get();
        }
        assertThat(now).isAfter(start.plus(Duration.ofHours(23).plusMinutes(44)));
        assertThat(now).isBeforeOrEqualTo(giveUp);
        assertThat(schedule.next(attempts, giveUp, giveUp)).isEmpty();
    }
}
