package io.upright.reminders.schedule;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class CadenceTest {

    private static final Duration DEFAULT = Duration.ofMinutes(60);
    private final Cadence.Program program = new Cadence.Program(45, 20, 60);

    @Test
    void under_a_program_the_current_phase_sets_the_cadence() {
        assertThat(Cadence.effective(program, null, false, DEFAULT)).isEqualTo(Duration.ofMinutes(45));
    }

    @Test
    void high_risk_tightens_to_three_quarters_rounded_to_five_minutes() {
        assertThat(Cadence.tighten(60)).isEqualTo(45);
        assertThat(Cadence.tighten(45)).isEqualTo(35); // 33.75
        assertThat(Cadence.tighten(30)).isEqualTo(25); // 22.5, halves up
        assertThat(Cadence.tighten(5)).isEqualTo(5);
        assertThat(Cadence.effective(program, null, true, DEFAULT)).isEqualTo(Duration.ofMinutes(35));
    }

    @Test
    void tightening_never_goes_below_the_program_minimum() {
        Cadence.Program strict = new Cadence.Program(30, 30, 60);
        assertThat(Cadence.effective(strict, null, true, DEFAULT)).isEqualTo(Duration.ofMinutes(30));
    }

    @Test
    void a_preferred_cadence_replaces_the_phase_within_the_bounds_and_is_still_tightened_by_risk() {
        assertThat(Cadence.effective(program, 50, false, DEFAULT)).isEqualTo(Duration.ofMinutes(50));
        assertThat(Cadence.effective(program, 90, false, DEFAULT)).isEqualTo(Duration.ofMinutes(60));
        assertThat(Cadence.effective(program, 10, false, DEFAULT)).isEqualTo(Duration.ofMinutes(20));
        assertThat(Cadence.effective(program, 60, true, DEFAULT)).isEqualTo(Duration.ofMinutes(45));
    }

    @Test
    void without_a_program_the_default_or_the_preference_applies_and_risk_changes_nothing() {
        assertThat(Cadence.effective(null, null, true, DEFAULT)).isEqualTo(DEFAULT);
        assertThat(Cadence.effective(null, 40, true, DEFAULT)).isEqualTo(Duration.ofMinutes(40));
    }

    @Test
    void the_phase_in_force_follows_the_week_since_the_start() {
        LocalDate start = LocalDate.parse("2026-11-02"); // a Monday
        List<Cadence.Phase> phases = List.of(new Cadence.Phase(2, 3, 45, 60), new Cadence.Phase(1, 1, 60, 45),
                new Cadence.Phase(3, 5, 30, 90));
        assertThat(Cadence.phaseOn(start, phases, start.minusDays(3))).get().extracting(Cadence.Phase::number).isEqualTo(1);
        assertThat(Cadence.phaseOn(start, phases, start.plusDays(13))).get().extracting(Cadence.Phase::number).isEqualTo(1);
        assertThat(Cadence.phaseOn(start, phases, start.plusDays(14))).get().extracting(Cadence.Phase::number).isEqualTo(2);
        assertThat(Cadence.phaseOn(start, phases, start.plusDays(28))).get().extracting(Cadence.Phase::number).isEqualTo(3);
        assertThat(Cadence.phaseOn(start, List.of(), start)).isEmpty();
    }
}
