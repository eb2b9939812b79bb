package io.upright.reminders.reminder;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class ReminderMessageTest {

    private final UUID reminder = UUID.randomUUID();
    private final UUID employee = UUID.randomUUID();
    private final Instant slot = Instant.parse("2026-11-25T09:30:00Z");

    @Test
    void with_a_recommended_routine_the_message_suggests_it_by_title_and_length() {
        ReminderMessage m = ReminderMessage.of(reminder, employee, slot,
                BreakSuggestion.routine("hip-flexor-reset", "Hip-flexor reset", 8));
        assertThat(m.message()).contains("Try the 8-minute hip-flexor reset");
        assertThat(m.routineId()).isEqualTo("hip-flexor-reset");
        assertThat(m.routineTitle()).isEqualTo("Hip-flexor reset");
        assertThat(m.answerUrl()).isEqualTo("/api/me/reminders/" + reminder + "/answer");
    }

    @Test
    void a_routine_without_a_length_is_still_suggested_and_acronyms_keep_their_capitals() {
        assertThat(ReminderMessage.of(reminder, employee, slot, BreakSuggestion.routine("r", "Hip-flexor reset", null)).message())
                .contains("Try your hip-flexor reset routine");
        assertThat(ReminderMessage.of(reminder, employee, slot, BreakSuggestion.routine("r", "ROSA follow-up", 5)).message())
                .contains("the 5-minute ROSA follow-up");
    }

    @Test
    void while_exercises_are_withheld_for_clinical_review_it_suggests_only_standing_and_walking() {
        // even if a routine were known, the hold wins
        BreakSuggestion held = new BreakSuggestion("hip-flexor-reset", "Hip-flexor reset", 8, true);
        ReminderMessage m = ReminderMessage.of(reminder, employee, slot, held);
        assertThat(m.routineId()).isNull();
        assertThat(m.routineTitle()).isNull();
        assertThat(m.message()).containsIgnoringCase("stand up").containsIgnoringCase("walk")
                .doesNotContainIgnoringCase("routine").doesNotContainIgnoringCase("stretch")
                .doesNotContainIgnoringCase("exercise").doesNotContainIgnoringCase("hip-flexor")
                .doesNotContainIgnoringCase("review"); // a shared channel must not learn about a clinical hold
        assertThat(ReminderMessage.of(reminder, employee, slot, BreakSuggestion.withheld()).message()).isEqualTo(m.message());
    }

    @Test
    void without_a_recommendation_it_is_the_general_prompt() {
        ReminderMessage m = ReminderMessage.of(reminder, employee, slot, BreakSuggestion.general());
        assertThat(m.message()).isEqualTo(ReminderMessage.PROMPT);
        assertThat(m.routineId()).isNull();
        assertThat(ReminderMessage.of(reminder, employee, slot)).isEqualTo(m);
        // a recommendation that named no routine is the same as none
        assertThat(ReminderMessage.of(reminder, employee, slot, BreakSuggestion.routine(null, null, null)).message())
                .isEqualTo(ReminderMessage.PROMPT);
    }

    @Test
    void one_click_done_records_what_the_message_asked_for() {
        BreakSuggestion routine = BreakSuggestion.routine("r", "Hip-flexor reset", 8);
        assertThat(routine.doneActivity()).isEqualTo("routine");
        assertThat(routine.doneMinutes()).isEqualTo(8);
        assertThat(BreakSuggestion.routine("r", "Long one", 500).doneMinutes()).isEqualTo(ReminderDecider.MAX_ACTIVE_MINUTES);
        assertThat(BreakSuggestion.withheld().doneActivity()).isEqualTo("walk");
        assertThat(BreakSuggestion.withheld().doneMinutes()).isEqualTo(2);
        assertThat(BreakSuggestion.general().doneActivity()).isEqualTo("walk");
        assertThat(BreakSuggestion.general().doneMinutes()).isEqualTo(3);
    }
}
