package io.upright.web.settings;

import io.quarkus.qute.TemplateData;
import io.upright.web.page.ServiceProblem;
import io.upright.web.settings.MyReminderSettings.Change;
import io.upright.web.settings.MyReminderSettings.Settings;
import io.upright.web.settings.MyReminderSettings.Window;

import java.time.DayOfWeek;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The reminder settings as the page's form holds them (strings, as typed), both ways: from the service's settings to
 * the form, and from a posted form to the service's {@link Change}. Pure, so the rules (days off, quiet windows added
 * and removed, blank lunch) are tested without a server. What the service validates (times, order, zone, bounds) is
 * left to it: its answer names the field, and the page shows it there.
 */
@TemplateData
public record SettingsForm(String timeZone, List<Day> days, String lunchStart, String lunchEnd, List<Quiet> quietWindows,
                           String preferredBreakEveryMinutes, List<String> routineTimes, boolean floorExercisesAtWork,
                           Map<String, String> errors) {

    public static final int MAX_QUIET_WINDOWS = 10;
    /** The routine times the service knows, in the order of the day. */
    public static final List<String> ROUTINE_TIMES = List.of("MORNING", "LUNCHTIME", "END_OF_DAY");

    /** One weekday: whether the person works then, and the hours as typed (kept for a day off, to switch back). */
    @TemplateData
    public record Day(String name, boolean works, String start, String end) {

        /** The service's field for this day, e.g. {@code workingHours.monday}. */
        public String field() {
            return "workingHours." + name;
        }

        public String startField() {
            return field() + ".start";
        }

        public String endField() {
            return field() + ".end";
        }

        /** The message key of the day's name, e.g. {@code dayMonday}. */
        public String messageKey() {
            return "day" + Character.toUpperCase(name.charAt(0)) + name.substring(1);
        }
    }

    /** A quiet window as it stands at position {@code index} of what is sent (so the service's index matches). */
    @TemplateData
    public record Quiet(int index, String start, String end, boolean blank) {

        public String startField() {
            return "quietWindows[" + index + "].start";
        }

        public String endField() {
            return "quietWindows[" + index + "].end";
        }

        /** Counted from one, as people count. */
        public int number() {
            return index + 1;
        }
    }

    /** A posted form read into a change, or the errors found before asking the service. */
    public record Posted(SettingsForm form, Change change, List<ServiceProblem.FieldError> errors) {

        public boolean valid() {
            return errors.isEmpty();
        }
    }

    /** The form for the settings the service holds now. */
    public static SettingsForm of(Settings s) {
        Map<String, Window> hours = s.workingHours() == null ? Map.of() : s.workingHours();
        // a day off shows the hours of a working day, so ticking it on needs no typing
        Window usual = hours.values().stream().findFirst().orElse(new Window("09:00", "17:00"));
        List<Day> days = new ArrayList<>();
        for (DayOfWeek d : DayOfWeek.values()) {
            String name = name(d);
            Window w = hours.get(name);
            days.add(new Day(name, w != null, (w == null ? usual : w).start(), (w == null ? usual : w).end()));
        }
        List<Quiet> quiet = new ArrayList<>();
        List<Window> windows = s.quietWindows() == null ? List.of() : s.quietWindows();
        for (int i = 0; i < windows.size(); i++) {
            quiet.add(new Quiet(i, windows.get(i).start(), windows.get(i).end(), false));
        }
        return new SettingsForm(s.timeZone(), days, s.lunch() == null ? "" : s.lunch().start(),
                s.lunch() == null ? "" : s.lunch().end(), quiet,
                s.preferredBreakEveryMinutes() == null ? "" : s.preferredBreakEveryMinutes().toString(),
                s.routineTimes() == null ? List.of("END_OF_DAY") : List.copyOf(s.routineTimes()),
                Boolean.TRUE.equals(s.floorExercisesAtWork()), Map.of());
    }

    /**
     * Reads a posted form: a day counts only when ticked as a working day; a quiet window ticked for removal or left
     * blank is dropped (the rest keep their order, so the service's {@code quietWindows[i]} is the i-th shown again);
     * a blank lunch means none; a blank preferred cadence means the program's.
     */
    public static Posted read(Map<String, List<String>> form) {
        List<ServiceProblem.FieldError> errors = new ArrayList<>();
        List<Day> days = new ArrayList<>();
        Map<String, Window> hours = new LinkedHashMap<>();
        for (DayOfWeek d : DayOfWeek.values()) {
            String name = name(d);
            boolean works = "on".equals(first(form, name + ".works"));
            Day day = new Day(name, works, first(form, name + ".start"), first(form, name + ".end"));
            days.add(day);
            if (works) {
                hours.put(name, new Window(day.start(), day.end()));
            }
        }
        Set<String> removed = new HashSet<>(all(form, "quiet.remove"));
        List<String> starts = all(form, "quiet.start");
        List<String> ends = all(form, "quiet.end");
        List<Quiet> quiet = new ArrayList<>();
        List<Window> windows = new ArrayList<>();
        for (int row = 0; row < Math.max(starts.size(), ends.size()); row++) {
            String start = at(starts, row);
            String end = at(ends, row);
            if (removed.contains(Integer.toString(row)) || (start.isBlank() && end.isBlank())) {
                continue;
            }
            quiet.add(new Quiet(windows.size(), start, end, false));
            windows.add(new Window(start, end));
        }
        String lunchStart = first(form, "lunch.start");
        String lunchEnd = first(form, "lunch.end");
        Window lunch = lunchStart.isBlank() && lunchEnd.isBlank() ? null : new Window(lunchStart, lunchEnd);
        String preferredText = first(form, "preferredBreakEveryMinutes");
        Integer preferred = null;
        if (!preferredText.isBlank()) {
            try {
                preferred = Integer.valueOf(preferredText.trim());
            } catch (NumberFormatException e) {
                // the service could not tell this from a blank (no preference): say so here
                errors.add(new ServiceProblem.FieldError("preferredBreakEveryMinutes", NOT_A_WHOLE_NUMBER));
            }
        }
        List<String> routine = all(form, "routineTimes").stream().filter(ROUTINE_TIMES::contains).distinct().toList();
        boolean floor = "on".equals(first(form, "floorExercisesAtWork"));
        String zone = first(form, "timeZone");
        SettingsForm shown = new SettingsForm(zone, days, lunchStart, lunchEnd, quiet, preferredText, routine, floor, Map.of());
        return new Posted(shown, new Change(zone, hours, lunch, windows, preferred, routine, floor), List.copyOf(errors));
    }

    /**
     * The marker of the one error found here; the page replaces it with the bundle's words. Everything else the
     * service names.
     */
    public static final String NOT_A_WHOLE_NUMBER = "not-a-whole-number";

    /** The same form, showing these errors at their fields. */
    public SettingsForm withErrors(Map<String, String> byField) {
        return new SettingsForm(timeZone, days, lunchStart, lunchEnd, quietWindows, preferredBreakEveryMinutes,
                routineTimes, floorExercisesAtWork, Map.copyOf(byField));
    }

    /** The error the service (or this page) named for a field, or null. */
    public String error(String field) {
        return errors.get(field);
    }

    /** Errors of a field or any field under it ({@code routineTimes[1]} under {@code routineTimes}), joined. */
    public String errorUnder(String field) {
        StringBuilder all = new StringBuilder();
        errors.forEach((f, message) -> {
            if (f.equals(field) || f.startsWith(field + "[")) {
                all.append(all.length() == 0 ? "" : " ").append(message);
            }
        });
        return all.length() == 0 ? null : all.toString();
    }

    /** The quiet windows, and one empty row to add another while there is room. */
    public List<Quiet> quietRows() {
        List<Quiet> rows = new ArrayList<>(quietWindows);
        if (rows.size() < MAX_QUIET_WINDOWS) {
            rows.add(new Quiet(rows.size(), "", "", true));
        }
        return rows;
    }

    public boolean routineAt(String time) {
        return routineTimes.contains(time);
    }

    /** Every IANA zone, the person's own first, then the rest in alphabetical order. */
    public List<String> zones() {
        List<String> zones = new ArrayList<>();
        if (timeZone != null && !timeZone.isBlank()) {
            zones.add(timeZone);
        }
        java.time.ZoneId.getAvailableZoneIds().stream().sorted().filter(z -> !z.equals(timeZone)).forEach(zones::add);
        return zones;
    }

    private static String name(DayOfWeek d) {
        return d.name().toLowerCase(Locale.ROOT);
    }

    private static String first(Map<String, List<String>> form, String key) {
        List<String> values = form.get(key);
        return values == null || values.isEmpty() || values.get(0) == null ? "" : values.get(0).trim();
    }

    private static List<String> all(Map<String, List<String>> form, String key) {
        List<String> values = form.get(key);
        return values == null ? List.of() : values.stream().map(v -> v == null ? "" : v.trim()).toList();
    }

    private static String at(List<String> values, int i) {
        return i < values.size() ? values.get(i) : "";
    }
}
