package io.upright.platform.inbox;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class BackoffTest {

    private final Backoff backoff = new Backoff(Duration.ofMillis(200), Duration.ofSeconds(10));

    @Test
    void the_ceiling_doubles_from_the_base_up_to_the_cap() {
        assertThat(backoff.ceiling(1)).isEqualTo(Duration.ofMillis(200));
        assertThat(backoff.ceiling(2)).isEqualTo(Duration.ofMillis(400));
        assertThat(backoff.ceiling(6)).isEqualTo(Duration.ofMillis(6400));
        assertThat(backoff.ceiling(7)).isEqualTo(Duration.ofSeconds(10));
        assertThat(backoff.ceiling(10_000)).isEqualTo(Duration.ofSeconds(10));
    }

    @Test
    void the_jitter_spreads_the_wait_below_the_ceiling_but_never_to_zero() {
        assertThat(backoff.delay(3, () -> 0.5)).isEqualTo(Duration.ofMillis(400));
        assertThat(backoff.delay(3, () -> 0.0)).isEqualTo(Duration.ofMillis(80));
        assertThat(backoff.delay(40, () -> 0.999)).isLessThanOrEqualTo(Duration.ofSeconds(10));
    }
}
