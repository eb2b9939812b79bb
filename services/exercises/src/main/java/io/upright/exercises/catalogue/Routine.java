package io.upright.exercises.catalogue;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A routine with its exercises resolved; its length is always the sum of its parts. {@code next} is the
 * routine a repeated recommendation moves on to (null: the end of this progression).
 */
public record Routine(String id, String title, String purpose, String level, String next, List<Exercise> exercises) {

    public int durationSeconds() {
        return exercises.stream().mapToInt(Exercise::durationSeconds).sum();
    }

    /** Rounded up, so "about N minutes" is never an under-promise. */
    public int durationMinutes() {
        return (durationSeconds() + 59) / 60;
    }

    public boolean deskFriendly() {
        return exercises.stream().allMatch(Exercise::deskFriendly);
    }

    public List<String> exerciseIds() {
        return exercises.stream().map(Exercise::id).toList();
    }

    /** Every body area any of its exercises works, in the catalogue's vocabulary order. */
    public List<String> bodyAreas() {
        Set<String> worked = new LinkedHashSet<>();
        exercises.forEach(e -> worked.addAll(e.bodyAreas()));
        return Vocabulary.BODY_AREAS.stream().filter(worked::contains).toList();
    }
}
