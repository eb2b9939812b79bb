package io.upright.exercises.catalogue;

import java.util.List;

/**
 * One exercise of the catalogue. {@code durationSeconds} is the time it takes (including every repetition), so
 * routine lengths can be summed; {@code reps} is set when the steps count repetitions (per side or set).
 * {@code contraindications} say when not to do it at all, {@code safetyNotes} how to do it safely;
 * {@code source} names the seed-article section or guideline it rests on. {@code equipment} is empty when
 * nothing is needed ({@code equipment=none} in the filter).
 */
public record Exercise(
        String id,
        String title,
        String purpose,
        List<String> steps,
        int durationSeconds,
        Integer reps,
        List<String> bodyAreas,
        String position,
        List<String> equipment,
        String intensity,
        List<String> contraindications,
        List<String> safetyNotes,
        boolean deskFriendly,
        List<MediaReference> media,
        String source) {

    public Exercise {
        media = media == null ? List.of() : List.copyOf(media);
    }
}
