package io.upright.exercises.session;

import io.upright.platform.eventstore.EventName;

import java.time.Instant;
import java.util.UUID;

/**
 * A logged exercise session (one stream per session); {@code feltRating} is null when not rated, {@code discomfort}
 * (0–10, added later) when not given. Discomfort is a pain value: it stays in this service, never on a topic.
 */
public sealed interface SessionEvent {

    /**
     * v2 times the session in {@code seconds} (30- and 90-second desk micro-breaks); v1 rows carry whole
     * {@code minutes} and are read through {@link SessionLoggedV1ToV2}.
     */
    @EventName(value = "SessionLogged", version = 2)
    record SessionLogged(UUID sessionId, UUID employeeId, String routineId, String exerciseId, int seconds,
                         Integer feltRating, Instant completedAt, Integer discomfort) implements SessionEvent {

        public SessionLogged(UUID sessionId, UUID employeeId, String routineId, String exerciseId, int seconds,
                             Integer feltRating, Instant completedAt) {
            this(sessionId, employeeId, routineId, exerciseId, seconds, feltRating, completedAt, null);
        }
    }
}
