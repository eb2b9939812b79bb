package io.upright.exercises.session;

import io.upright.platform.eventstore.EventName;

import java.time.Instant;
import java.util.UUID;

/**
 * A logged exercise session (one stream per session); {@code feltRating} is null when not rated, {@code discomfort}
 * (0–10, added later) when not given. Discomfort is a pain value: it stays in this service, never on a topic.
 */
public sealed interface SessionEvent {

    @EventName("SessionLogged")
    record SessionLogged(UUID sessionId, UUID employeeId, String routineId, String exerciseId, int minutes,
                         Integer feltRating, Instant completedAt, Integer discomfort) implements SessionEvent {

        public SessionLogged(UUID sessionId, UUID employeeId, String routineId, String exerciseId, int minutes,
                             Integer feltRating, Instant completedAt) {
            this(sessionId, employeeId, routineId, exerciseId, minutes, feltRating, completedAt, null);
        }
    }
}
