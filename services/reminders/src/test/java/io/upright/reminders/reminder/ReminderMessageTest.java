package io.upright.reminders.reminder;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What employer systems receive ({@link ReminderMessage}) against what only the employee reads
 * ({@link PersonalSuggestion}).
 */
class ReminderMessageTest {

    private final UUID reminder = UUID.randomUUID();
    private final UUID employee = UUID.randomUUID();
    private final Instant slot = Instant.parse("2026-11-25T09:30:00Z");

    @Test
    void every_break_reminder_reads_the_same_and_points_to_the_employees_own_suggestion() {
        ReminderMessage m = ReminderMessage.of(reminder, employee, slot);
        assertThat(m.type()).isEqualTo("break.reminder");
        assertThat(m.kind()).isEqualTo("break");
        assertThat(m.message()).isEqualTo(ReminderMessage.BREAK_PROMPT);
        assertThat(m.answerUrl()).isEqualTo("/api/me/reminders/" + reminder + "/answer");
        assertThat(m.suggestionUrl()).isEqualTo("/api/me/reminders/" + reminder);
        assertThat(ReminderMessage.of(reminder, employee, slot, "break", null)).isEqualTo(m);
        // the same words for everyone: only the ids and the slot tell two employees' reminders apart
        ReminderMessage other = ReminderMessage.of(UUID.randomUUID(), UUID.randomUUID(), slot.plusSeconds(60));
        assertThat(other.message()).isEqualTo(m.message());
        for (String telltale : List.of("routine", "exercise", "clinic", "review", "paused", "assessment")) {
            assertThat(m.message()).doesNotContainIgnoringCase(telltale);
        }
    }

    @Test
    void with_a_recommended_routine_the_personal_suggestion_names_it_by_title_and_length() {
        PersonalSuggestion s = PersonalSuggestion.of("break", BreakSuggestion.routine("hip-flexor-reset", "Hip-flexor reset", 8));
        assertThat(s.type()).isEqualTo("routine");
        assertThat(s.message()).startsWith("Try the 8-minute hip-flexor reset");
        assertThat(s.routineId()).isEqualTo("hip-flexor-reset");
        assertThat(s.routineTitle()).isEqualTo("Hip-flexor reset");
        assertThat(s.durationMinutes()).isEqualTo(8);
        assertThat(s.activity()).isEqualTo("routine");
        assertThat(s.activeMinutes()).isEqualTo(8);
    }

    @Test
    void a_routine_without_a_length_is_still_suggested_and_acronyms_keep_their_capitals() {
        assertThat(PersonalSuggestion.of("break", BreakSuggestion.routine("r", "Hip-flexor reset", null)).message())
                .contains("Try your hip-flexor reset routine");
        assertThat(PersonalSuggestion.of("break", BreakSuggestion.routine("r", "ROSA follow-up", 5)).message())
                .contains("the 5-minute ROSA follow-up");
    }

    @Test
    void while_exercises_are_withheld_the_employee_alone_is_told_why_and_asked_only_to_walk() {
        // even if a routine were known, the hold wins
        PersonalSuggestion s = PersonalSuggestion.of("break", new BreakSuggestion("hip-flexor-reset", "Hip-flexor reset", 8, true));
        assertThat(s.type()).isEqualTo("exercises-paused");
        assertThat(s.routineId()).isNull();
        assertThat(s.routineTitle()).isNull();
        assertThat(s.message()).contains("paused until a clinician has seen").containsIgnoringCase("walk")
                .doesNotContainIgnoringCase("hip-flexor").doesNotContainIgnoringCase("stretch");
        assertThat(s.activity()).isEqualTo("walk");
        assertThat(s.activeMinutes()).isEqualTo(2);
        assertThat(PersonalSuggestion.of("break", BreakSuggestion.withheld())).isEqualTo(s);
    }

    @Test
    void without_a_recommendation_it_is_the_general_walk_and_other_kinds_suggest_their_own_thing() {
        PersonalSuggestion general = PersonalSuggestion.of("break", BreakSuggestion.general());
        assertThat(general.type()).isEqualTo("walk");
        assertThat(general.message()).isEqualTo(PersonalSuggestion.WALK_PROMPT);
        assertThat(general.activeMinutes()).isEqualTo(3);
        // a recommendation that named no routine is the same as none
        assertThat(PersonalSuggestion.of("break", BreakSuggestion.routine(null, null, null))).isEqualTo(general);
        BreakSuggestion routine = BreakSuggestion.routine("r", "Hip-flexor reset", 8);
        assertThat(PersonalSuggestion.of("sit-stand", routine).type()).isEqualTo("stand");
        assertThat(PersonalSuggestion.of("sit-stand", routine).activeMinutes()).isEqualTo(10);
        assertThat(PersonalSuggestion.of("team-break", routine).type()).isEqualTo("team-break");
        assertThat(PersonalSuggestion.of("assessment-nudge", routine)).isNull();
    }

    @Test
    void one_click_done_records_what_was_suggested() {
        BreakSuggestion routine = BreakSuggestion.routine("r", "Hip-flexor reset", 8);
        assertThat(routine.doneActivity()).isEqualTo("routine");
        assertThat(routine.doneMinutes()).isEqualTo(8);
        assertThat(BreakSuggestion.routine("r", "Long one", 500).doneMinutes()).isEqualTo(ReminderDecider.MAX_ACTIVE_MINUTES);
        assertThat(BreakSuggestion.withheld().doneActivity()).isEqualTo("walk");
        assertThat(BreakSuggestion.withheld().doneMinutes()).isEqualTo(2);
        assertThat(BreakSuggestion.general().doneActivity()).isEqualTo("walk");
        assertThat(BreakSuggestion.general().doneMinutes()).isEqualTo(3);
    }

    @Test
    void a_reminder_keeps_what_it_suggested_and_a_later_clinical_hold_wins_over_a_routine() {
        BreakSuggestion kept = BreakSuggestion.kept("break", "hip-flexor-reset", "Hip-flexor reset", 8, false);
        assertThat(kept).isEqualTo(BreakSuggestion.routine("hip-flexor-reset", "Hip-flexor reset", 8));
        assertThat(BreakSuggestion.kept("break", null, null, null, true).withheldForClinicalReview()).isTrue();
        assertThat(BreakSuggestion.kept("break", null, null, null, false)).isEqualTo(BreakSuggestion.general());
        // a row claimed before the title and minutes were kept: the routine by its id, default minutes
        BreakSuggestion older = BreakSuggestion.kept("break", "hip-flexor-reset", null, null, null);
        assertThat(older.suggestsRoutine()).isTrue();
        assertThat(older.doneMinutes()).isEqualTo(5);
        // never sent: nothing kept, the general walk
        assertThat(BreakSuggestion.kept("break", null, null, null, null)).isEqualTo(BreakSuggestion.general());
        assertThat(BreakSuggestion.kept("sit-stand", null, null, null, false).doneActivity()).isEqualTo("stand");

        assertThat(kept.heldNow(true)).isEqualTo(BreakSuggestion.withheld());
        assertThat(kept.heldNow(false)).isEqualTo(kept);
        assertThat(BreakSuggestion.general().heldNow(true)).isEqualTo(BreakSuggestion.general());
    }
}
