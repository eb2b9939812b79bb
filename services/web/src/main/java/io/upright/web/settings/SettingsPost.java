package io.upright.web.settings;

import org.jboss.resteasy.reactive.RestForm;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The posted settings form, field by field (the form is parsed once, for the CSRF check and for these). */
public class SettingsPost {

    @RestForm
    public String timeZone;
    @RestForm("monday.works") public String mondayWorks;
    @RestForm("monday.start") public String mondayStart;
    @RestForm("monday.end") public String mondayEnd;
    @RestForm("tuesday.works") public String tuesdayWorks;
    @RestForm("tuesday.start") public String tuesdayStart;
    @RestForm("tuesday.end") public String tuesdayEnd;
    @RestForm("wednesday.works") public String wednesdayWorks;
    @RestForm("wednesday.start") public String wednesdayStart;
    @RestForm("wednesday.end") public String wednesdayEnd;
    @RestForm("thursday.works") public String thursdayWorks;
    @RestForm("thursday.start") public String thursdayStart;
    @RestForm("thursday.end") public String thursdayEnd;
    @RestForm("friday.works") public String fridayWorks;
    @RestForm("friday.start") public String fridayStart;
    @RestForm("friday.end") public String fridayEnd;
    @RestForm("saturday.works") public String saturdayWorks;
    @RestForm("saturday.start") public String saturdayStart;
    @RestForm("saturday.end") public String saturdayEnd;
    @RestForm("sunday.works") public String sundayWorks;
    @RestForm("sunday.start") public String sundayStart;
    @RestForm("sunday.end") public String sundayEnd;
    @RestForm("lunch.start") public String lunchStart;
    @RestForm("lunch.end") public String lunchEnd;
    @RestForm("quiet.start") public List<String> quietStart;
    @RestForm("quiet.end") public List<String> quietEnd;
    @RestForm("quiet.remove") public List<String> quietRemove;
    @RestForm
    public String preferredBreakEveryMinutes;
    @RestForm
    public List<String> routineTimes;
    @RestForm
    public String floorExercisesAtWork;

    /** The fields by name, as {@link SettingsForm#read} takes them. */
    public Map<String, List<String>> asMap() {
        Map<String, List<String>> form = new LinkedHashMap<>();
        put(form, "timeZone", timeZone);
        day(form, "monday", mondayWorks, mondayStart, mondayEnd);
        day(form, "tuesday", tuesdayWorks, tuesdayStart, tuesdayEnd);
        day(form, "wednesday", wednesdayWorks, wednesdayStart, wednesdayEnd);
        day(form, "thursday", thursdayWorks, thursdayStart, thursdayEnd);
        day(form, "friday", fridayWorks, fridayStart, fridayEnd);
        day(form, "saturday", saturdayWorks, saturdayStart, saturdayEnd);
        day(form, "sunday", sundayWorks, sundayStart, sundayEnd);
        put(form, "lunch.start", lunchStart);
        put(form, "lunch.end", lunchEnd);
        form.put("quiet.start", list(quietStart));
        form.put("quiet.end", list(quietEnd));
        form.put("quiet.remove", list(quietRemove));
        put(form, "preferredBreakEveryMinutes", preferredBreakEveryMinutes);
        form.put("routineTimes", list(routineTimes));
        put(form, "floorExercisesAtWork", floorExercisesAtWork);
        return form;
    }

    private static void day(Map<String, List<String>> form, String day, String works, String start, String end) {
        put(form, day + ".works", works);
        put(form, day + ".start", start);
        put(form, day + ".end", end);
    }

    private static void put(Map<String, List<String>> form, String key, String value) {
        if (value != null) {
            form.put(key, List.of(value));
        }
    }

    private static List<String> list(List<String> values) {
        return values == null ? List.of() : new ArrayList<>(values);
    }
}
