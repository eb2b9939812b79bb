package io.upright.exercises.catalogue;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The exercise and routine content of one catalogue version, held in memory. Content is versioned data
 * ({@code catalogue/<version>/exercises.json} and {@code routines.json}); an authoring workflow comes later.
 * A broken file (unknown reference, missing field) fails at startup, not in front of an employee.
 */
public final class Catalogue {

    public static final Set<String> POSITIONS = Set.of("standing", "seated", "kneeling", "lying", "walking");
    public static final Set<String> INTENSITIES = Set.of("gentle", "moderate");

    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true)
            .configure(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES, true)
            .configure(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES, true);

    private final String version;
    private final Map<String, Exercise> exercises;
    private final Map<String, Routine> routines;

    public Catalogue(String version, List<Exercise> exercises, List<RoutineDefinition> routines) {
        this.version = version;
        Map<String, Exercise> byId = new LinkedHashMap<>();
        exercises.stream().sorted(Comparator.comparing(Exercise::title)).forEach(e -> {
            check(e);
            if (byId.put(e.id(), e) != null) {
                throw new IllegalStateException("Exercise " + e.id() + " is defined twice");
            }
        });
        this.exercises = Map.copyOf(byId);
        Map<String, Routine> resolved = new LinkedHashMap<>();
        for (RoutineDefinition definition : routines) {
            if (definition.exerciseIds() == null || definition.exerciseIds().isEmpty()) {
                throw new IllegalStateException("Routine " + definition.id() + " has no exercises");
            }
            List<Exercise> parts = new ArrayList<>();
            for (String exerciseId : definition.exerciseIds()) {
                Exercise part = byId.get(exerciseId);
                if (part == null) {
                    throw new IllegalStateException("Routine " + definition.id() + " refers to unknown exercise " + exerciseId);
                }
                parts.add(part);
            }
            if (resolved.put(definition.id(), new Routine(definition.id(), definition.title(), definition.purpose(),
                    List.copyOf(parts))) != null) {
                throw new IllegalStateException("Routine " + definition.id() + " is defined twice");
            }
        }
        this.routines = Map.copyOf(resolved);
    }

    /**
     * Reads one catalogue version.
     *
     * @param open opens a file by its name inside the version's folder
     */
    public static Catalogue load(String version, Function<String, InputStream> open) {
        try {
            List<Exercise> exercises = new ArrayList<>();
            for (JsonNode node : read(open, "exercises.json").get("exercises")) {
                exercises.add(JSON.treeToValue(node, Exercise.class));
            }
            List<RoutineDefinition> routines = new ArrayList<>();
            for (JsonNode node : read(open, "routines.json").get("routines")) {
                routines.add(JSON.treeToValue(node, RoutineDefinition.class));
            }
            return new Catalogue(version, exercises, routines);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read exercise catalogue " + version, e);
        }
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

    /** Exercises matching every filter given (null = any), ordered by title. */
    public List<Exercise> find(String bodyArea, String position, Boolean deskFriendly) {
        return exercises().stream()
                .filter(e -> bodyArea == null || e.bodyAreas().contains(bodyArea))
                .filter(e -> position == null || e.position().equals(position))
                .filter(e -> deskFriendly == null || e.deskFriendly() == deskFriendly)
                .toList();
    }

    private static void check(Exercise e) {
        String name = "Exercise " + e.id();
        if (e.id() == null || e.title() == null || e.purpose() == null || e.source() == null || e.source().isBlank()) {
            throw new IllegalStateException(name + " needs an id, title, purpose and source");
        }
        if (e.steps() == null || e.steps().isEmpty() || e.contraindications() == null || e.contraindications().isEmpty()) {
            throw new IllegalStateException(name + " needs steps and contraindications");
        }
        if (e.durationSeconds() <= 0 || e.bodyAreas() == null || e.bodyAreas().isEmpty() || e.equipment() == null) {
            throw new IllegalStateException(name + " needs a duration, body areas and an equipment list");
        }
        if (!POSITIONS.contains(e.position()) || !INTENSITIES.contains(e.intensity())) {
            throw new IllegalStateException(name + " has an unknown position or intensity");
        }
    }
}
