package io.upright.exercises.session;

import java.time.Instant;
import java.util.UUID;

/** A logged exercise session (one stream per session). */
public sealed interface SessionEvent {

    record SessionLogged(UUID sessionId, UUID employeeId, String routineId, String exerciseId, int minutes,
                         int feltRating, Instant completedAt) implements SessionEvent {
    }
}
