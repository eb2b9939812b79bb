package io.upright.web.settings;

import io.upright.web.settings.MyReminderSettings.Settings;
import io.upright.web.settings.MyReminderSettings.Window;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class SettingsFormTest {

    private static Map<String, List<String>> weekdaysNineToFive() {
        Map<String, List<String>> form = new HashMap<>();
        for (String day : List.of("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")) {
            if (!day.startsWith("s")) {
                form.put(day + ".works", List.of("on"));
            }
            form.put(day + ".start", List.of("09:00"));
            form.put(day + ".end", List.of("17:00"));
        }
        form.put("timeZone", List.of("Europe/Berlin"));
        return form;
    }

    @Test
    void a_day_not_ticked_is_a_day_off_and_left_out_of_the_working_hours() {
        Map<String, List<String>> form = weekdaysNineToFive();
        form.put("wednesday.start", List.of("10:00"));
        form.put("wednesday.end", List.of("14:30"));

        SettingsForm.Posted posted = SettingsForm.read(form);

        assertThat(posted.valid()).isTrue();
        assertThat(posted.change().workingHours()).containsOnlyKeys("monday", "tuesday", "wednesday", "thursday", "friday");
        assertThat(posted.change().workingHours().get("wednesday")).isEqualTo(new Window("10:00", "14:30"));
        assertThat(posted.change().timeZone()).isEqualTo("Europe/Berlin");
        // the day off keeps what was typed, so ticking it again needs no typing
        assertThat(posted.form().days().get(5)).isEqualTo(new SettingsForm.Day("saturday", false, "09:00", "17:00"));
    }

    @Test
    void quiet_windows_removed_or_left_blank_are_dropped_and_the_rest_keep_their_order_and_new_index() {
        Map<String, List<String>> form = weekdaysNineToFive();
        form.put("quiet.start", List.of("09:30", "11:00", "", "15:00"));
        form.put("quiet.end", List.of("09:45", "11:30", "", "15:15"));
        form.put("quiet.remove", List.of("0"));

        SettingsForm.Posted posted = SettingsForm.read(form);

        assertThat(posted.change().quietWindows()).containsExactly(new Window("11:00", "11:30"), new Window("15:00", "15:15"));
        // the service's quietWindows[1] is the second row shown again
        assertThat(posted.form().quietWindows()).extracting(SettingsForm.Quiet::index, SettingsForm.Quiet::start)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(0, "11:00"), org.assertj.core.groups.Tuple.tuple(1, "15:00"));
        assertThat(posted.form().quietWindows().get(1).endField()).isEqualTo("quietWindows[1].end");
    }

    @Test
    void a_half_filled_quiet_window_is_sent_so_the_service_names_the_missing_time() {
        Map<String, List<String>> form = weekdaysNineToFive();
        form.put("quiet.start", List.of("12:00"));
        form.put("quiet.end", List.of(""));

        assertThat(SettingsForm.read(form).change().quietWindows()).containsExactly(new Window("12:00", ""));
    }

    @Test
    void a_blank_lunch_is_none_and_a_blank_cadence_follows_the_program() {
        SettingsForm.Posted posted = SettingsForm.read(weekdaysNineToFive());

        assertThat(posted.change().lunch()).isNull();
        assertThat(posted.change().preferredBreakEveryMinutes()).isNull();
        assertThat(posted.change().quietWindows()).isEmpty();
        assertThat(posted.change().routineTimes()).isEmpty();
        assertThat(posted.change().floorExercisesAtWork()).isFalse();
    }

    @Test
    void lunch_cadence_routine_times_and_floor_exercises_are_sent_as_chosen() {
        Map<String, List<String>> form = weekdaysNineToFive();
        form.put("lunch.start", List.of("12:00"));
        form.put("lunch.end", List.of("12:45"));
        form.put("preferredBreakEveryMinutes", List.of(" 45 "));
        form.put("routineTimes", List.of("MORNING", "END_OF_DAY", "MIDNIGHT"));
        form.put("floorExercisesAtWork", List.of("on"));

        MyReminderSettings.Change change = SettingsForm.read(form).change();

        assertThat(change.lunch()).isEqualTo(new Window("12:00", "12:45"));
        assertThat(change.preferredBreakEveryMinutes()).isEqualTo(45);
        assertThat(change.routineTimes()).containsExactly("MORNING", "END_OF_DAY");
        assertThat(change.floorExercisesAtWork()).isTrue();
    }

    @Test
    void a_cadence_that_is_not_a_whole_number_is_named_here_not_taken_for_no_preference() {
        Map<String, List<String>> form = weekdaysNineToFive();
        form.put("preferredBreakEveryMinutes", List.of("forty"));

        SettingsForm.Posted posted = SettingsForm.read(form);

        assertThat(posted.valid()).isFalse();
        assertThat(posted.errors()).extracting(e -> e.field()).containsExactly("preferredBreakEveryMinutes");
        assertThat(posted.form().preferredBreakEveryMinutes()).isEqualTo("forty");
    }

    @Test
    void the_service_settings_fill_the_form_with_days_off_shown_with_usual_hours() {
        Map<String, Window> hours = new LinkedHashMap<>();
        hours.put("monday", new Window("08:00", "16:00"));
        hours.put("tuesday", new Window("08:00", "12:00"));
        Settings settings = new Settings("America/New_York", hours, new Window("12:00", "12:30"),
                List.of(new Window("10:00", "10:15")), 40, 20, 60, 40L, Instant.parse("2026-12-07T15:00:00Z"),
                List.of("LUNCHTIME"), true);

        SettingsForm form = SettingsForm.of(settings);

        assertThat(form.days()).hasSize(7);
        assertThat(form.days().get(0)).isEqualTo(new SettingsForm.Day("monday", true, "08:00", "16:00"));
        assertThat(form.days().get(2)).isEqualTo(new SettingsForm.Day("wednesday", false, "08:00", "16:00"));
        assertThat(form.lunchStart()).isEqualTo("12:00");
        assertThat(form.preferredBreakEveryMinutes()).isEqualTo("40");
        assertThat(form.routineAt("LUNCHTIME")).isTrue();
        assertThat(form.routineAt("MORNING")).isFalse();
        assertThat(form.floorExercisesAtWork()).isTrue();
        assertThat(form.quietRows()).hasSize(2);
        assertThat(form.quietRows().get(1).blank()).isTrue();
        assertThat(form.zones().get(0)).isEqualTo("America/New_York");
        assertThat(form.zones()).contains("Europe/Berlin").doesNotHaveDuplicates();
    }

    @Test
    void room_for_another_quiet_window_only_below_ten() {
        List<Window> ten = java.util.stream.IntStream.range(0, 10).mapToObj(i -> new Window("0" + i + ":00", "0" + i + ":10")).toList();
        Settings settings = new Settings("UTC", Map.of("monday", new Window("09:00", "17:00")), null, ten, null, 5, 240,
                30L, null, null, null);

        SettingsForm form = SettingsForm.of(settings);

        assertThat(form.quietRows()).hasSize(10).noneMatch(SettingsForm.Quiet::blank);
        assertThat(form.routineTimes()).containsExactly("END_OF_DAY");
    }

    @Test
    void errors_show_at_their_field_and_routine_time_errors_under_the_group() {
        SettingsForm form = SettingsForm.read(weekdaysNineToFive()).form()
                .withErrors(Map.of("workingHours.monday.end", "must be after start", "routineTimes[1]", "is named twice"));

        assertThat(form.error(form.days().get(0).endField())).isEqualTo("must be after start");
        assertThat(form.error("timeZone")).isNull();
        assertThat(form.errorUnder("routineTimes")).isEqualTo("is named twice");
    }
}
