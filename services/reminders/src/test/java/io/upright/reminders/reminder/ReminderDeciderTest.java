package io.upright.reminders.reminder;

import io.upright.platform.domain.FieldError;
import io.upright.platform.domain.Rejection;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ReminderDeciderTest {

    private final ReminderDecider decider = new ReminderDecider();
    private final UUID reminder = UUID.randomUUID();
    private final UUID employee = UUID.randomUUID();
    private final Instant slot = Instant.parse("2026-11-25T10:00:00Z");

    @Test
    void a_sent_reminder_answered_done_records_the_break() {
        var events = decider.decide(answer("done", "walk", 3), sent());
        assertThat(events).singleElement().isEqualTo(new ReminderEvent.BreakTaken(reminder, employee, "walk", 3, slot, null));
    }

    @Test
    void a_reminder_is_answered_only_once() {
        var answered = decider.fold(List.of(sentEvent(), new ReminderEvent.BreakTaken(reminder, employee, "stand", 2, slot, null)));
        assertThatThrownBy(() -> decider.decide(answer("done", "walk", 3), answered))
                .isInstanceOfSatisfying(Rejection.class, e -> assertThat(e.reason()).isEqualTo(Rejection.Reason.CONFLICT));
    }

    @Test
    void a_reminder_that_was_not_delivered_cannot_be_answered() {
        assertThatThrownBy(() -> decider.decide(answer("done", "walk", 3), decider.initialState()))
                .isInstanceOfSatisfying(Rejection.class, e -> assertThat(e.reason()).isEqualTo(Rejection.Reason.CONFLICT));
        var expired = decider.fold(List.of(new ReminderEvent.ReminderExpired(reminder, employee, slot, slot)));
        assertThatThrownBy(() -> decider.decide(answer("done", "walk", 3), expired))
                .isInstanceOfSatisfying(Rejection.class, e -> assertThat(e.reason()).isEqualTo(Rejection.Reason.CONFLICT));
    }

    @Test
    void a_reminder_whose_delivery_outcome_is_unknown_can_be_answered_by_its_owner_once_but_not_snoozed() {
        var unknown = decider.fold(List.of(new ReminderEvent.ReminderFailed(reminder, employee, slot, 1,
                ReminderDecider.OUTCOME_UNKNOWN, slot)));
        assertThat(decider.decide(answer("done", "walk", 3), unknown)).singleElement().isInstanceOf(ReminderEvent.BreakTaken.class);
        assertThat(decider.decide(new ReminderDecider.Skip(reminder, employee, slot), unknown)).singleElement()
                .isInstanceOf(ReminderEvent.BreakSkipped.class);
        assertThatThrownBy(() -> decider.decide(new ReminderDecider.Snooze(reminder, employee, slot.plusSeconds(600), slot), unknown))
                .isInstanceOfSatisfying(Rejection.class, e -> assertThat(e.reason()).isEqualTo(Rejection.Reason.CONFLICT));
        var answered = decider.fold(List.of(new ReminderEvent.ReminderFailed(reminder, employee, slot, 1,
                ReminderDecider.OUTCOME_UNKNOWN, slot), new ReminderEvent.BreakTaken(reminder, employee, "walk", 3, slot, null)));
        assertThatThrownBy(() -> decider.decide(answer("done", "walk", 3), answered))
                .isInstanceOfSatisfying(Rejection.class, e -> assertThat(e.reason()).isEqualTo(Rejection.Reason.CONFLICT));
        var refused = decider.fold(List.of(new ReminderEvent.ReminderFailed(reminder, employee, slot, 3, "receiver answered 410", slot)));
        assertThatThrownBy(() -> decider.decide(answer("done", "walk", 3), refused))
                .isInstanceOfSatisfying(Rejection.class, e -> assertThat(e.reason()).isEqualTo(Rejection.Reason.CONFLICT));
    }

    @Test
    void only_done_known_activities_and_one_to_120_minutes_are_accepted_each_named_when_wrong() {
        assertThatThrownBy(() -> decider.decide(answer("snooze", "nap", 0), sent()))
                .isInstanceOfSatisfying(Rejection.class, e -> assertThat(e.errors())
                        .extracting(FieldError::field).containsExactly("answer", "activity", "activeMinutes"));
        assertThatThrownBy(() -> decider.decide(answer("done", "walk", 121), sent()))
                .isInstanceOfSatisfying(Rejection.class, e -> assertThat(e.errors())
                        .extracting(FieldError::field).containsExactly("activeMinutes"));
    }

    @Test
    void a_sent_reminder_can_be_skipped_once_and_then_no_longer_answered_done() {
        var events = decider.decide(new ReminderDecider.Skip(reminder, employee, slot), sent());
        assertThat(events).singleElement().isEqualTo(new ReminderEvent.BreakSkipped(reminder, employee, slot));
        var skipped = decider.fold(List.of(sentEvent(), events.get(0)));
        assertThatThrownBy(() -> decider.decide(answer("done", "walk", 3), skipped))
                .isInstanceOfSatisfying(Rejection.class, e -> assertThat(e.reason()).isEqualTo(Rejection.Reason.CONFLICT));
        assertThatThrownBy(() -> decider.decide(new ReminderDecider.Skip(reminder, employee, slot), skipped))
                .isInstanceOfSatisfying(Rejection.class, e -> assertThat(e.reason()).isEqualTo(Rejection.Reason.CONFLICT));
        assertThatThrownBy(() -> decider.decide(new ReminderDecider.Skip(reminder, employee, slot), decider.initialState()))
                .isInstanceOfSatisfying(Rejection.class, e -> assertThat(e.reason()).isEqualTo(Rejection.Reason.CONFLICT));
    }

    @Test
    void done_names_the_suggested_routine_only_when_the_activity_is_routine() {
        assertThat(decider.decide(answer("done", "routine", 8), sent())).singleElement()
                .isEqualTo(new ReminderEvent.BreakTaken(reminder, employee, "routine", 8, slot, "hip-flexor-reset"));
        assertThat(decider.decide(answer("done", "walk", 3), sent())).singleElement()
                .extracting(e -> ((ReminderEvent.BreakTaken) e).routineId()).isNull();
    }

    @Test
    void a_snoozed_reminder_is_delivered_once_more_and_can_then_be_answered_but_never_snoozed_twice() {
        Instant until = slot.plusSeconds(600);
        var events = decider.decide(new ReminderDecider.Snooze(reminder, employee, until, slot), sent());
        assertThat(events).singleElement().isEqualTo(new ReminderEvent.BreakSnoozed(reminder, employee, until, slot));
        var snoozed = decider.fold(List.of(sentEvent(), events.get(0)));
        assertThat(snoozed.redeliveryPending()).isTrue();
        assertThatThrownBy(() -> decider.decide(new ReminderDecider.Snooze(reminder, employee, until.plusSeconds(60), slot), snoozed))
                .isInstanceOfSatisfying(Rejection.class, e -> assertThat(e.reason()).isEqualTo(Rejection.Reason.CONFLICT));

        // the engine records the redelivery once; a second one is refused
        var redelivered = decider.fold(List.of(sentEvent(), events.get(0),
                new ReminderEvent.ReminderSent(reminder, employee, slot, "webhook", 1, until)));
        assertThat(redelivered.redeliveryPending()).isFalse();
        assertThatThrownBy(() -> decider.decide(new ReminderDecider.RecordSent(reminder, employee, slot, "webhook", 1, until), redelivered))
                .isInstanceOfSatisfying(Rejection.class, e -> assertThat(e.reason()).isEqualTo(Rejection.Reason.CONFLICT));
        assertThatThrownBy(() -> decider.decide(new ReminderDecider.Snooze(reminder, employee, until.plusSeconds(60), until), redelivered))
                .isInstanceOfSatisfying(Rejection.class, e -> assertThat(e.reason()).isEqualTo(Rejection.Reason.CONFLICT));
        assertThat(decider.decide(answer("done", "walk", 3), redelivered)).hasSize(1);
    }

    @Test
    void a_snoozed_reminder_can_still_be_answered_before_it_comes_back() {
        var snoozed = decider.fold(List.of(sentEvent(), new ReminderEvent.BreakSnoozed(reminder, employee, slot.plusSeconds(600), slot)));
        assertThat(decider.decide(new ReminderDecider.Skip(reminder, employee, slot), snoozed)).hasSize(1);
        var skipped = decider.fold(List.of(sentEvent(), new ReminderEvent.BreakSnoozed(reminder, employee, slot.plusSeconds(600), slot),
                new ReminderEvent.BreakSkipped(reminder, employee, slot)));
        assertThat(skipped.redeliveryPending()).isFalse();
    }

    @Test
    void a_reminder_ends_only_once() {
        assertThatThrownBy(() -> decider.decide(new ReminderDecider.RecordExpired(reminder, employee, slot, slot), sent()))
                .isInstanceOfSatisfying(Rejection.class, e -> assertThat(e.reason()).isEqualTo(Rejection.Reason.CONFLICT));
    }

    @Test
    void retries_back_off_from_two_seconds_up_to_two_minutes() {
        assertThat(ReminderDeliveries.backoff(java.time.Duration.ofSeconds(2), 1)).hasSeconds(2);
        assertThat(ReminderDeliveries.backoff(java.time.Duration.ofSeconds(2), 2)).hasSeconds(4);
        assertThat(ReminderDeliveries.backoff(java.time.Duration.ofSeconds(2), 30)).hasMinutes(2);
    }

    private ReminderEvent.ReminderSent sentEvent() {
        return new ReminderEvent.ReminderSent(reminder, employee, slot, "webhook", 1, slot);
    }

    private ReminderDecider.Reminder sent() {
        return decider.fold(List.of(sentEvent()));
    }

    private ReminderDecider.Answer answer(String answer, String activity, int minutes) {
        return new ReminderDecider.Answer(reminder, employee, answer, activity, minutes, "hip-flexor-reset", slot);
    }
}
