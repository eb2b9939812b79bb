package io.upright.exercises.catalogue;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Exercise and routine content held in memory: either one shipped catalogue version read from its data files
 * ({@code catalogue/<version>/exercises.json} and {@code routines.json}), which the seeder loads into the
 * content library, or the library's published versions ({@link #published}). A broken file (unknown reference
 * or word, missing field, a routine outside 5–10 minutes, a progression that goes backwards or round in a
 * circle) fails at startup, not in front of an employee.
 */
public final class Catalogue {

    public static final int MIN_ROUTINE_SECONDS = 300;
    public static final int MAX_ROUTINE_SECONDS = 600;

    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true)
            .configure(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES, true)
            .configure(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES, true);

    /** Canonical form for content hashes: property order must not depend on declaration order. */
    private static final ObjectMapper CANONICAL = JsonMapper.builder()
            .enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .build();

    /** Fields content authors may leave out; everything else must be present (possibly empty). */
    private static final List<String> OPTIONAL_EXERCISE_FIELDS = List.of("reps", "media", "illustration");
    private static final List<String> OPTIONAL_ROUTINE_FIELDS = List.of("next");

    private final String version;
    /** The {@code catalogueVersion} written in the files (1 when not loaded from files). */
    private int fileVersion = 1;
    private final Map<String, Exercise> exercises;
    private final Map<String, Routine> routines;
    private final Map<String, String> exerciseTags = new HashMap<>();
    private final Map<String, String> routineTags = new HashMap<>();

    public Catalogue(String version, List<Exercise> exercises, List<RoutineDefinition> routines) {
        this.version = version;
        Map<String, Exercise> byId = new LinkedHashMap<>();
        for (Exercise e : exercises) {
            check(e);
            if (byId.put(e.id(), e) != null) {
                throw new IllegalStateException("Exercise " + e.id() + " is defined twice");
            }
        }
        this.exercises = Map.copyOf(byId);
        Map<String, Routine> resolved = new LinkedHashMap<>();
        for (RoutineDefinition definition : routines) {
            Routine routine = resolve(definition, byId);
            if (resolved.put(routine.id(), routine) != null) {
                throw new IllegalStateException("Routine " + definition.id() + " is defined twice");
            }
        }
        checkProgressions(resolved);
        this.routines = Map.copyOf(resolved);
        this.exercises.values().forEach(e -> exerciseTags.put(e.id(), tag(version, e)));
        this.routines.values().forEach(r -> routineTags.put(r.id(), tag(version, r)));
    }

    /**
     * The published library as stored, already checked item by item when it was authored. Nothing here
     * refuses content (a reader must never get a 500 because of it): a routine whose parts are not all
     * present is left out, and a {@code next} pointing at a routine that is not published ends the
     * progression there. Tags carry each item's own published version: {@code v<version>-<hash>}.
     */
    public static Catalogue published(List<Exercise> exercises, Map<String, Integer> exerciseVersions,
                                      List<RoutineDefinition> routines, Map<String, Integer> routineVersions) {
        return new Catalogue(exercises, exerciseVersions, routines, routineVersions);
    }

    private Catalogue(List<Exercise> exercises, Map<String, Integer> exerciseVersions,
                      List<RoutineDefinition> routines, Map<String, Integer> routineVersions) {
        this.version = "published";
        Map<String, Exercise> byId = new LinkedHashMap<>();
        exercises.forEach(e -> byId.put(e.id(), e));
        this.exercises = Map.copyOf(byId);
        Set<String> routineIds = new HashSet<>();
        routines.forEach(r -> routineIds.add(r.id()));
        Map<String, Routine> resolved = new LinkedHashMap<>();
        for (RoutineDefinition d : routines) {
            if (d.exerciseIds() == null || d.exerciseIds().isEmpty() || !byId.keySet().containsAll(d.exerciseIds())) {
                continue;
            }
            String next = d.next() != null && routineIds.contains(d.next()) ? d.next() : null;
            resolved.put(d.id(), new Routine(d.id(), d.title(), d.purpose(), d.level(), next,
                    d.exerciseIds().stream().map(byId::get).toList()));
        }
        this.routines = Map.copyOf(resolved);
        this.exercises.values().forEach(e -> exerciseTags.put(e.id(), tag("v" + exerciseVersions.getOrDefault(e.id(), 0), e)));
        this.routines.values().forEach(r -> routineTags.put(r.id(), tag("v" + routineVersions.getOrDefault(r.id(), 0), r)));
    }

    /**
     * This library without some routines: what an exercise's new version is checked against while the seeder is
     * about to replace those routines too (a shipped release changes exercises and routines together, so the
     * old routine versions must not block the new exercise versions).
     */
    public Catalogue withoutRoutines(Set<String> routineIds) {
        List<RoutineDefinition> kept = routines.values().stream().filter(r -> !routineIds.contains(r.id()))
                .map(r -> new RoutineDefinition(r.id(), r.title(), r.purpose(), r.level(), r.next(), r.exerciseIds()))
                .toList();
        return new Catalogue(List.copyOf(exercises.values()), Map.of(), kept, Map.of());
    }

    /**
     * Reads one catalogue version.
     *
     * @param open opens a file by its name inside the version's folder
     */
    public static Catalogue load(String version, Function<String, InputStream> open) {
        try {
            List<Exercise> exercises = new ArrayList<>();
            JsonNode exerciseFile = read(open, "exercises.json");
            for (JsonNode node : exerciseFile.get("exercises")) {
                exercises.add(JSON.treeToValue(withComputedLength(withOptional(node, OPTIONAL_EXERCISE_FIELDS)), Exercise.class));
            }
            List<RoutineDefinition> routines = new ArrayList<>();
            for (JsonNode node : read(open, "routines.json").get("routines")) {
                routines.add(JSON.treeToValue(withOptional(node, OPTIONAL_ROUTINE_FIELDS), RoutineDefinition.class));
            }
            Catalogue catalogue = new Catalogue(version, exercises, routines);
            checkEveryExercisePlaced(catalogue);
            catalogue.fileVersion = exerciseFile.path("catalogueVersion").asInt(1);
            return catalogue;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read exercise catalogue " + version + ": " + e.getMessage(), e);
        }
    }

    /**
     * A shipped exercise states its dose; its length and repetitions are computed from it, never typed, so a
     * typed {@code durationSeconds} or {@code reps} in the file is refused rather than silently overridden.
     */
    private static JsonNode withComputedLength(JsonNode node) {
        String id = node.path("id").asText();
        if (!node.hasNonNull("dose")) {
            throw new IllegalStateException("Exercise " + id + " needs a dose; its length is computed from it");
        }
        if (node.has("durationSeconds") || node.hasNonNull("reps")) {
            throw new IllegalStateException("Exercise " + id + " types durationSeconds or reps; both are computed from its dose");
        }
        if (node instanceof ObjectNode object) {
            object.put("durationSeconds", 0);
            if (!object.has("vigorous")) {
                // added with the readiness screen: a file without it has no vigorous exercise
                object.put("vigorous", false);
            }
        }
        return node;
    }

    /** Every shipped exercise is in some routine or marked standalone, so nothing sits unreachable. */
    private static void checkEveryExercisePlaced(Catalogue catalogue) {
        Set<String> used = new HashSet<>();
        catalogue.routines.values().forEach(r -> used.addAll(r.exerciseIds()));
        for (Exercise e : catalogue.exercises.values()) {
            if (!e.standalone() && !used.contains(e.id())) {
                throw new IllegalStateException("Exercise " + e.id() + " is in no routine and not marked standalone");
            }
        }
    }

    private static JsonNode withOptional(JsonNode node, List<String> optional) {
        if (node instanceof ObjectNode object) {
            optional.forEach(field -> {
                if (!object.has(field)) {
                    object.putNull(field);
                }
            });
        }
        return node;
    }

    private static JsonNode read(Function<String, InputStream> open, String file) throws IOException {
        try (InputStream in = open.apply(file)) {
            if (in == null) {
                throw new IllegalStateException("Catalogue file " + file + " is missing");
            }
            return JSON.readTree(in);
        }
    }

    public String version() {
        return version;
    }

    /** The files' {@code catalogueVersion}: the seeder loads an item again only from a higher one. */
    public int fileVersion() {
        return fileVersion;
    }

    public Optional<Exercise> exercise(String id) {
        return Optional.ofNullable(id == null ? null : exercises.get(id));
    }

    public Optional<Routine> routine(String id) {
        return Optional.ofNullable(id == null ? null : routines.get(id));
    }

    /** Every exercise, ordered by title then id. */
    public List<Exercise> exercises() {
        return exercises.values().stream()
                .sorted(Comparator.comparing(Exercise::title).thenComparing(Exercise::id)).toList();
    }

    /** Every routine, ordered by title then id. */
    public List<Routine> routines() {
        return routines.values().stream()
                .sorted(Comparator.comparing(Routine::title).thenComparing(Routine::id)).toList();
    }

    /** Exercises matching every criterion given, ordered by title then id. */
    public List<Exercise> find(ExerciseFilter filter) {
        return exercises().stream().filter(filter::matches).toList();
    }

    /** Routines at this level (null = any) working this body area (null = any), ordered by title then id. */
    public List<Routine> findRoutines(String level, String bodyArea) {
        return routines().stream()
                .filter(r -> level == null || r.level().equals(level))
                .filter(r -> bodyArea == null || r.bodyAreas().contains(bodyArea))
                .toList();
    }

    /** The routine and every routine after it along {@code next}, in order (empty for an unknown id). */
    public List<Routine> progression(String routineId) {
        List<Routine> chain = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        Routine current = routines.get(routineId);
        // the seen-set only matters for published content, where a loop would otherwise never end
        while (current != null && seen.add(current.id())) {
            chain.add(current);
            current = current.next() == null ? null : routines.get(current.next());
        }
        return chain;
    }

    /**
     * The entity tag of an exercise as served: catalogue version plus a hash of its content, so a corrected
     * exercise in a new release gets a new tag even where the version name was reused.
     */
    public Optional<String> exerciseTag(String id) {
        return Optional.ofNullable(id == null ? null : exerciseTags.get(id));
    }

    /** The entity tag of a routine; its hash covers the exercises it contains. */
    public Optional<String> routineTag(String id) {
        return Optional.ofNullable(id == null ? null : routineTags.get(id));
    }

    private static String tag(String prefix, Object content) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(
                    CANONICAL.writeValueAsString(content).getBytes(StandardCharsets.UTF_8));
            StringBuilder hex = new StringBuilder(prefix).append('-');
            for (int i = 0; i < 8; i++) {
                hex.append(String.format("%02x", digest[i]));
            }
            return hex.toString();
        } catch (JsonProcessingException | NoSuchAlgorithmException e) {
            throw new IllegalStateException("Cannot hash catalogue content", e);
        }
    }

    private static Routine resolve(RoutineDefinition definition, Map<String, Exercise> byId) {
        String name = "Routine " + definition.id();
        if (blank(definition.id()) || blank(definition.title()) || blank(definition.purpose())) {
            throw new IllegalStateException(name + " needs an id, title and purpose");
        }
        if (!Vocabulary.isOneOf(Vocabulary.LEVELS, definition.level())) {
            throw new IllegalStateException(name + " has unknown level " + definition.level());
        }
        if (definition.exerciseIds() == null || definition.exerciseIds().isEmpty()) {
            throw new IllegalStateException(name + " has no exercises");
        }
        List<Exercise> parts = new ArrayList<>();
        for (String exerciseId : definition.exerciseIds()) {
            Exercise part = byId.get(exerciseId);
            if (part == null) {
                throw new IllegalStateException(name + " refers to unknown exercise " + exerciseId);
            }
            parts.add(part);
        }
        Routine routine = new Routine(definition.id(), definition.title(), definition.purpose(), definition.level(),
                definition.next(), List.copyOf(parts));
        if (routine.durationSeconds() < MIN_ROUTINE_SECONDS || routine.durationSeconds() > MAX_ROUTINE_SECONDS) {
            throw new IllegalStateException(name + " lasts " + routine.durationSeconds()
                    + " seconds; routines are 5 to 10 minutes");
        }
        if (beginnerWithRelease(routine)) {
            throw new IllegalStateException(name + " is a beginner routine with a release technique; "
                    + "a physiotherapist shows those first, so they go in their own routine");
        }
        return routine;
    }

    /** Every {@code next} exists, never steps down a level, and no progression loops back on itself. */
    private static void checkProgressions(Map<String, Routine> byId) {
        for (Routine routine : byId.values()) {
            if (routine.next() == null) {
                continue;
            }
            Routine next = byId.get(routine.next());
            if (next == null) {
                throw new IllegalStateException("Routine " + routine.id() + " continues with unknown routine " + routine.next());
            }
            if (Vocabulary.LEVELS.indexOf(next.level()) < Vocabulary.LEVELS.indexOf(routine.level())) {
                throw new IllegalStateException("Routine " + routine.id() + " (" + routine.level() + ") continues with "
                        + next.id() + " at the lower level " + next.level());
            }
        }
        for (Routine start : byId.values()) {
            Set<String> seen = new HashSet<>();
            for (Routine r = start; r != null; r = r.next() == null ? null : byId.get(r.next())) {
                if (!seen.add(r.id())) {
                    throw new IllegalStateException("The progression from routine " + start.id() + " loops back to " + r.id());
                }
            }
        }
    }

    /** Release techniques need a physiotherapist to show them first, so no beginner routine may contain one. */
    public static boolean beginnerWithRelease(Routine routine) {
        return Vocabulary.LEVELS.get(0).equals(routine.level()) && routine.softTissueRelease();
    }

    private static void check(Exercise e) {
        String name = "Exercise " + e.id();
        if (blank(e.id()) || blank(e.title()) || blank(e.purpose()) || blank(e.source())) {
            throw new IllegalStateException(name + " needs an id, title, purpose and source");
        }
        if (missingOrBlank(e.steps()) || missingOrBlank(e.contraindications()) || missingOrBlank(e.safetyNotes())) {
            throw new IllegalStateException(name + " needs steps, contraindications and safety notes");
        }
        if (e.durationSeconds() <= 0 || (e.reps() != null && e.reps() <= 0)) {
            throw new IllegalStateException(name + " needs a positive duration (and positive reps when given)");
        }
        if (e.bodyAreas() == null || e.bodyAreas().isEmpty() || !Vocabulary.allIn(Vocabulary.BODY_AREAS, e.bodyAreas())) {
            throw new IllegalStateException(name + " needs body areas from " + Vocabulary.BODY_AREAS);
        }
        if (!Vocabulary.allIn(Vocabulary.EQUIPMENT, e.equipment())) {
            throw new IllegalStateException(name + " needs an equipment list (empty for none) from " + Vocabulary.EQUIPMENT);
        }
        if (!Vocabulary.isOneOf(Vocabulary.POSITIONS, e.position()) || !Vocabulary.isOneOf(Vocabulary.INTENSITIES, e.intensity())) {
            throw new IllegalStateException(name + " has an unknown position or intensity");
        }
        for (ExerciseRules.Problem p : ExerciseRules.problems(e)) {
            throw new IllegalStateException(name + ": " + p.field() + " " + p.message());
        }
        for (MediaReference m : e.media()) {
            if (m == null || !Vocabulary.isOneOf(Vocabulary.MEDIA_KINDS, m.kind()) || blank(m.uri()) || blank(m.description())) {
                throw new IllegalStateException(name + " has a media reference without a known kind, uri and description");
            }
        }
    }

    /** True when the list is missing, empty, or has a blank item. */
    private static boolean missingOrBlank(List<String> items) {
        return items == null || items.isEmpty() || items.stream().anyMatch(Catalogue::blank);
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
