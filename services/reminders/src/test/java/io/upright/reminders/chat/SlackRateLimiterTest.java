package io.upright.reminders.chat;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class SlackRateLimiterTest {

    private final SlackRateLimiter limiter = new SlackRateLimiter();
    private final UUID channel = UUID.randomUUID();
    private final Instant now = Instant.parse("2026-11-25T09:30:00Z");
    private final Duration maxWait = Duration.ofSeconds(5);

    @Test
    void posts_to_one_channel_are_spaced_one_second_apart_and_other_channels_do_not_wait() {
        assertThat(limiter.reserve(channel, now, maxWait)).contains(Duration.ZERO);
        assertThat(limiter.reserve(channel, now, maxWait)).contains(Duration.ofSeconds(1));
        assertThat(limiter.reserve(channel, now, maxWait)).contains(Duration.ofSeconds(2));
        assertThat(limiter.reserve(UUID.randomUUID(), now, maxWait)).contains(Duration.ZERO);
        // once the reserved seconds have passed, no wait
        assertThat(limiter.reserve(channel, now.plusSeconds(10), maxWait)).contains(Duration.ZERO);
    }

    @Test
    void a_post_that_would_wait_too_long_reserves_nothing() {
        for (int i = 0; i <= 5; i++) {
            assertThat(limiter.reserve(channel, now, maxWait)).isPresent();
        }
        assertThat(limiter.reserve(channel, now, maxWait)).isEmpty();
        assertThat(limiter.reserve(channel, now.plusSeconds(1), maxWait)).contains(Duration.ofSeconds(5));
    }

    @Test
    void a_429_pushes_the_channel_back_by_its_retry_after() {
        limiter.backOff(channel, now.plusSeconds(30));
        assertThat(limiter.reserve(channel, now, maxWait)).isEmpty();
        assertThat(limiter.reserve(channel, now.plusSeconds(30), maxWait)).contains(Duration.ZERO);
        // an earlier back-off never shortens a later one
        limiter.backOff(channel, now.plusSeconds(100));
        limiter.backOff(channel, now.plusSeconds(40));
        assertThat(limiter.reserve(channel, now.plusSeconds(60), maxWait)).isEmpty();
    }
}
