package io.upright.reminders.dose;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.ZoneId;

import static org.assertj.core.api.Assertions.assertThat;

class ReleaseCapTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    @Test
    void three_releases_a_week_and_no_fourth() {
        assertThat(ReleaseCap.allowsAnother(0)).isTrue();
        assertThat(ReleaseCap.allowsAnother(2)).isTrue();
        assertThat(ReleaseCap.allowsAnother(3)).isFalse();
        assertThat(ReleaseCap.allowsAnother(4)).isFalse();
    }

    @Test
    void the_iso_week_runs_monday_to_sunday_in_the_employees_zone() {
        // Wednesday 2 Dec 2026: the week of Monday 30 Nov
        ReleaseCap.Week week = ReleaseCap.weekOf(Instant.parse("2026-12-02T10:00:00Z"), BERLIN);
        assertThat(week.from()).isEqualTo(Instant.parse("2026-11-29T23:00:00Z"));
        assertThat(week.until()).isEqualTo(Instant.parse("2026-12-06T23:00:00Z"));
        // Sunday 23:30 UTC is already Monday in Berlin: the next week there, still this week in UTC
        Instant sundayNight = Instant.parse("2026-12-06T23:30:00Z");
        assertThat(ReleaseCap.weekOf(sundayNight, BERLIN).from()).isEqualTo(Instant.parse("2026-12-06T23:00:00Z"));
        assertThat(ReleaseCap.weekOf(sundayNight, ZoneId.of("Etc/UTC")).from()).isEqualTo(Instant.parse("2026-11-30T00:00:00Z"));
    }

    @Test
    void a_monday_is_the_first_day_of_its_own_week_across_a_dst_change() {
        // the week of 26 Oct 2026 starts on Monday at midnight CET, after the clocks went back on Sunday
        ReleaseCap.Week week = ReleaseCap.weekOf(Instant.parse("2026-10-26T08:00:00Z"), BERLIN);
        assertThat(week.from()).isEqualTo(Instant.parse("2026-10-25T23:00:00Z"));
        assertThat(ReleaseCap.weekOf(Instant.parse("2026-10-25T12:00:00Z"), BERLIN).until()).isEqualTo(week.from());
    }
}
