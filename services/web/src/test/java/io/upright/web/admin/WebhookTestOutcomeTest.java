package io.upright.web.admin;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class WebhookTestOutcomeTest {

    private static final AdminMessages TEXTS = KeyedAdminMessages.TEXTS;

    private final UUID endpoint = UUID.randomUUID();

    private RemindersAdminApi.TestDelivery answered(int status, long millis) {
        return new RemindersAdminApi.TestDelivery(endpoint, UUID.randomUUID(), Instant.EPOCH, status >= 200 && status < 300,
                status, null, millis, null);
    }

    private RemindersAdminApi.TestDelivery failed(String error, long millis, Instant pausedUntil) {
        return new RemindersAdminApi.TestDelivery(endpoint, UUID.randomUUID(), Instant.EPOCH, false, null, error, millis,
                pausedUntil);
    }

    @Test
    void an_answer_is_shown_with_its_status_and_time_and_only_2xx_reads_delivered() {
        WebhookTestOutcome ok = WebhookTestOutcome.of(answered(204, 120), "https://hooks.example.com/a", TEXTS);
        assertThat(ok.delivered()).isTrue();
        assertThat(ok.text()).isEqualTo("testDelivered(204,120)");
        assertThat(ok.heading()).isEqualTo("testOutcomeHeading(https://hooks.example.com/a)");

        WebhookTestOutcome error = WebhookTestOutcome.of(answered(500, 30), "https://hooks.example.com/a", TEXTS);
        assertThat(error.delivered()).isFalse();
        assertThat(error.text()).isEqualTo("testAnsweredNot2xx(500,30)");
    }

    @Test
    void each_reason_reminders_names_has_words_of_its_own_and_an_unknown_one_is_shown_as_sent() {
        assertThat(WebhookTestOutcome.of(failed("connection-refused", 2, null), "u", TEXTS).text()).isEqualTo("testConnectionRefused");
        assertThat(WebhookTestOutcome.of(failed("timed-out", 5003, null), "u", TEXTS).text()).isEqualTo("testTimedOut(5003)");
        assertThat(WebhookTestOutcome.of(failed("tls-failed", 9, null), "u", TEXTS).text()).isEqualTo("testTlsFailed");
        assertThat(WebhookTestOutcome.of(failed("host-unresolvable", 9, null), "u", TEXTS).text()).isEqualTo("testHostUnresolvable");
        assertThat(WebhookTestOutcome.of(failed("connection-failed", 9, null), "u", TEXTS).text()).isEqualTo("testConnectionFailed");
        assertThat(WebhookTestOutcome.of(failed("address-refused", 0, null), "u", TEXTS).text()).isEqualTo("testAddressRefused");
        assertThat(WebhookTestOutcome.of(failed("secret-unreadable", 0, null), "u", TEXTS).text()).isEqualTo("testSecretUnreadable");
        Instant until = Instant.parse("2026-11-25T09:31:00Z");
        assertThat(WebhookTestOutcome.of(failed("paused", 0, until), "u", TEXTS).text()).isEqualTo("testPaused(" + until + ")");
        assertThat(WebhookTestOutcome.of(failed("proxy-refused", 0, null), "u", TEXTS).text()).isEqualTo("testFailedOther(proxy-refused)");
    }

    @Test
    void an_endpoint_no_longer_listed_is_named_by_its_id() {
        WebhookTestOutcome outcome = WebhookTestOutcome.of(answered(204, 1), null, TEXTS);
        assertThat(outcome.heading()).isEqualTo("testOutcomeHeading(" + endpoint + ")");
    }
}
