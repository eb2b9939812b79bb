package io.upright.reminders.webhook;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class WebhookRetryAfterTest {

    private final Instant now = Instant.parse("2026-11-25T09:30:00Z");

    @Test
    void delay_seconds_are_honoured() {
        assertThat(WebhookDelivery.retryAfter(Optional.of(" 1 "), now)).contains(Duration.ofSeconds(1));
    }

    @Test
    void an_http_date_is_honoured() {
        assertThat(WebhookDelivery.retryAfter(Optional.of("Wed, 25 Nov 2026 09:30:30 GMT"), now)).contains(Duration.ofSeconds(30));
    }

    @Test
    void absent_unreadable_zero_or_past_values_leave_the_engines_own_backoff() {
        assertThat(WebhookDelivery.retryAfter(Optional.empty(), now)).isEmpty();
        assertThat(WebhookDelivery.retryAfter(Optional.of("soon"), now)).isEmpty();
        assertThat(WebhookDelivery.retryAfter(Optional.of("0"), now)).isEmpty();
        assertThat(WebhookDelivery.retryAfter(Optional.of("Wed, 25 Nov 2026 09:00:00 GMT"), now)).isEmpty();
    }

    @Test
    void a_huge_value_is_capped_at_an_hour() {
        assertThat(WebhookDelivery.retryAfter(Optional.of("86400"), now)).contains(Duration.ofHours(1));
    }
}
