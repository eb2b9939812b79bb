package io.upright.insights.outcomes;

import io.upright.insights.outcomes.SittingRounds.Round;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SittingRoundsTest {

    private static final LocalDate START = LocalDate.of(2026, 1, 5);
    private static final Duration WINDOW = Duration.ofDays(28);

    @Test
    void a_check_in_opens_every_four_weeks_from_the_start_and_is_published_when_its_window_has_passed() {
        Instant now = Instant.parse("2026-03-10T12:00:00Z"); // 64 days in
        List<Round> opened = SittingRounds.opened(START, null, now, WINDOW);
        assertThat(opened).extracting(r -> r.period().name()).containsExactly("check-in-1", "check-in-2");
        assertThat(opened.get(0).opensAt()).isEqualTo(Instant.parse("2026-02-02T00:00:00Z"));
        assertThat(opened.get(0).closesAt()).isEqualTo(Instant.parse("2026-03-02T00:00:00Z"));
        assertThat(SittingRounds.closed(START, null, now, WINDOW)).extracting(r -> r.period().name()).containsExactly("check-in-1");
    }

    @Test
    void nothing_opens_before_four_weeks() {
        assertThat(SittingRounds.opened(START, null, Instant.parse("2026-02-01T23:59:59Z"), WINDOW)).isEmpty();
    }

    @Test
    void an_ended_program_has_no_check_in_after_its_end_and_an_end_round_instead() {
        Instant ended = Instant.parse("2026-02-20T17:00:00Z");
        Instant now = Instant.parse("2026-06-01T00:00:00Z");
        List<Round> closed = SittingRounds.closed(START, ended, now, WINDOW);
        assertThat(closed).extracting(r -> r.period().name()).containsExactly("check-in-1", "end");
        assertThat(closed.get(1).closesAt()).isEqualTo(ended.plus(WINDOW));
    }

    @Test
    void a_program_stops_asking_after_its_last_check_in() {
        Instant now = START.atStartOfDay().toInstant(java.time.ZoneOffset.UTC).plus(Duration.ofDays(28L * 40));
        assertThat(SittingRounds.opened(START, null, now, WINDOW)).hasSize(SittingRounds.MAX_CHECK_INS);
    }
}
