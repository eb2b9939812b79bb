package io.upright.exercises.session;

import io.upright.platform.eventstore.EventName;

import java.time.Instant;
import java.util.UUID;

/** A logged exercise session (one stream per session); {@code feltRating} is null when not rated. */
public sealed interface SessionEvent {

    @EventName("SessionLogged")
    record SessionLogged(UUID sessionId, UUID employeeId, String routineId, String exerciseId, int minutes,
                         Integer feltRating, Instant completedAt) implements SessionEvent {
    }
}
