package io.upright.reminders.teambreak;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;

/** When a team's daily break falls (pure): its local time in the team's zone, every day, as instants. */
public final class TeamBreakTimes {

    private TeamBreakTimes() {
    }

    /** The occurrences in {@code (now, now + horizon]}; a local time in a DST gap moves to the first valid time after it. */
    public static List<Instant> between(LocalTime time, ZoneId zone, Instant now, Duration horizon) {
        List<Instant> found = new ArrayList<>();
        LocalDate day = now.atZone(zone).toLocalDate().minusDays(1);
        Instant end = now.plus(horizon);
        for (int i = 0; i < horizon.toDays() + 3; i++, day = day.plusDays(1)) {
            Instant at = ZonedDateTime.of(day, time, zone).toInstant();
            if (at.isAfter(now) && !at.isAfter(end)) {
                found.add(at);
            }
        }
        return found;
    }
}
