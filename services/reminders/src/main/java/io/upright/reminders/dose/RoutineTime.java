package io.upright.reminders.dose;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * When in the working day the full routine is suggested (pure). The seed advises a 5–10 minute routine once or twice
 * a day, so an employee picks at most {@link #MAX_PER_DAY} of these; each falls inside that day's working window,
 * because reminders go to work tools.
 */
public enum RoutineTime {

    /** Half an hour after the day starts: settled in, not yet stiff. */
    MORNING,
    /** Noon, or the middle of a working day that does not span noon. */
    LUNCHTIME,
    /** Half an hour before the day ends: after the longest sitting, the nearest a work reminder gets to "before bed". */
    END_OF_DAY;

    public static final int MAX_PER_DAY = 2;

    /**
     * The default: END_OF_DAY. The seed's times are the morning or before bed; the end of the working day is the
     * closer of the two to bed time and follows the day's longest sitting (the hip flexors at their shortest), and a
     * floor or equipment routine then turns naturally into "do it at home tonight". Lunchtime would compete with
     * actually leaving the desk for lunch.
     */
    public static final List<RoutineTime> DEFAULT = List.of(END_OF_DAY);

    private static final Duration EDGE = Duration.ofMinutes(30);
    private static final LocalTime NOON = LocalTime.NOON;

    /** The wire name ({@code MORNING} ...), or empty for anything else. */
    public static Optional<RoutineTime> parse(String name) {
        for (RoutineTime t : values()) {
            if (t.name().equals(name)) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }

    /** MORNING and END_OF_DAY border the time outside work, where a floor or equipment routine belongs. */
    public boolean bordersTimeOffWork() {
        return this != LUNCHTIME;
    }

    /** The local time in a working window {@code [start, end)}; a short window (under an hour) keeps to its quarters. */
    public LocalTime in(LocalTime start, LocalTime end) {
        Duration length = Duration.between(start, end);
        Duration edge = length.compareTo(EDGE.multipliedBy(2)) < 0 ? length.dividedBy(4) : EDGE;
        if (this == MORNING) {
            return start.plus(edge);
        }
        if (this == END_OF_DAY) {
            return end.minus(edge);
        }
        boolean spansNoon = start.isBefore(NOON) && NOON.isBefore(end.minus(edge));
        return spansNoon ? NOON : start.plus(length.dividedBy(2));
    }

    /** One routine reminder: the chosen time it stands for and its instant. */
    public record Occurrence(RoutineTime time, Instant at) {
    }

    /**
     * The occurrences of {@code times} in {@code (now, now + horizon]} on the working days of {@code hours} in the
     * employee's zone, in order. A local time in a DST gap moves to the first valid time after it.
     */
    public static List<Occurrence> between(List<RoutineTime> times, Map<DayOfWeek, LocalTime[]> hours, ZoneId zone,
                                           Instant now, Duration horizon) {
        List<Occurrence> found = new ArrayList<>();
        Instant end = now.plus(horizon);
        LocalDate day = now.atZone(zone).toLocalDate().minusDays(1);
        for (int i = 0; i < horizon.toDays() + 3; i++, day = day.plusDays(1)) {
            LocalTime[] window = hours.get(day.getDayOfWeek());
            if (window == null) {
                continue;
            }
            for (RoutineTime time : times) {
                Instant at = ZonedDateTime.of(day, time.in(window[0], window[1]), zone).toInstant();
                if (at.isAfter(now) && !at.isAfter(end)) {
                    found.add(new Occurrence(time, at));
                }
            }
        }
        found.sort(Comparator.comparing(Occurrence::at));
        return found;
    }
}
