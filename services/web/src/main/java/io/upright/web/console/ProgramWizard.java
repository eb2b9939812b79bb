package io.upright.web.console;

import io.upright.web.page.ServiceProblem;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The program wizard's form read into what programs is sent: the draft (title, cadence bounds, the phases filled in,
 * the teams ticked), a champion per team, the launch date. Only what cannot be sent at all (not a number, not a date)
 * is checked here; every rule of a program is the service's, and its errors are mapped back to the form's fields.
 */
public final class ProgramWizard {

    /** Phase rows on the form; a row left empty is not a phase. */
    public static final int PHASE_ROWS = 3;
    static final String[] PHASE_FIELDS = {"startWeek", "breakEveryMinutes", "dailyActiveMinutesTarget"};
    private static final Pattern INDEXED = Pattern.compile("^(phases|teamIds)\\[(\\d+)\\](.*)$");

    /** Error texts in the page's language. */
    public record Texts(String wholeNumber, String date, String required) {
    }

    /**
     * @param values     what was typed, by field name, to fill the form again
     * @param phaseRows  for each phase sent, the form row it came from (the service names phases by position sent)
     * @param programId  the draft made by an earlier attempt that then failed (a retry edits it instead of making another)
     */
    public record Read(ConsoleApi.Draft draft, LocalDate startsOn, Map<UUID, UUID> champions, UUID programId,
                       Map<String, String> values, Set<String> teamIds, List<Integer> phaseRows,
                       List<ServiceProblem.FieldError> errors) {

        public boolean sendable() {
            return errors.isEmpty();
        }

        /** A service's field name as the form's: {@code phases[0].x} of the first row sent, {@code teamIds[2]} as teamIds. */
        public String formField(String serviceField) {
            Matcher m = INDEXED.matcher(serviceField == null ? "" : serviceField);
            if (!m.matches()) {
                return serviceField;
            }
            if ("teamIds".equals(m.group(1))) {
                return "teamIds";
            }
            int sent = Integer.parseInt(m.group(2));
            int row = sent < phaseRows.size() ? phaseRows.get(sent) : sent;
            return "phases[" + row + "]" + m.group(3);
        }

        /** The service's problem with its fields renamed to the form's. */
        public ServiceProblem onForm(ServiceProblem problem) {
            List<ServiceProblem.FieldError> renamed = problem.fieldErrors().stream()
                    .map(e -> new ServiceProblem.FieldError(formField(e.field()), e.message())).toList();
            return new ServiceProblem(problem.status(), problem.title(), problem.detail(), renamed);
        }
    }

    private ProgramWizard() {
    }

    /** The form's field for a phase row, e.g. {@code phases[1].startWeek}. */
    public static String phaseField(int row, String field) {
        return "phases[" + row + "]." + field;
    }

    public static Read read(Map<String, List<String>> form, Texts texts) {
        Map<String, String> values = new LinkedHashMap<>();
        List<ServiceProblem.FieldError> errors = new ArrayList<>();
        String title = first(form, "title");
        values.put("title", title == null ? "" : title);
        Integer min = number(form, "minBreakEveryMinutes", values, errors, texts);
        Integer max = number(form, "maxBreakEveryMinutes", values, errors, texts);

        List<ConsoleApi.Phase> phases = new ArrayList<>();
        List<Integer> phaseRows = new ArrayList<>();
        for (int row = 0; row < PHASE_ROWS; row++) {
            boolean filled = false;
            for (String field : PHASE_FIELDS) {
                String v = first(form, phaseField(row, field));
                filled |= v != null && !v.isBlank();
            }
            if (!filled) {
                continue;
            }
            phases.add(new ConsoleApi.Phase(number(form, phaseField(row, PHASE_FIELDS[0]), values, errors, texts),
                    number(form, phaseField(row, PHASE_FIELDS[1]), values, errors, texts),
                    number(form, phaseField(row, PHASE_FIELDS[2]), values, errors, texts)));
            phaseRows.add(row);
        }

        Set<String> ticked = new LinkedHashSet<>(form.getOrDefault("teamIds", List.of()));
        List<UUID> teamIds = new ArrayList<>();
        Map<UUID, UUID> champions = new LinkedHashMap<>();
        for (String id : ticked) {
            UUID team = uuid(id);
            if (team == null) {
                continue;
            }
            teamIds.add(team);
            UUID champion = uuid(first(form, championField(team)));
            if (champion != null) {
                champions.put(team, champion);
            }
        }
        form.keySet().stream().filter(k -> k.startsWith("champion-"))
                .forEach(k -> values.put(k, first(form, k) == null ? "" : first(form, k)));

        String date = first(form, "startsOn");
        values.put("startsOn", date == null ? "" : date.strip());
        LocalDate startsOn = null;
        if (date == null || date.isBlank()) {
            errors.add(new ServiceProblem.FieldError("startsOn", texts.required()));
        } else {
            try {
                startsOn = LocalDate.parse(date.strip());
            } catch (DateTimeParseException e) {
                errors.add(new ServiceProblem.FieldError("startsOn", texts.date()));
            }
        }
        UUID programId = uuid(first(form, "programId"));
        ConsoleApi.Draft draft = new ConsoleApi.Draft(title == null ? null : title.strip(), phases, min, max, teamIds);
        return new Read(draft, startsOn, champions, programId, values, ticked, List.copyOf(phaseRows), List.copyOf(errors));
    }

    public static String championField(UUID teamId) {
        return "champion-" + teamId;
    }

    private static Integer number(Map<String, List<String>> form, String field, Map<String, String> values,
                                  List<ServiceProblem.FieldError> errors, Texts texts) {
        String v = first(form, field);
        values.put(field, v == null ? "" : v.strip());
        if (v == null || v.isBlank()) {
            return null; // the service names a missing value itself
        }
        try {
            return Integer.valueOf(v.strip());
        } catch (NumberFormatException e) {
            errors.add(new ServiceProblem.FieldError(field, texts.wholeNumber()));
            return null;
        }
    }

    private static String first(Map<String, List<String>> form, String field) {
        List<String> v = form.get(field);
        return v == null || v.isEmpty() ? null : v.get(0);
    }

    private static UUID uuid(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return UUID.fromString(value.strip());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
