package io.upright.reminders.reminder;

import io.upright.contracts.exercises.MicroBreak;
import io.upright.reminders.dose.MicroBreaks;
import io.upright.reminders.dose.Recommendation;
import io.upright.reminders.dose.RoutineTime;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Dose by design: what a break and a routine reminder suggest, and that employer systems learn none of it. */
class DoseRulesTest {

    private final MicroBreak lunge = new MicroBreak("standing-hip-flexor-stretch", "Standing hip-flexor stretch", 1);
    private final MicroBreak calves = new MicroBreak("calf-raises", "Calf raises", 2);
    private final Recommendation desk = new Recommendation("hip-flexor-reset", "Hip-flexor reset", 8, false,
            List.of(lunge, calves), false, false);
    private final Recommendation floor = new Recommendation("psoas-floor-flow", "Psoas floor flow", 10, false,
            List.of(lunge), true, false);
    private final Recommendation release = new Recommendation("iliacus-release", "Iliacus release", 6, false,
            List.of(lunge), false, true);
    private final Recommendation held = new Recommendation(null, null, null, true, List.of(), false, false);

    @Test
    void a_break_never_suggests_the_full_routine_but_its_micro_breaks_in_turn() {
        BreakSuggestion first = BreakSuggestion.forBreak(desk, 0);
        BreakSuggestion second = BreakSuggestion.forBreak(desk, 1);
        assertThat(first.suggestsRoutine()).isFalse();
        assertThat(first.microBreak()).isEqualTo(lunge);
        assertThat(second.microBreak()).isEqualTo(calves);
        assertThat(first.doneActivity()).isEqualTo("stretch");
        assertThat(second.doneMinutes()).isEqualTo(2);
        PersonalSuggestion personal = PersonalSuggestion.of("break", first);
        assertThat(personal.type()).isEqualTo(PersonalSuggestion.MICRO_BREAK);
        assertThat(personal.routineId()).isNull();
        assertThat(personal.exerciseId()).isEqualTo("standing-hip-flexor-stretch");
        assertThat(personal.message()).startsWith("Standing hip-flexor stretch").doesNotContain("Hip-flexor reset");
    }

    @Test
    void older_events_and_no_recommendation_get_the_built_in_safe_micro_breaks() {
        Recommendation older = new Recommendation("hip-flexor-reset", "Hip-flexor reset", 8, false, null, false, false);
        assertThat(BreakSuggestion.forBreak(older, 0).microBreak()).isEqualTo(MicroBreaks.WALK);
        assertThat(BreakSuggestion.forBreak(Recommendation.none(), 1).microBreak()).isEqualTo(MicroBreaks.STRETCH_TALL);
        assertThat(PersonalSuggestion.of("break", BreakSuggestion.forBreak(Recommendation.none(), 0)).activity()).isEqualTo("walk");
    }

    @Test
    void in_clinical_review_a_break_or_a_routine_reminder_asks_only_for_a_gentle_walk() {
        for (BreakSuggestion s : List.of(BreakSuggestion.forBreak(held, 0),
                BreakSuggestion.forRoutine(held, RoutineTime.END_OF_DAY, true, 0, 0))) {
            PersonalSuggestion personal = PersonalSuggestion.of("break", s);
            assertThat(personal.type()).isEqualTo(PersonalSuggestion.EXERCISES_PAUSED);
            assertThat(personal.exerciseId()).isNull();
            assertThat(personal.activity()).isEqualTo("walk");
        }
        // a hold that began after a micro-break was suggested wins over it
        assertThat(BreakSuggestion.forBreak(desk, 0).heldNow(true)).isEqualTo(BreakSuggestion.withheld());
    }

    @Test
    void a_desk_friendly_routine_comes_whole_at_the_routine_time() {
        BreakSuggestion s = BreakSuggestion.forRoutine(desk, RoutineTime.LUNCHTIME, false, 0, 0);
        assertThat(s.suggestsRoutine()).isTrue();
        assertThat(s.doneActivity()).isEqualTo("routine");
        assertThat(s.doneMinutes()).isEqualTo(8);
        assertThat(PersonalSuggestion.of("routine", s).type()).isEqualTo(PersonalSuggestion.ROUTINE);
        // no routine recommended: a micro-break instead
        assertThat(BreakSuggestion.forRoutine(Recommendation.none(), RoutineTime.LUNCHTIME, false, 0, 0).microBreak())
                .isEqualTo(MicroBreaks.WALK);
    }

    @Test
    void a_floor_or_equipment_routine_stays_out_of_working_hours_unless_the_employee_opted_in() {
        BreakSuggestion evening = BreakSuggestion.forRoutine(floor, RoutineTime.END_OF_DAY, false, 0, 0);
        assertThat(evening.suggestsRoutine()).isFalse();
        assertThat(evening.suggestsRoutineAtHome()).isTrue();
        PersonalSuggestion personal = PersonalSuggestion.of("routine", evening);
        assertThat(personal.type()).isEqualTo(PersonalSuggestion.ROUTINE_AT_HOME);
        assertThat(personal.routineId()).isEqualTo("psoas-floor-flow");
        assertThat(personal.message()).contains("10-minute psoas floor flow", "for home", "stand and stretch tall");
        // Done from a chat button counts what can be done at the desk now, not the routine
        assertThat(personal.activity()).isEqualTo("stretch");
        assertThat(personal.activeMinutes()).isEqualTo(1);
        assertThat(BreakSuggestion.forRoutine(floor, RoutineTime.MORNING, false, 0, 0).suggestsRoutineAtHome()).isTrue();
        // at lunchtime there is no "outside hours" to point at: a desk micro-break instead
        BreakSuggestion lunch = BreakSuggestion.forRoutine(floor, RoutineTime.LUNCHTIME, false, 0, 0);
        assertThat(lunch.suggestsRoutine() || lunch.suggestsRoutineAtHome()).isFalse();
        assertThat(lunch.microBreak()).isEqualTo(lunge);
        // opted in: the floor routine itself, whenever
        assertThat(BreakSuggestion.forRoutine(floor, RoutineTime.LUNCHTIME, true, 0, 0).suggestsRoutine()).isTrue();
    }

    @Test
    void a_soft_tissue_release_is_suggested_at_most_three_times_an_iso_week() {
        for (int before = 0; before < 3; before++) {
            BreakSuggestion s = BreakSuggestion.forRoutine(release, RoutineTime.END_OF_DAY, false, before, 0);
            assertThat(s.suggestsRoutine()).isTrue();
            assertThat(s.softTissueRelease()).isTrue();
        }
        BreakSuggestion fourth = BreakSuggestion.forRoutine(release, RoutineTime.END_OF_DAY, false, 3, 0);
        assertThat(fourth.suggestsRoutine()).isFalse();
        assertThat(fourth.softTissueRelease()).isFalse(); // not counted: it did not suggest the release
        assertThat(fourth.microBreak()).isEqualTo(lunge);
        assertThat(PersonalSuggestion.of("routine", BreakSuggestion.forRoutine(release, RoutineTime.END_OF_DAY, false, 0, 0))
                .message()).contains("two or three days a week");
    }

    @Test
    void what_a_reminder_kept_reads_back_the_same() {
        for (BreakSuggestion s : List.of(BreakSuggestion.forBreak(desk, 1), BreakSuggestion.forBreak(held, 0),
                BreakSuggestion.forRoutine(desk, RoutineTime.MORNING, false, 0, 0),
                BreakSuggestion.forRoutine(floor, RoutineTime.END_OF_DAY, false, 0, 0),
                BreakSuggestion.forRoutine(release, RoutineTime.END_OF_DAY, false, 0, 0))) {
            boolean routine = s.suggestsRoutine() || s.suggestsRoutineAtHome();
            MicroBreak now = s.suggestsMicroBreak() ? s.microBreak() : null;
            BreakSuggestion kept = BreakSuggestion.kept("routine", s.type(), routine ? s.routineId() : null,
                    routine ? s.routineTitle() : null, routine ? s.durationMinutes() : null, s.withheldForClinicalReview(),
                    now == null ? null : now.exerciseId(), now == null ? null : now.title(), now == null ? null : now.minutes(),
                    routine && s.softTissueRelease());
            assertThat(kept).isEqualTo(s);
        }
        // rows claimed before dose by design read as they always did
        assertThat(BreakSuggestion.kept("break", null, "hip-flexor-reset", "Hip-flexor reset", 8, false, null, null, null, false))
                .isEqualTo(BreakSuggestion.routine("hip-flexor-reset", "Hip-flexor reset", 8));
    }

    @Test
    void a_routine_reminder_reads_the_same_for_everyone_in_employer_systems() {
        ReminderMessage m = ReminderMessage.of(UUID.randomUUID(), UUID.randomUUID(), Instant.parse("2026-12-04T15:30:00Z"),
                "routine", null);
        assertThat(m.kind()).isEqualTo("routine");
        assertThat(m.answerable()).isTrue();
        assertThat(m.message()).isEqualTo(ReminderMessage.ROUTINE_PROMPT);
        for (String telltale : List.of("routine", "exercise", "release", "floor", "stretch", "clinic", "paused", "psoas")) {
            assertThat(m.message()).doesNotContainIgnoringCase(telltale);
        }
    }
}
