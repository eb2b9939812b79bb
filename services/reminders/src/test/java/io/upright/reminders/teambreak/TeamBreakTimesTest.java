package io.upright.reminders.teambreak;

import io.upright.reminders.reminder.BreakSuggestion;
import io.upright.reminders.reminder.ReminderMessage;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class TeamBreakTimesTest {

    @Test
    void a_daily_local_time_falls_once_a_day_and_follows_the_zones_dst_change() {
        // Berlin moves to summer time on Sunday 29 March 2026: 15:00 is 14:00 UTC before, 13:00 UTC after
        assertThat(TeamBreakTimes.between(LocalTime.of(15, 0), ZoneId.of("Europe/Berlin"), Instant.parse("2026-03-28T12:00:00Z"), Duration.ofHours(48)))
                .containsExactly(Instant.parse("2026-03-28T14:00:00Z"), Instant.parse("2026-03-29T13:00:00Z"));
        // a time already past today comes tomorrow
        assertThat(TeamBreakTimes.between(LocalTime.of(9, 0), ZoneId.of("America/New_York"), Instant.parse("2026-11-25T15:00:00Z"), Duration.ofHours(24)))
                .containsExactly(Instant.parse("2026-11-26T14:00:00Z"));
    }

    @Test
    void sit_stand_prompts_and_nudges_say_their_own_thing_and_done_on_a_sit_stand_prompt_records_standing() {
        UUID id = UUID.randomUUID();
        ReminderMessage sitStand = ReminderMessage.of(id, UUID.randomUUID(), Instant.now(), "sit-stand", null);
        assertThat(sitStand.message()).containsIgnoringCase("stand").containsIgnoringCase("desk");
        assertThat(sitStand.kind()).isEqualTo("sit-stand");
        BreakSuggestion standing = BreakSuggestion.forKind("sit-stand", BreakSuggestion.routine("r", "Routine", 8));
        assertThat(standing.doneActivity()).isEqualTo("stand");
        assertThat(standing.suggestsRoutine()).isFalse();

        ReminderMessage nudge = ReminderMessage.of(id, UUID.randomUUID(), Instant.now(), "assessment-nudge", LocalDate.parse("2026-12-04"));
        assertThat(nudge.type()).isEqualTo("assessment.nudge");
        assertThat(nudge.message()).contains("2026-12-04");
        assertThat(nudge.answerable()).isFalse();
        assertThat(nudge.answerUrl()).isNull();
        assertThat(nudge.suggestionUrl()).isNull();

        assertThat(ReminderMessage.of(id, UUID.randomUUID(), Instant.now(), "team-break", null).message()).containsIgnoringCase("team");
    }
}
