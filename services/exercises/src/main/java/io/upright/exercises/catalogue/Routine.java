package io.upright.exercises.catalogue;

import java.util.List;

/** A routine with its exercises resolved; its length is always the sum of its parts. */
public record Routine(String id, String title, String purpose, List<Exercise> exercises) {

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
}
