package io.upright.exercises.catalogue;

/**
 * Search criteria for exercises; a null field matches everything. {@code equipment} is one item an exercise
 * uses, or {@link Vocabulary#NO_EQUIPMENT} for exercises that need nothing.
 */
public record ExerciseFilter(String bodyArea, String position, String equipment, Integer maxDurationSeconds,
                             String intensity, Boolean deskFriendly) {

    public static final ExerciseFilter ANY = new ExerciseFilter(null, null, null, null, null, null);

    public boolean matches(Exercise e) {
        return (bodyArea == null || e.bodyAreas().contains(bodyArea))
                && (position == null || e.position().equals(position))
                && (equipment == null || (Vocabulary.NO_EQUIPMENT.equals(equipment)
                        ? e.equipment().isEmpty() : e.equipment().contains(equipment)))
                && (maxDurationSeconds == null || e.durationSeconds() <= maxDurationSeconds)
                && (intensity == null || e.intensity().equals(intensity))
                && (deskFriendly == null || e.deskFriendly() == deskFriendly);
    }
}
