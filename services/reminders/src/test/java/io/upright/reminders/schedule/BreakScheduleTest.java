package io.upright.reminders.schedule;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BreakScheduleTest {

    private static final Duration HOUR = Duration.ofMinutes(60);
    private static final Duration HALF_HOUR = Duration.ofMinutes(30);

    @Test
    void inside_working_hours_the_next_slot_is_one_cadence_later() {
        BreakSchedule breaks = BreakSchedule.of("UTC", "09:00", "17:00", HOUR);
        assertThat(breaks.nextSlotAfter(at("2026-11-25T10:15:00Z"))).isEqualTo(at("2026-11-25T11:15:00Z"));
    }

    @Test
    void a_slot_before_the_working_day_moves_to_its_start_and_one_at_its_end_moves_to_the_next_day() {
        BreakSchedule breaks = BreakSchedule.of("UTC", "09:00", "17:00", HOUR);
        assertThat(breaks.nextSlotAfter(at("2026-11-25T07:00:00Z"))).isEqualTo(at("2026-11-25T09:00:00Z"));
        assertThat(breaks.nextSlotAfter(at("2026-11-25T16:00:00Z"))).isEqualTo(at("2026-11-26T09:00:00Z"));
    }

    @Test
    void working_hours_are_local_to_the_employees_zone() {
        BreakSchedule breaks = BreakSchedule.of("Asia/Tokyo", "09:00", "18:00", HOUR);
        // 08:30 UTC is 17:30 in Tokyo: 18:30 is after hours, so 09:00 Tokyo time the next day (00:00 UTC)
        assertThat(breaks.nextSlotAfter(at("2026-11-25T08:30:00Z"))).isEqualTo(at("2026-11-26T00:00:00Z"));
    }

    @Test
    void berlin_spring_forward_the_next_morning_starts_at_nine_summer_time() {
        BreakSchedule breaks = BreakSchedule.of("Europe/Berlin", "09:00", "17:00", HOUR);
        // Saturday 16:30 CET (+01:00); Sunday 29 March 2026 clocks go to CEST (+02:00): 09:00 CEST is 07:00 UTC
        assertThat(breaks.nextSlotAfter(at("2026-03-28T15:30:00Z"))).isEqualTo(at("2026-03-29T07:00:00Z"));
    }

    @Test
    void berlin_spring_forward_a_working_day_starting_inside_the_skipped_hour_starts_right_after_it() {
        BreakSchedule breaks = BreakSchedule.of("Europe/Berlin", "02:30", "10:00", HALF_HOUR);
        // 01:15 CET is before 02:30, which does not exist that night: the day starts at 03:30 CEST (01:30 UTC)
        assertThat(breaks.nextSlotAfter(at("2026-03-28T23:45:00Z"))).isEqualTo(at("2026-03-29T01:30:00Z"));
    }

    @Test
    void berlin_spring_forward_the_cadence_is_real_time_across_the_jump() {
        BreakSchedule breaks = BreakSchedule.of("Europe/Berlin", "00:00", "23:59", HOUR);
        // 01:30 CET plus one real hour is 03:30 CEST on the wall clock
        assertThat(breaks.nextSlotAfter(at("2026-03-29T00:30:00Z"))).isEqualTo(at("2026-03-29T01:30:00Z"));
    }

    @Test
    void berlin_fall_back_the_next_morning_starts_at_nine_winter_time() {
        BreakSchedule breaks = BreakSchedule.of("Europe/Berlin", "09:00", "17:00", HOUR);
        // Saturday 16:30 CEST (+02:00); Sunday 25 October 2026 is CET (+01:00): 09:00 CET is 08:00 UTC
        assertThat(breaks.nextSlotAfter(at("2026-10-24T14:30:00Z"))).isEqualTo(at("2026-10-25T08:00:00Z"));
    }

    @Test
    void new_york_spring_forward_the_next_morning_starts_at_nine_daylight_time() {
        BreakSchedule breaks = BreakSchedule.of("America/New_York", "09:00", "17:00", HOUR);
        // Saturday 16:30 EST (-05:00); Sunday 8 March 2026 is EDT (-04:00): 09:00 EDT is 13:00 UTC
        assertThat(breaks.nextSlotAfter(at("2026-03-07T21:30:00Z"))).isEqualTo(at("2026-03-08T13:00:00Z"));
    }

    @Test
    void new_york_fall_back_the_next_morning_starts_at_nine_standard_time() {
        BreakSchedule breaks = BreakSchedule.of("America/New_York", "09:00", "17:00", HOUR);
        // Saturday 16:30 EDT (-04:00); Sunday 1 November 2026 is EST (-05:00): 09:00 EST is 14:00 UTC
        assertThat(breaks.nextSlotAfter(at("2026-10-31T20:30:00Z"))).isEqualTo(at("2026-11-01T14:00:00Z"));
    }

    @Test
    void new_york_fall_back_the_repeated_hour_is_not_skipped() {
        BreakSchedule breaks = BreakSchedule.of("America/New_York", "00:00", "23:59", HOUR);
        // 01:30 EDT plus one real hour is 01:30 EST: the wall clock shows the same time again
        assertThat(breaks.nextSlotAfter(at("2026-11-01T05:30:00Z"))).isEqualTo(at("2026-11-01T06:30:00Z"));
    }

    @Test
    void new_york_fall_back_a_working_day_starting_in_the_repeated_hour_starts_at_its_first_occurrence() {
        BreakSchedule breaks = BreakSchedule.of("America/New_York", "01:30", "10:00", HALF_HOUR);
        // 00:30 EDT is before 01:30, which happens twice that night: the day starts at 01:30 EDT (05:30 UTC)
        assertThat(breaks.nextSlotAfter(at("2026-11-01T04:00:00Z"))).isEqualTo(at("2026-11-01T05:30:00Z"));
    }

    @Test
    void a_reminder_lives_half_a_cadence_but_never_more_than_ten_minutes() {
        assertThat(BreakSchedule.of("UTC", "09:00", "17:00", HOUR).expiresAt(at("2026-11-25T10:00:00Z")))
                .isEqualTo(at("2026-11-25T10:10:00Z"));
        assertThat(BreakSchedule.of("UTC", "09:00", "17:00", Duration.ofSeconds(2)).expiresAt(at("2026-11-25T10:00:00Z")))
                .isEqualTo(at("2026-11-25T10:00:01Z"));
    }

    @Test
    void a_working_day_that_ends_before_it_starts_is_refused() {
        assertThatThrownBy(() -> BreakSchedule.of("UTC", "17:00", "09:00", HOUR)).isInstanceOf(IllegalArgumentException.class);
    }

    private static Instant at(String instant) {
        return Instant.parse(instant);
    }

    // --- weekdays, lunch, quiet windows, pause

    private static final java.time.ZoneId BERLIN = java.time.ZoneId.of("Europe/Berlin");

    private static BreakSchedule weekdays(java.util.List<java.time.LocalTime[]> blocked, Instant pausedUntil) {
        java.util.Map<java.time.DayOfWeek, java.time.LocalTime[]> hours = new java.util.EnumMap<>(java.time.DayOfWeek.class);
        for (java.time.DayOfWeek day : java.util.EnumSet.range(java.time.DayOfWeek.MONDAY, java.time.DayOfWeek.FRIDAY)) {
            hours.put(day, new java.time.LocalTime[]{java.time.LocalTime.of(9, 0), java.time.LocalTime.of(17, 0)});
        }
        return new BreakSchedule(BERLIN, hours, blocked, HOUR, pausedUntil);
    }

    private static java.time.LocalTime[] window(String start, String end) {
        return new java.time.LocalTime[]{java.time.LocalTime.parse(start), java.time.LocalTime.parse(end)};
    }

    @Test
    void a_day_without_working_hours_has_no_reminders_friday_evening_moves_to_monday_morning() {
        // Friday 27 Nov 2026 16:30 CET -> 17:30 is after hours; Saturday and Sunday have none; Monday 09:00 CET = 08:00 UTC
        assertThat(weekdays(java.util.List.of(), null).nextSlotAfter(at("2026-11-27T15:30:00Z"))).isEqualTo(at("2026-11-30T08:00:00Z"));
    }

    @Test
    void a_slot_in_the_lunch_window_moves_to_its_end() {
        BreakSchedule breaks = weekdays(java.util.List.<java.time.LocalTime[]>of(window("12:00", "13:00")), null);
        // 11:30 CET + 1 h = 12:30, inside lunch: 13:00 CET = 12:00 UTC
        assertThat(breaks.nextSlotAfter(at("2026-11-25T10:30:00Z"))).isEqualTo(at("2026-11-25T12:00:00Z"));
        // 10:00 CET + 1 h = 11:00: before lunch, unchanged
        assertThat(breaks.nextSlotAfter(at("2026-11-25T09:00:00Z"))).isEqualTo(at("2026-11-25T10:00:00Z"));
    }

    @Test
    void quiet_windows_and_lunch_combine_and_a_window_running_to_the_end_of_the_day_moves_to_the_next_working_day() {
        BreakSchedule breaks = weekdays(java.util.List.<java.time.LocalTime[]>of(window("12:00", "13:00"), window("12:45", "14:00"),
                window("16:30", "18:00")), null);
        // 12:30 CET falls in lunch, which overlaps the 12:45-14:00 quiet window: 14:00 CET
        assertThat(breaks.nextSlotAfter(at("2026-11-25T10:30:00Z"))).isEqualTo(at("2026-11-25T13:00:00Z"));
        // 16:45 CET is quiet until after hours: Thursday 09:00 CET
        assertThat(breaks.nextSlotAfter(at("2026-11-25T14:45:00Z"))).isEqualTo(at("2026-11-26T08:00:00Z"));
    }

    @Test
    void no_slot_falls_before_a_pause_ends_and_one_after_it_follows_the_usual_rules() {
        BreakSchedule paused = weekdays(java.util.List.of(), at("2026-11-25T13:20:00Z"));
        assertThat(paused.nextSlotAfter(at("2026-11-25T09:00:00Z"))).isEqualTo(at("2026-11-25T13:20:00Z"));
        // a pause into the evening: the next working morning
        BreakSchedule overnight = weekdays(java.util.List.of(), at("2026-11-25T20:00:00Z"));
        assertThat(overnight.nextSlotAfter(at("2026-11-25T09:00:00Z"))).isEqualTo(at("2026-11-26T08:00:00Z"));
        // a pause that is over changes nothing
        BreakSchedule over = weekdays(java.util.List.of(), at("2026-11-25T08:00:00Z"));
        assertThat(over.nextSlotAfter(at("2026-11-25T09:00:00Z"))).isEqualTo(at("2026-11-25T10:00:00Z"));
    }

    @Test
    void a_lunch_window_is_local_time_across_the_berlin_dst_change() {
        java.util.Map<java.time.DayOfWeek, java.time.LocalTime[]> everyDay = BreakSchedule.everyDay(java.time.LocalTime.of(9, 0), java.time.LocalTime.of(17, 0));
        BreakSchedule breaks = new BreakSchedule(BERLIN, everyDay, java.util.List.<java.time.LocalTime[]>of(window("12:00", "13:00")), HOUR, null);
        // Monday 30 March 2026 (CEST, +02:00): 11:30 + 1 h = 12:30 local, lunch ends 13:00 CEST = 11:00 UTC
        assertThat(breaks.nextSlotAfter(at("2026-03-30T09:30:00Z"))).isEqualTo(at("2026-03-30T11:00:00Z"));
        // Friday 27 March 2026 (CET, +01:00): lunch ends 13:00 CET = 12:00 UTC
        assertThat(breaks.nextSlotAfter(at("2026-03-27T10:30:00Z"))).isEqualTo(at("2026-03-27T12:00:00Z"));
    }
}
