package io.upright.reminders.schedule;

import io.upright.platform.domain.FieldError;
import io.upright.reminders.dose.RoutineTime;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * An employee's own reminder settings (pure): IANA time zone, working hours per weekday (lower-case English day
 * names; a missing day has no reminders), an optional lunch window and quiet windows (every day), an optional
 * preferred cadence in minutes, which must lie within the program's bounds, when the full routine comes
 * ({@code routineTimes}: up to two of {@link RoutineTime}; null: {@link RoutineTime#DEFAULT}; empty: never) and whether
 * a floor or equipment routine may be suggested during working hours ({@code floorExercisesAtWork}; null: no).
 * Settings stored before the last two existed read them as null.
 */
public record ReminderSettings(String timeZone, Map<String, Window> workingHours, Window lunch, List<Window> quietWindows,
                               Integer preferredBreakEveryMinutes, List<String> routineTimes, Boolean floorExercisesAtWork) {

    public static final int MAX_QUIET_WINDOWS = 10;

    /** Settings without the routine fields: the default routine time, no floor exercises at work. */
    public ReminderSettings(String timeZone, Map<String, Window> workingHours, Window lunch, List<Window> quietWindows,
                            Integer preferredBreakEveryMinutes) {
        this(timeZone, workingHours, lunch, quietWindows, preferredBreakEveryMinutes, null, null);
    }

    /** The routine times in force (call on valid settings): the chosen ones, or the default when none were given. */
    public List<RoutineTime> routineTimesInForce() {
        return routineTimes == null ? RoutineTime.DEFAULT
                : routineTimes.stream().map(t -> RoutineTime.parse(t).orElseThrow()).toList();
    }

    public boolean floorExercisesAtWorkInForce() {
        return Boolean.TRUE.equals(floorExercisesAtWork);
    }

    /** Every problem, each naming its field ({@code workingHours.monday.start}, {@code quietWindows[0].end}, ...). */
    public List<FieldError> problems(int minMinutes, int maxMinutes, String boundsSource) {
        List<FieldError> errors = new ArrayList<>();
        if (timeZone == null || timeZone.isBlank()) {
            errors.add(new FieldError("timeZone", "is required"));
        } else if (!ZoneId.getAvailableZoneIds().contains(timeZone)) {
            errors.add(new FieldError("timeZone", "must be an IANA time zone such as Europe/Berlin"));
        }
        if (workingHours == null || workingHours.isEmpty()) {
            errors.add(new FieldError("workingHours", "must name at least one working day"));
        } else {
            workingHours.forEach((day, window) -> {
                if (dayOf(day) == null) {
                    errors.add(new FieldError("workingHours." + day, "is not a weekday (monday ... sunday)"));
                } else {
                    check("workingHours." + day, window, true, errors);
                }
            });
        }
        check("lunch", lunch, false, errors);
        if (quietWindows != null) {
            if (quietWindows.size() > MAX_QUIET_WINDOWS) {
                errors.add(new FieldError("quietWindows", "must have at most " + MAX_QUIET_WINDOWS + " windows"));
            }
            for (int i = 0; i < quietWindows.size(); i++) {
                check("quietWindows[" + i + "]", quietWindows.get(i), true, errors);
            }
        }
        if (preferredBreakEveryMinutes != null
                && (preferredBreakEveryMinutes < minMinutes || preferredBreakEveryMinutes > maxMinutes)) {
            errors.add(new FieldError("preferredBreakEveryMinutes", "must be between " + minMinutes + " and " + maxMinutes
                    + " (" + boundsSource + ")"));
        }
        checkRoutineTimes(errors);
        return errors;
    }

    private void checkRoutineTimes(List<FieldError> errors) {
        if (routineTimes == null) {
            return;
        }
        if (routineTimes.size() > RoutineTime.MAX_PER_DAY) {
            // once or twice a day is the dose: more would be the full routine every few hours again
            errors.add(new FieldError("routineTimes", "must name at most " + RoutineTime.MAX_PER_DAY + " times a day"));
        }
        for (int i = 0; i < routineTimes.size(); i++) {
            String time = routineTimes.get(i);
            if (RoutineTime.parse(time).isEmpty()) {
                errors.add(new FieldError("routineTimes[" + i + "]", "must be one of MORNING, LUNCHTIME, END_OF_DAY"));
            } else if (routineTimes.subList(0, i).contains(time)) {
                errors.add(new FieldError("routineTimes[" + i + "]", "is named twice"));
            }
        }
    }

    private static void check(String field, Window window, boolean required, List<FieldError> errors) {
        if (window == null) {
            if (required) {
                errors.add(new FieldError(field, "is required"));
            }
            return;
        }
        LocalTime start = time(field + ".start", window.start(), errors);
        LocalTime end = time(field + ".end", window.end(), errors);
        if (start != null && end != null && !start.isBefore(end)) {
            errors.add(new FieldError(field + ".end", "must be after start"));
        }
    }

    private static LocalTime time(String field, String value, List<FieldError> errors) {
        if (value == null || !value.matches("\\d{2}:\\d{2}")) {
            errors.add(new FieldError(field, "must be a local time HH:mm"));
            return null;
        }
        try {
            return LocalTime.parse(value);
        } catch (DateTimeParseException e) {
            errors.add(new FieldError(field, "must be a local time HH:mm"));
            return null;
        }
    }

    public static DayOfWeek dayOf(String name) {
        try {
            return name == null ? null : DayOfWeek.valueOf(name.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    public static String nameOf(DayOfWeek day) {
        return day.name().toLowerCase(Locale.ROOT);
    }

    /** Working hours keyed by weekday, for the calculator. Call on valid settings only. */
    public static Map<DayOfWeek, LocalTime[]> hours(Map<String, Window> workingHours) {
        Map<DayOfWeek, LocalTime[]> hours = new EnumMap<>(DayOfWeek.class);
        workingHours.forEach((day, w) -> hours.put(dayOf(day), new LocalTime[]{w.startTime(), w.endTime()}));
        return hours;
    }

    /** The blocked windows: lunch and the quiet windows. */
    public static List<LocalTime[]> blocked(Window lunch, List<Window> quietWindows) {
        List<LocalTime[]> blocked = new ArrayList<>();
        if (lunch != null) {
            blocked.add(new LocalTime[]{lunch.startTime(), lunch.endTime()});
        }
        for (Window w : quietWindows == null ? List.<Window>of() : quietWindows) {
            blocked.add(new LocalTime[]{w.startTime(), w.endTime()});
        }
        return blocked;
    }

    /** The enrolment's working day on every weekday, as settings show it before the employee changed anything. */
    public static Map<String, Window> everyDay(String start, String end) {
        Map<String, Window> all = new LinkedHashMap<>();
        for (DayOfWeek day : DayOfWeek.values()) {
            all.put(nameOf(day), new Window(start, end));
        }
        return all;
    }

    /** A zone the settings accept, for callers that already validated. */
    public ZoneId zone() {
        try {
            return ZoneId.of(timeZone);
        } catch (DateTimeException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
