package io.upright.insights.snapshots;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

class ClosedWeeksTest {

    private static final Duration GRACE = Duration.ofHours(6);

    @Test
    void a_week_is_published_from_sunday_24_00_utc_plus_the_grace() {
        LocalDate monday = LocalDate.of(2026, 3, 2);
        assertThat(ClosedWeeks.publishableFrom(monday, GRACE)).isEqualTo(Instant.parse("2026-03-09T06:00:00Z"));
        assertThat(ClosedWeeks.lastClosed(Instant.parse("2026-03-09T05:59:59Z"), GRACE)).isEqualTo(LocalDate.of(2026, 2, 23));
        assertThat(ClosedWeeks.lastClosed(Instant.parse("2026-03-09T06:00:00Z"), GRACE)).isEqualTo(monday);
        assertThat(ClosedWeeks.lastClosed(Instant.parse("2026-03-11T12:00:00Z"), GRACE)).isEqualTo(monday);
    }

    @Test
    void iso_weeks_are_read_strictly() {
        assertThat(ClosedWeeks.parse("2026-W10")).contains(LocalDate.of(2026, 3, 2));
        assertThat(ClosedWeeks.parse("2020-W53")).contains(LocalDate.of(2020, 12, 28));
        assertThat(ClosedWeeks.parse("2025-W53")).isEmpty();
        assertThat(ClosedWeeks.parse("2026-W53")).contains(LocalDate.of(2026, 12, 28));
        assertThat(ClosedWeeks.parse("2026-W00")).isEmpty();
        assertThat(ClosedWeeks.parse("2026-10")).isEmpty();
        assertThat(ClosedWeeks.parse("W10")).isEmpty();
        assertThat(ClosedWeeks.parse(null)).isEmpty();
        assertThat(ClosedWeeks.isoWeek(LocalDate.of(2026, 3, 8))).isEqualTo("2026-W10");
    }
}
