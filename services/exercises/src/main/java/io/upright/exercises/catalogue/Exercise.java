package io.upright.exercises.catalogue;

import java.util.List;

/**
 * One exercise of the catalogue. {@code source} names the seed-article section or guideline it rests on;
 * {@code contraindications} say when not to do it.
 */
public record Exercise(
        String id,
        String title,
        String purpose,
        List<String> steps,
        int durationSeconds,
        List<String> bodyAreas,
        String position,
        List<String> equipment,
        String intensity,
        List<String> contraindications,
        boolean deskFriendly,
        String source) {
}
