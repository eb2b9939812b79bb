package io.upright.contracts.exercises;

import io.upright.contracts.SealedForEmployee;

import java.time.Instant;
import java.util.UUID;

/**
 * An employee logged a routine or exercise as done, timed in {@code seconds}: v1's whole {@code minutes} could not
 * record the 30- and 90-second desk micro-breaks. {@code feltRating} is 1 (hard) to 5 (easy), or null when logged
 * without a rating (Done on a reminder button). A v1 record still on the topic reads as this through {@link #from}.
 */
public record ExerciseSessionCompletedV2(
        UUID sessionId,
        UUID employeeId,
        String routineId,
        String exerciseId,
        int seconds,
        Integer feltRating,
        Instant completedAt) implements SealedForEmployee {

    /** The longest session: four hours, as v1's 240 minutes. */
    public static final int MAX_SECONDS = 240 * 60;

    /** v1 → v2: whole minutes are exactly {@code minutes × 60} seconds; nothing else changed. */
    public static ExerciseSessionCompletedV2 from(ExerciseSessionCompleted v1) {
        return new ExerciseSessionCompletedV2(v1.sessionId(), v1.employeeId(), v1.routineId(), v1.exerciseId(),
                Math.multiplyExact(v1.minutes(), 60), v1.feltRating(), v1.completedAt());
    }

    /**
     * The session in whole minutes, rounded half up, for figures kept in minutes: a v1 record gives back its
     * {@code minutes}, a 30-second micro-break counts as one minute, a 90-second one as two.
     */
    public int wholeMinutes() {
        return (seconds + 30) / 60;
    }

    @Override
    public String subject() {
        return sessionId.toString();
    }

    @Override
    public String key() {
        return employeeId.toString();
    }
}
