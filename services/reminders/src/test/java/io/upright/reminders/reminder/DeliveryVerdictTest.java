package io.upright.reminders.reminder;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class DeliveryVerdictTest {

    private static final List<String> PREFERENCE = List.of("slack", "teams", "webhook");

    private static DeliveryVerdict.Result result(String channel, DeliveryOutcome outcome) {
        return new DeliveryVerdict.Result(channel, outcome);
    }

    @Test
    void a_person_the_slack_app_does_not_serve_is_delivered_by_the_tenants_other_channel() {
        DeliveryVerdict verdict = DeliveryVerdict.of(List.of(result("slack", DeliveryOutcome.NOT_SERVED),
                result("webhook", DeliveryOutcome.DELIVERED)), PREFERENCE);

        assertThat(verdict.isDelivered()).isTrue();
        assertThat(verdict.delivered()).isEqualTo("webhook");
    }

    @Test
    void a_person_served_by_no_channel_fails_at_once_as_no_channel() {
        DeliveryVerdict verdict = DeliveryVerdict.of(List.of(result("slack", DeliveryOutcome.NOT_SERVED)), PREFERENCE);

        assertThat(verdict.isDelivered()).isFalse();
        assertThat(verdict.retryable()).isFalse();
        assertThat(verdict.reason()).isEqualTo(DeliveryVerdict.NO_CHANNEL);
    }

    @Test
    void the_chat_channel_where_the_person_can_answer_is_named_when_several_took_it() {
        DeliveryVerdict verdict = DeliveryVerdict.of(List.of(result("webhook", DeliveryOutcome.DELIVERED),
                result("slack", DeliveryOutcome.DELIVERED)), PREFERENCE);

        assertThat(verdict.delivered()).isEqualTo("slack");
    }

    @Test
    void a_busy_person_postpones_without_a_failure_and_a_channel_not_serving_them_does_not_change_that() {
        DeliveryVerdict verdict = DeliveryVerdict.of(List.of(result("slack", DeliveryOutcome.POSTPONED),
                result("teams", DeliveryOutcome.NOT_SERVED)), PREFERENCE);

        assertThat(verdict.retryable()).isTrue();
        assertThat(verdict.postponed()).isTrue();
    }
}
