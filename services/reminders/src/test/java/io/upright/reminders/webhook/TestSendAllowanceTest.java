package io.upright.reminders.webhook;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class TestSendAllowanceTest {

    private final Instant now = Instant.parse("2026-11-25T09:30:00Z");
    private final TestSendAllowance allowance = new TestSendAllowance(5, Duration.ofMinutes(1));
    private final UUID endpoint = UUID.randomUUID();

    @Test
    void five_tests_a_minute_are_allowed_and_the_sixth_waits_until_the_first_is_a_minute_old() {
        for (int i = 0; i < 5; i++) {
            assertThat(allowance.take(endpoint, now.plusSeconds(i * 10L))).as("test %d", i + 1).isEmpty();
        }
        assertThat(allowance.take(endpoint, now.plusSeconds(45))).contains(Duration.ofSeconds(15));
        // a refused one takes nothing: still the first that frees the next
        assertThat(allowance.take(endpoint, now.plusSeconds(59))).contains(Duration.ofSeconds(1));
        assertThat(allowance.take(endpoint, now.plusSeconds(60))).isEmpty();
        assertThat(allowance.take(endpoint, now.plusSeconds(61))).contains(Duration.ofSeconds(9));
    }

    @Test
    void each_endpoint_has_an_allowance_of_its_own() {
        for (int i = 0; i < 5; i++) {
            allowance.take(endpoint, now);
        }
        assertThat(allowance.take(endpoint, now)).isPresent();
        assertThat(allowance.take(UUID.randomUUID(), now)).isEmpty();
    }
}
