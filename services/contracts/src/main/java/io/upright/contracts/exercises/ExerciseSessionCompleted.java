package io.upright.contracts.exercises;

import io.upright.contracts.SealedForEmployee;

import java.time.Instant;
import java.util.UUID;

/**
 * v1, timed in whole minutes: no longer published, still read (records an old producer wrote), as
 * {@link ExerciseSessionCompletedV2#from}. An employee logged a routine or exercise as done; {@code feltRating} is
 * 1 (hard) to 5 (easy), or null when the session was logged without a rating (Done on a reminder button).
 */
public record ExerciseSessionCompleted(
        UUID sessionId,
        UUID employeeId,
        String routineId,
        String exerciseId,
        int minutes,
        Integer feltRating,
        Instant completedAt) implements SealedForEmployee {

    @Override
    public String subject() {
        return sessionId.toString();
    }

    @Override
    public String key() {
        return employeeId.toString();
    }
}
