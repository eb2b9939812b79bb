package io.upright.reminders.dose;

import org.junit.jupiter.api.Test;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class RoutineTimeTest {

    private static final LocalTime NINE = LocalTime.of(9, 0);
    private static final LocalTime FIVE = LocalTime.of(17, 0);

    @Test
    void each_time_falls_inside_the_working_window() {
        assertThat(RoutineTime.MORNING.in(NINE, FIVE)).isEqualTo(LocalTime.of(9, 30));
        assertThat(RoutineTime.LUNCHTIME.in(NINE, FIVE)).isEqualTo(LocalTime.NOON);
        assertThat(RoutineTime.END_OF_DAY.in(NINE, FIVE)).isEqualTo(LocalTime.of(16, 30));
    }

    @Test
    void a_day_without_noon_takes_its_middle_and_a_short_one_its_quarters() {
        assertThat(RoutineTime.LUNCHTIME.in(LocalTime.of(13, 0), LocalTime.of(21, 0))).isEqualTo(LocalTime.of(17, 0));
        assertThat(RoutineTime.LUNCHTIME.in(LocalTime.of(6, 0), LocalTime.of(12, 10))).isEqualTo(LocalTime.of(9, 5));
        assertThat(RoutineTime.MORNING.in(LocalTime.of(10, 0), LocalTime.of(10, 40))).isEqualTo(LocalTime.of(10, 10));
        assertThat(RoutineTime.END_OF_DAY.in(LocalTime.of(10, 0), LocalTime.of(10, 40))).isEqualTo(LocalTime.of(10, 30));
    }

    @Test
    void only_lunchtime_is_far_from_the_time_off_work() {
        assertThat(RoutineTime.MORNING.bordersTimeOffWork()).isTrue();
        assertThat(RoutineTime.END_OF_DAY.bordersTimeOffWork()).isTrue();
        assertThat(RoutineTime.LUNCHTIME.bordersTimeOffWork()).isFalse();
        assertThat(RoutineTime.DEFAULT).containsExactly(RoutineTime.END_OF_DAY);
        assertThat(RoutineTime.parse("END_OF_DAY")).contains(RoutineTime.END_OF_DAY);
        assertThat(RoutineTime.parse("end_of_day")).isEmpty();
    }

    @Test
    void the_next_day_of_occurrences_skips_days_without_working_hours() {
        Map<DayOfWeek, LocalTime[]> hours = new EnumMap<>(DayOfWeek.class);
        hours.put(DayOfWeek.FRIDAY, new LocalTime[]{NINE, FIVE});
        hours.put(DayOfWeek.MONDAY, new LocalTime[]{NINE, FIVE});
        ZoneId berlin = ZoneId.of("Europe/Berlin");
        // Friday 4 Dec 2026, 10:00 in Berlin: the morning has passed, the end of the day is ahead
        Instant friday = Instant.parse("2026-12-04T09:00:00Z");
        assertThat(RoutineTime.between(List.of(RoutineTime.MORNING, RoutineTime.END_OF_DAY), hours, berlin, friday, Duration.ofHours(24)))
                .containsExactly(new RoutineTime.Occurrence(RoutineTime.END_OF_DAY, Instant.parse("2026-12-04T15:30:00Z")));
        // from Friday evening, the weekend has nothing; three days ahead reach Monday
        Instant evening = Instant.parse("2026-12-04T18:00:00Z");
        assertThat(RoutineTime.between(List.of(RoutineTime.MORNING), hours, berlin, evening, Duration.ofHours(24))).isEmpty();
        assertThat(RoutineTime.between(List.of(RoutineTime.END_OF_DAY, RoutineTime.MORNING), hours, berlin, evening, Duration.ofDays(3)))
                .containsExactly(new RoutineTime.Occurrence(RoutineTime.MORNING, Instant.parse("2026-12-07T08:30:00Z")),
                        new RoutineTime.Occurrence(RoutineTime.END_OF_DAY, Instant.parse("2026-12-07T15:30:00Z")));
    }
}
