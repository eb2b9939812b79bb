package io.upright.web.content;

import io.upright.web.page.ServiceProblem;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A routine as its form holds it: the exercises as numbered rows of choices (in order; an empty row is left out), the
 * level and the next routine as choices. The exercises offered are the published ones; one the routine already names
 * that is not published stays offered, so saving never drops it. What is allowed (ids, 5–10 minutes, a next routine
 * not easier) is the service's to say: its errors are shown at these fields.
 */
public record RoutineForm(String id, String title, String purpose, String level, List<String> exerciseIds, String next) {

    /** The levels exercises knows, easiest first (its README: a routine's next is never easier). */
    static final List<String> LEVELS = List.of("beginner", "intermediate");
    /** Rows the form shows at least, and empty rows it adds below the filled ones. */
    static final int MIN_ROWS = 8;
    static final int SPARE_ROWS = 2;
    /** More rows than any routine of 5–10 minutes needs; the rest of a tampered form is ignored. */
    static final int MAX_ROWS = 30;

    private static final Pattern ROW_ERROR = Pattern.compile("exerciseIds\\[(\\d+)](.*)");

    public RoutineForm {
        exerciseIds = exerciseIds == null ? List.of() : List.copyOf(exerciseIds);
    }

    /** A choice of a select. */
    public record Option(String value, String label, boolean selected) {
    }

    /** One exercise row: {@code name} is also the field the service names ({@code exerciseIds[2]}). */
    public record Row(int index, String name, List<Option> options) {

        public int number() {
            return index + 1;
        }

        public String anchor() {
            return new ServiceProblem.FieldError(name, "").anchor();
        }
    }

    public static RoutineForm empty() {
        return new RoutineForm("", "", "", LEVELS.get(0), List.of(), "");
    }

    /** The form of the version an editor starts from. */
    public static RoutineForm of(ContentApi.Routine routine) {
        return new RoutineForm(orBlank(routine.id()), orBlank(routine.title()), orBlank(routine.purpose()),
                orBlank(routine.level()), routine.exerciseIds(), orBlank(routine.next()));
    }

    /** What was posted; {@code id} is the path's when editing (ids are never renamed). */
    public static RoutineForm read(Map<String, List<String>> form, String fixedId) {
        List<String> rows = new ArrayList<>();
        for (int i = 0; i < MAX_ROWS && form.containsKey(rowName(i)); i++) {
            rows.add(first(form, rowName(i)));
        }
        return new RoutineForm(fixedId != null ? fixedId : first(form, "id"), first(form, "title"),
                first(form, "purpose"), first(form, "level"), rows, first(form, "next"));
    }

    /** The API's body: the chosen exercises in row order without the empty rows; no next when none is chosen. */
    public ContentApi.Routine body() {
        return new ContentApi.Routine(id, title, purpose, level, next.isBlank() ? null : next, chosen());
    }

    private List<String> chosen() {
        return exerciseIds.stream().filter(e -> e != null && !e.isBlank()).toList();
    }

    /**
     * The service names the n-th exercise it was sent; the form shows that error at the row it came from (empty rows
     * before it were not sent).
     */
    public ServiceProblem atRows(ServiceProblem problem) {
        List<Integer> sentRows = new ArrayList<>();
        for (int i = 0; i < exerciseIds.size(); i++) {
            if (exerciseIds.get(i) != null && !exerciseIds.get(i).isBlank()) {
                sentRows.add(i);
            }
        }
        List<ServiceProblem.FieldError> errors = problem.fieldErrors().stream().map(e -> {
            Matcher row = ROW_ERROR.matcher(e.field());
            if (row.matches() && Integer.parseInt(row.group(1)) < sentRows.size()) {
                return new ServiceProblem.FieldError(rowName(sentRows.get(Integer.parseInt(row.group(1)))), e.message());
            }
            // "exerciseIds" itself (none chosen) is said at the first row
            return "exerciseIds".equals(e.field()) ? new ServiceProblem.FieldError(rowName(0), e.message()) : e;
        }).toList();
        return new ServiceProblem(problem.status(), problem.title(), problem.detail(), errors);
    }

    /**
     * The exercise rows, each offering none and {@code published} (id → title, by title), with the routine's own
     * choices that are not published added so they stay chosen.
     */
    public List<Row> rows(List<ContentApi.Summary> published, String noneLabel, String unpublishedLabel) {
        int count = Math.min(MAX_ROWS, Math.max(MIN_ROWS, Math.max(chosen().size() + SPARE_ROWS, exerciseIds.size())));
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String value = i < exerciseIds.size() && exerciseIds.get(i) != null ? exerciseIds.get(i) : "";
            rows.add(new Row(i, rowName(i), options(published, value, noneLabel, unpublishedLabel)));
        }
        return rows;
    }

    /** "No next routine" and the published routines other than this one; the current choice stays offered. */
    public List<Option> nextOptions(List<ContentApi.Summary> publishedRoutines, String noneLabel, String unpublishedLabel) {
        List<ContentApi.Summary> others = publishedRoutines.stream().filter(r -> !r.id().equals(id)).toList();
        return options(others, next, noneLabel, unpublishedLabel);
    }

    public List<Option> levelOptions() {
        List<Option> options = new ArrayList<>(LEVELS.stream().map(l -> new Option(l, l, l.equals(level))).toList());
        if (!level.isBlank() && !LEVELS.contains(level)) {
            options.add(new Option(level, level, true));
        }
        return options;
    }

    private static List<Option> options(List<ContentApi.Summary> items, String value, String noneLabel,
                                        String unpublishedLabel) {
        List<Option> options = new ArrayList<>();
        options.add(new Option("", noneLabel, value.isBlank()));
        boolean offered = false;
        for (ContentApi.Summary item : items) {
            boolean selected = item.id().equals(value);
            offered |= selected;
            options.add(new Option(item.id(), label(item), selected));
        }
        if (!value.isBlank() && !offered) {
            options.add(new Option(value, value + " " + unpublishedLabel, true));
        }
        return options;
    }

    private static String label(ContentApi.Summary item) {
        return item.title() == null || item.title().isBlank() ? item.id() : item.title() + " (" + item.id() + ")";
    }

    static String rowName(int index) {
        return "exerciseIds[" + index + "]";
    }

    private static String first(Map<String, List<String>> form, String field) {
        List<String> values = form.get(field);
        return values == null || values.isEmpty() || values.get(0) == null ? "" : values.get(0).strip();
    }

    private static String orBlank(String value) {
        return value == null ? "" : value;
    }
}
