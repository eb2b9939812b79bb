package io.upright.exercises.catalogue;

import java.util.Collection;
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

    /** Some part needs the floor or a hip-release tool: not for working hours unless the employee opted in. */
    public boolean floorOrEquipment() {
        return exercises.stream().anyMatch(Exercise::floorOrEquipment);
    }

    /** Some part is a self-release technique: at most two or three times a week (seed article). */
    public boolean softTissueRelease() {
        return exercises.stream().anyMatch(Exercise::softTissueRelease);
    }

    /** Some part is vigorous activity: only after a readiness screen with every answer "no". */
    public boolean vigorous() {
        return exercises.stream().anyMatch(Exercise::vigorous);
    }

    /** The self-release techniques among its parts (their ids, in order). */
    public List<String> releaseTechniques() {
        return exercises.stream().filter(Exercise::softTissueRelease).map(Exercise::id).distinct().toList();
    }

    /** True when no part is contraindicated by any of these precaution codes. */
    public boolean safeWith(Collection<String> precautions) {
        return exercises.stream().allMatch(e -> e.safeWith(precautions));
    }

    /** The parts that these precaution codes rule out (empty when the routine is safe). */
    public List<String> contraindicatedFor(Collection<String> precautions) {
        return exercises.stream().filter(e -> !e.safeWith(precautions)).map(Exercise::id).toList();
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
