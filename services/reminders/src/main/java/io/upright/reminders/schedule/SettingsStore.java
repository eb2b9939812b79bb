package io.upright.reminders.schedule;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.List;
import java.util.Map;

/** Reads and writes the JSON columns of an employee's settings on the schedule read model. */
@ApplicationScoped
public class SettingsStore {

    private static final TypeReference<Map<String, Window>> HOURS = new TypeReference<>() {
    };
    private static final TypeReference<List<Window>> WINDOWS = new TypeReference<>() {
    };

    @Inject
    ObjectMapper json;

    public Map<String, Window> hours(String column) {
        return read(column, HOURS);
    }

    public List<Window> windows(String column) {
        return column == null ? List.of() : read(column, WINDOWS);
    }

    public String write(Object value) {
        try {
            return value == null ? null : json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private <T> T read(String column, TypeReference<T> type) {
        if (column == null) {
            return null;
        }
        try {
            return json.readValue(column, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Unreadable stored settings", e);
        }
    }

    /** The settings as they apply: the employee's own, or the enrolment's working day every day. */
    public ReminderSettings of(ScheduleRecord s) {
        Map<String, Window> hours = s.workingHours == null ? ReminderSettings.everyDay(s.workdayStart, s.workdayEnd) : hours(s.workingHours);
        Window lunch = s.lunchStart == null ? null : new Window(s.lunchStart, s.lunchEnd);
        return new ReminderSettings(s.timeZone, hours, lunch, windows(s.quietWindows), s.preferredMinutes,
                routineTimes(s.routineTimes), s.floorExercisesAtWork);
    }

    /** The stored routine times: null (the default), or the chosen names, possibly none. */
    public static List<String> routineTimes(String column) {
        if (column == null) {
            return null;
        }
        return column.isEmpty() ? List.of() : List.of(column.split(","));
    }

    /** How routine times are stored (settings already valid). */
    public static String routineTimesColumn(List<String> routineTimes) {
        return routineTimes == null ? null : String.join(",", routineTimes);
    }
}
