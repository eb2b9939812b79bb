package io.upright.reminders.schedule;

import io.upright.platform.domain.FieldError;
import io.upright.reminders.dose.RoutineTime;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ReminderSettingsTest {

    private static Map<String, Window> mondayToFriday() {
        Map<String, Window> hours = new LinkedHashMap<>();
        for (String day : List.of("monday", "tuesday", "wednesday", "thursday", "friday")) {
            hours.put(day, new Window("09:00", "17:00"));
        }
        return hours;
    }

    @Test
    void valid_settings_have_no_problems() {
        ReminderSettings settings = new ReminderSettings("Europe/Berlin", mondayToFriday(), new Window("12:00", "13:00"),
                List.of(new Window("09:00", "09:15")), 45);
        assertThat(settings.problems(20, 60, "the program's bounds")).isEmpty();
    }

    @Test
    void a_preferred_cadence_outside_the_program_bounds_is_named() {
        ReminderSettings settings = new ReminderSettings("Europe/Berlin", mondayToFriday(), null, List.of(), 90);
        assertThat(settings.problems(20, 60, "the program's bounds")).extracting(FieldError::field)
                .containsExactly("preferredBreakEveryMinutes");
        assertThat(new ReminderSettings("Europe/Berlin", mondayToFriday(), null, List.of(), 15).problems(20, 60, "x"))
                .extracting(FieldError::message).singleElement().asString().contains("between 20 and 60");
    }

    @Test
    void every_bad_field_is_named_with_its_path() {
        Map<String, Window> hours = new LinkedHashMap<>();
        hours.put("monday", new Window("9am", "17:00"));
        hours.put("funday", new Window("09:00", "17:00"));
        hours.put("friday", new Window("17:00", "09:00"));
        ReminderSettings settings = new ReminderSettings("Mars/Olympus", hours, new Window("13:00", "12:00"),
                List.of(new Window("10:00", "10:00")), null);
        assertThat(settings.problems(20, 60, "x")).extracting(FieldError::field).containsExactly("timeZone",
                "workingHours.monday.start", "workingHours.funday", "workingHours.friday.end", "lunch.end", "quietWindows[0].end");
        assertThat(new ReminderSettings("UTC", Map.of(), null, null, null).problems(20, 60, "x")).extracting(FieldError::field)
                .containsExactly("workingHours");
    }

    @Test
    void a_pause_until_tomorrow_ends_at_the_employees_next_local_midnight() {
        // 23:30 UTC on 25 Nov is already 26 Nov 00:30 in Berlin: tomorrow there is 27 Nov 00:00 CET
        assertThat(PersonalSettings.tomorrow(ZoneId.of("Europe/Berlin"), Instant.parse("2026-11-25T23:30:00Z")))
                .isEqualTo(Instant.parse("2026-11-26T23:00:00Z"));
        assertThat(PersonalSettings.tomorrow(ZoneId.of("America/New_York"), Instant.parse("2026-11-25T23:30:00Z")))
                .isEqualTo(Instant.parse("2026-11-26T05:00:00Z"));
    }

    @Test
    void routine_times_are_at_most_two_known_distinct_times_named_by_position() {
        ReminderSettings twice = new ReminderSettings("Europe/Berlin", mondayToFriday(), null, List.of(), null,
                List.of("MORNING", "END_OF_DAY"), true);
        assertThat(twice.problems(20, 60, "x")).isEmpty();
        assertThat(twice.routineTimesInForce()).containsExactly(RoutineTime.MORNING, RoutineTime.END_OF_DAY);
        assertThat(twice.floorExercisesAtWorkInForce()).isTrue();
        assertThat(new ReminderSettings("Europe/Berlin", mondayToFriday(), null, List.of(), null,
                List.of("MORNING", "LUNCHTIME", "END_OF_DAY"), null).problems(20, 60, "x")).extracting(FieldError::field)
                .containsExactly("routineTimes");
        assertThat(new ReminderSettings("Europe/Berlin", mondayToFriday(), null, List.of(), null,
                List.of("teatime", "MORNING"), null).problems(20, 60, "x")).extracting(FieldError::field)
                .containsExactly("routineTimes[0]");
        assertThat(new ReminderSettings("Europe/Berlin", mondayToFriday(), null, List.of(), null,
                List.of("MORNING", "MORNING"), null).problems(20, 60, "x")).extracting(FieldError::field)
                .containsExactly("routineTimes[1]");
    }

    @Test
    void without_routine_fields_the_default_end_of_day_applies_and_no_floor_exercises_at_work() {
        ReminderSettings older = new ReminderSettings("Europe/Berlin", mondayToFriday(), null, List.of(), null);
        assertThat(older.routineTimesInForce()).containsExactly(RoutineTime.END_OF_DAY);
        assertThat(older.floorExercisesAtWorkInForce()).isFalse();
        // an empty choice is a choice: no routine reminders
        assertThat(new ReminderSettings("Europe/Berlin", mondayToFriday(), null, List.of(), null, List.of(), false)
                .routineTimesInForce()).isEmpty();
    }
}
