package io.upright.web.home;

import io.upright.web.home.MyReminders.Reminder;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class NextBreakTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final Instant NOW = Instant.parse("2026-12-07T10:00:00Z");

    private static Reminder reminder(String slot, String status, String kind) {
        return new Reminder("r-" + slot, Instant.parse(slot), status, kind, null);
    }

    @Test
    void the_next_break_is_the_earliest_waiting_one_in_the_persons_zone() {
        List<Reminder> newestFirst = List.of(
                reminder("2026-12-07T15:00:00Z", "pending", "routine"),
                reminder("2026-12-07T10:30:00Z", "pending", "break"),
                reminder("2026-12-07T09:30:00Z", "sent", "break"));

        NextBreak next = NextBreak.of(newestFirst, null, BERLIN, NOW).orElseThrow();

        assertThat(next.paused()).isFalse();
        assertThat(next.when().time()).isEqualTo("11:30");
        assertThat(next.when().today()).isTrue();
    }

    @Test
    void a_nudge_or_a_sitting_check_in_is_no_break() {
        List<Reminder> newestFirst = List.of(
                reminder("2026-12-07T10:10:00Z", "pending", "assessment-nudge"),
                reminder("2026-12-07T10:20:00Z", "pending", "sitting-check-in"));

        assertThat(NextBreak.of(newestFirst, null, BERLIN, NOW)).isEmpty();
    }

    @Test
    void a_pause_wins_over_the_planned_break() {
        NextBreak next = NextBreak.of(List.of(reminder("2026-12-07T10:30:00Z", "pending", "break")),
                Instant.parse("2026-12-07T23:00:00Z"), BERLIN, NOW).orElseThrow();

        assertThat(next.paused()).isTrue();
        assertThat(next.when().time()).isEqualTo("00:00");
        assertThat(next.when().tomorrow()).isTrue();
    }

    @Test
    void a_pause_that_has_ended_is_ignored_and_a_break_already_due_is_now() {
        NextBreak next = NextBreak.of(List.of(reminder("2026-12-07T09:59:00Z", "pending", "break")),
                Instant.parse("2026-12-07T09:00:00Z"), BERLIN, NOW).orElseThrow();

        assertThat(next.paused()).isFalse();
        assertThat(next.when().time()).isEqualTo("11:00");
    }

    @Test
    void a_snoozed_break_comes_back_at_its_snooze_time() {
        Reminder snoozed = new Reminder("s", Instant.parse("2026-12-07T09:50:00Z"), "pending", "break",
                Instant.parse("2026-12-07T10:05:00Z"));

        assertThat(NextBreak.of(List.of(snoozed), null, BERLIN, NOW).orElseThrow().when().time()).isEqualTo("11:05");
    }

    @Test
    void nothing_waiting_means_no_break_planned() {
        assertThat(NextBreak.of(List.of(), null, BERLIN, NOW)).isEmpty();
    }
}
