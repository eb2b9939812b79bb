package io.upright.web.content;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.upright.web.page.ServiceProblem;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An exercise as its form holds it: every field the authoring API takes, as typed. Steps, safety notes and
 * contraindications are one per line; the closed word lists are choices; the dose is six whole numbers (all or none:
 * without a dose the length in seconds is typed instead); the drawing and media are the JSON the API takes.
 *
 * <p>Only what the API could not even be sent is checked here (a number that is no number, half a dose, JSON that
 * does not parse); everything else is the service's rule, and its errors are shown at these fields.
 */
public record ExerciseForm(String id, String title, String purpose, String steps, String safetyNotes,
                           String contraindications, List<String> contraindicationCodes, List<String> bodyAreas,
                           String position, List<String> equipment, String intensity, List<String> flags,
                           String source, Map<String, String> dose, String durationSeconds, String reps,
                           String illustration, String media) {

    /*
     * The words the exercises service accepts today (its catalogue.Vocabulary and the contracts' Precautions). A word an
     * exercise already carries that is not here is still offered, ticked, so saving never drops it; the service checks
     * every word again and names the ones it accepts.
     */
    static final List<String> BODY_AREAS = List.of("hip-flexors", "lower-back", "glutes", "hamstrings", "core",
            "neck-shoulders", "whole-body");
    static final List<String> POSITIONS = List.of("seated", "standing", "floor");
    static final List<String> EQUIPMENT = List.of("chair", "wall", "desk", "hip-release-tool");
    static final List<String> INTENSITIES = List.of("gentle", "moderate", "vigorous");
    static final List<String> CONTRAINDICATION_CODES = List.of("anticoagulants", "pregnancy", "stenosis-symptoms",
            "recent-surgery", "osteoporosis");
    /** The yes/no fields, by their API names. */
    static final List<String> FLAGS = List.of("deskFriendly", "microBreak", "standalone", "softTissueRelease", "vigorous");
    /** The dose's parts in the order the service computes the length from them. */
    static final List<String> DOSE_PARTS = List.of("setupSeconds", "sets", "sides", "reps", "secondsPerRep", "restSeconds");

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    public ExerciseForm {
        contraindicationCodes = List.copyOf(contraindicationCodes);
        bodyAreas = List.copyOf(bodyAreas);
        equipment = List.copyOf(equipment);
        flags = List.copyOf(flags);
        dose = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(dose));
    }

    /** The words for what is checked here, in the page's language. */
    public interface Words {
        String wholeNumber();

        String wholeDose();

        String notJson(String problem, int line, int column);

        String jsonObject();

        String jsonList();
    }

    /** A tick box or choice: {@code id} is the element's, the first of a group carrying the group's anchor. */
    public record Choice(String id, String value, boolean checked) {
    }

    /** Either the body to send or what to correct first. */
    public record Parsed(Optional<ContentApi.Exercise> body, List<ServiceProblem.FieldError> errors) {
    }

    public static ExerciseForm empty() {
        Map<String, String> dose = new LinkedHashMap<>();
        DOSE_PARTS.forEach(p -> dose.put(p, ""));
        return new ExerciseForm("", "", "", "", "", "", List.of(), List.of(), "", List.of(), "", List.of(),
                "", dose, "", "", "", "");
    }

    /** The form of the version an editor starts from. */
    public static ExerciseForm of(ContentApi.Exercise e) {
        Map<String, String> dose = new LinkedHashMap<>();
        ContentApi.Dose d = e.dose();
        List<Integer> parts = d == null ? null
                : List.of(d.setupSeconds(), d.sets(), d.sides(), d.reps(), d.secondsPerRep(), d.restSeconds());
        for (int i = 0; i < DOSE_PARTS.size(); i++) {
            dose.put(DOSE_PARTS.get(i), parts == null ? "" : String.valueOf(parts.get(i)));
        }
        List<String> flags = new ArrayList<>();
        if (e.deskFriendly()) {
            flags.add("deskFriendly");
        }
        if (e.microBreak()) {
            flags.add("microBreak");
        }
        if (e.standalone()) {
            flags.add("standalone");
        }
        if (e.softTissueRelease()) {
            flags.add("softTissueRelease");
        }
        if (e.vigorous()) {
            flags.add("vigorous");
        }
        // with a dose the service computes the length and repetitions; the typed ones are for an exercise without
        return new ExerciseForm(orBlank(e.id()), orBlank(e.title()), orBlank(e.purpose()), String.join("\n", e.steps()),
                String.join("\n", e.safetyNotes()), String.join("\n", e.contraindications()), e.contraindicationCodes(),
                e.bodyAreas(), orBlank(e.position()), e.equipment(), orBlank(e.intensity()), flags, orBlank(e.source()),
                dose, d == null ? String.valueOf(e.durationSeconds()) : "",
                d == null && e.reps() != null ? String.valueOf(e.reps()) : "",
                e.illustration() == null || e.illustration().isNull() ? "" : pretty(e.illustration()),
                e.media().isEmpty() ? "" : pretty(JSON.valueToTree(e.media())));
    }

    /** What was posted; {@code fixedId} is the path's when editing (ids are never renamed). */
    public static ExerciseForm read(Map<String, List<String>> form, String fixedId) {
        Map<String, String> dose = new LinkedHashMap<>();
        DOSE_PARTS.forEach(p -> dose.put(p, first(form, "dose." + p)));
        return new ExerciseForm(fixedId != null ? fixedId : first(form, "id"), first(form, "title"),
                first(form, "purpose"), raw(form, "steps"), raw(form, "safetyNotes"), raw(form, "contraindications"),
                all(form, "contraindicationCodes"), all(form, "bodyAreas"), first(form, "position"),
                all(form, "equipment"), first(form, "intensity"),
                FLAGS.stream().filter(f -> !first(form, f).isEmpty()).toList(), first(form, "source"), dose,
                first(form, "durationSeconds"), first(form, "reps"), raw(form, "illustration").strip(),
                raw(form, "media").strip());
    }

    /** The API's body, or the fields to correct before it can be sent. */
    public Parsed parse(Words words) {
        List<ServiceProblem.FieldError> errors = new ArrayList<>();
        Integer duration = number("durationSeconds", durationSeconds, words, errors);
        Integer typedReps = number("reps", reps, words, errors);
        ContentApi.Dose parsedDose = dose(words, errors);
        JsonNode drawing = json("illustration", illustration, true, words, errors);
        JsonNode mediaList = json("media", media, false, words, errors);
        List<ContentApi.Media> mediaItems = List.of();
        if (mediaList != null) {
            try {
                mediaItems = List.of(JSON.treeToValue(mediaList, ContentApi.Media[].class));
            } catch (JsonProcessingException | IllegalArgumentException e) {
                errors.add(new ServiceProblem.FieldError("media", words.jsonList()));
            }
        }
        if (!errors.isEmpty()) {
            return new Parsed(Optional.empty(), errors);
        }
        return new Parsed(Optional.of(new ContentApi.Exercise(id, title, purpose, lines(steps),
                duration == null ? 0 : duration, typedReps, bodyAreas, position, equipment, intensity,
                lines(contraindications), lines(safetyNotes), flags.contains("deskFriendly"), mediaItems, source,
                contraindicationCodes, parsedDose, flags.contains("softTissueRelease"), flags.contains("microBreak"),
                flags.contains("standalone"), flags.contains("vigorous"), drawing)), List.of());
    }

    /**
     * The service names parts of the drawing ({@code illustration.alt}) and of the media ({@code media[0]}); the form
     * has one field for each, where those errors are shown.
     */
    public static ServiceProblem atFields(ServiceProblem problem) {
        List<ServiceProblem.FieldError> errors = problem.fieldErrors().stream().map(e -> {
            for (String whole : List.of("illustration", "media", "dose")) {
                if (e.field().startsWith(whole + ".") || e.field().startsWith(whole + "[")) {
                    return new ServiceProblem.FieldError(whole, e.message());
                }
            }
            return e;
        }).toList();
        return new ServiceProblem(problem.status(), problem.title(), problem.detail(), errors);
    }

    /** One of the dose's six numbers: its form field ({@code dose.sets}) and the element's id. */
    public record DosePart(String part, String name, String id, String value) {
    }

    public List<DosePart> doseParts() {
        return DOSE_PARTS.stream().map(p -> new DosePart(p, "dose." + p,
                new ServiceProblem.FieldError("dose." + p, "").anchor(), dose.getOrDefault(p, ""))).toList();
    }

    public List<Choice> bodyAreaChoices() {
        return choices("bodyAreas", BODY_AREAS, bodyAreas);
    }

    public List<Choice> equipmentChoices() {
        return choices("equipment", EQUIPMENT, equipment);
    }

    public List<Choice> codeChoices() {
        return choices("contraindicationCodes", CONTRAINDICATION_CODES, contraindicationCodes);
    }

    public List<Choice> flagChoices() {
        return choices("flags", FLAGS, flags::contains).stream()
                .map(c -> new Choice("field-" + c.value(), c.value(), c.checked())).toList();
    }

    public List<Choice> positionChoices() {
        return choice("position", POSITIONS, position);
    }

    public List<Choice> intensityChoices() {
        return choice("intensity", INTENSITIES, intensity);
    }

    /**
     * Tick boxes: the words chosen first, in their order (a browser posts ticked boxes in page order, so saving keeps
     * the order), then the other known words. A chosen word the form does not know is offered too.
     */
    private static List<Choice> choices(String group, List<String> known, List<String> chosen) {
        List<String> values = new ArrayList<>(chosen);
        known.stream().filter(k -> !values.contains(k)).forEach(values::add);
        return choices(group, values, chosen::contains);
    }

    /** One choice of a select: the known words in their order, and the current one when the form does not know it. */
    private static List<Choice> choice(String group, List<String> known, String current) {
        List<String> values = new ArrayList<>(known);
        if (!current.isBlank() && !values.contains(current)) {
            values.add(current);
        }
        return choices(group, values, current::equals);
    }

    private static List<Choice> choices(String group, List<String> values, java.util.function.Predicate<String> checked) {
        List<Choice> choices = new ArrayList<>();
        for (int i = 0; i < values.size(); i++) {
            String id = i == 0 ? "field-" + group : "field-" + group + "-" + values.get(i);
            choices.add(new Choice(id, values.get(i), checked.test(values.get(i))));
        }
        return choices;
    }

    /** The lines typed, trimmed, without the empty ones. */
    static List<String> lines(String text) {
        return text.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
    }

    private ContentApi.Dose dose(Words words, List<ServiceProblem.FieldError> errors) {
        if (dose.values().stream().allMatch(String::isBlank)) {
            return null;
        }
        if (dose.values().stream().anyMatch(String::isBlank)) {
            errors.add(new ServiceProblem.FieldError("dose", words.wholeDose()));
            return null;
        }
        List<Integer> parts = new ArrayList<>();
        for (String part : DOSE_PARTS) {
            parts.add(number("dose." + part, dose.get(part), words, errors));
        }
        return parts.contains(null) ? null
                : new ContentApi.Dose(parts.get(0), parts.get(1), parts.get(2), parts.get(3), parts.get(4), parts.get(5));
    }

    /** Blank is no number (null); anything else must be a whole number. */
    private static Integer number(String field, String typed, Words words, List<ServiceProblem.FieldError> errors) {
        if (typed.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(typed.strip());
        } catch (NumberFormatException e) {
            errors.add(new ServiceProblem.FieldError(field, words.wholeNumber()));
            return null;
        }
    }

    /** Blank is none; otherwise JSON of the shape expected (an object, or a list), said at the field when it is not. */
    private static JsonNode json(String field, String typed, boolean object, Words words,
                                 List<ServiceProblem.FieldError> errors) {
        if (typed.isBlank()) {
            return null;
        }
        try {
            JsonNode node = JSON.readTree(typed);
            if (object ? !node.isObject() : !node.isArray()) {
                errors.add(new ServiceProblem.FieldError(field, object ? words.jsonObject() : words.jsonList()));
                return null;
            }
            return node;
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            errors.add(new ServiceProblem.FieldError(field, words.notJson(e.getOriginalMessage(),
                    at == null ? 0 : at.getLineNr(), at == null ? 0 : at.getColumnNr())));
            return null;
        }
    }

    private static String pretty(JsonNode node) {
        try {
            return JSON.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            return node.toString();
        }
    }

    private static String first(Map<String, List<String>> form, String field) {
        List<String> values = form.get(field);
        return values == null || values.isEmpty() || values.get(0) == null ? "" : values.get(0).strip();
    }

    /** A textarea's text as typed (lines and all). */
    private static String raw(Map<String, List<String>> form, String field) {
        List<String> values = form.get(field);
        return values == null || values.isEmpty() || values.get(0) == null ? "" : values.get(0);
    }

    private static List<String> all(Map<String, List<String>> form, String field) {
        List<String> values = form.get(field);
        return values == null ? List.of() : values.stream().filter(v -> v != null && !v.isBlank()).map(String::strip)
                .distinct().toList();
    }

    private static String orBlank(String value) {
        return value == null ? "" : value;
    }
}
