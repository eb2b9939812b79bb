package io.upright.exercises.session;

import io.upright.exercises.catalogue.Catalogue;
import io.upright.platform.domain.FieldError;
import io.upright.platform.domain.Rejection;
import io.upright.platform.eventstore.Aggregate;
import io.upright.platform.eventstore.Decider;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;

/**
 * Rules for logging what an employee did: exactly one routine or one exercise from the library, 1-240
 * minutes or 1-14,400 seconds (one of the two: seconds time the 30- and 90-second desk micro-breaks), felt
 * rating 1 (hard) to 5 (easy) — absent only when logged from a reminder button, which does not ask. A session is
 * logged once; it is stored in seconds.
 */
public class SessionDecider implements Decider<SessionDecider.LogSession, SessionDecider.Session, SessionEvent> {

    public static final int MAX_MINUTES = 240;
    public static final int MAX_SECONDS = MAX_MINUTES * 60;
    /** Discomfort during or after the session, 0 (none) to 10 (worst): what progression steps back on. */
    public static final int MAX_DISCOMFORT = 10;

    public static final Aggregate<LogSession, Session, SessionEvent> SESSION =
            Aggregate.of("exercise-session", SessionEvent.class, new SessionDecider());

    /**
     * What a session may name. It travels with the command because it depends on the moment: the library as
     * published now for the API, or anything the library ever published for a reminder's button.
     */
    public record Known(Predicate<String> routine, Predicate<String> exercise) {

        /** What this catalogue holds. */
        public static Known in(Catalogue catalogue) {
            return new Known(id -> catalogue.routine(id).isPresent(), id -> catalogue.exercise(id).isPresent());
        }
    }

    /**
     * {@code rated = false}: logged from a reminder's Done button, which asks for no felt rating. The length is
     * {@code minutes} or {@code seconds}, never both.
     */
    public record LogSession(UUID sessionId, UUID employeeId, String routineId, String exerciseId, Integer minutes,
                             Integer seconds, Integer feltRating, Instant at, boolean rated, Known known,
                             Integer discomfort) {

        public LogSession(UUID sessionId, UUID employeeId, String routineId, String exerciseId, Integer minutes,
                          Integer feltRating, Instant at, boolean rated, Known known) {
            this(sessionId, employeeId, routineId, exerciseId, minutes, null, feltRating, at, rated, known, null);
        }

        public LogSession(UUID sessionId, UUID employeeId, String routineId, String exerciseId, Integer minutes,
                          Integer feltRating, Instant at, Known known) {
            this(sessionId, employeeId, routineId, exerciseId, minutes, null, feltRating, at, true, known, null);
        }
    }

    public record Session(SessionEvent.SessionLogged logged) {
        public boolean exists() {
            return logged != null;
        }
    }

    @Override
    public Session initialState() {
        return new Session(null);
    }

    @Override
    public List<SessionEvent> decide(LogSession command, Session state) {
        if (state.exists()) {
            throw Rejection.conflict("Session " + command.sessionId() + " is already logged");
        }
        List<FieldError> errors = new ArrayList<>();
        String routineId = blankToNull(command.routineId());
        String exerciseId = blankToNull(command.exerciseId());
        if (routineId == null && exerciseId == null) {
            errors.add(new FieldError("routineId", "give either routineId or exerciseId"));
            errors.add(new FieldError("exerciseId", "give either routineId or exerciseId"));
        } else if (routineId != null && exerciseId != null) {
            errors.add(new FieldError("routineId", "give either routineId or exerciseId, not both"));
            errors.add(new FieldError("exerciseId", "give either routineId or exerciseId, not both"));
        } else if (routineId != null && !command.known().routine().test(routineId)) {
            errors.add(new FieldError("routineId", "is not a routine of the catalogue"));
        } else if (exerciseId != null && !command.known().exercise().test(exerciseId)) {
            errors.add(new FieldError("exerciseId", "is not an exercise of the catalogue"));
        }
        if (command.minutes() != null && command.seconds() != null) {
            errors.add(new FieldError("minutes", "give either minutes or seconds, not both"));
            errors.add(new FieldError("seconds", "give either minutes or seconds, not both"));
        } else if (command.seconds() != null) {
            if (command.seconds() < 1 || command.seconds() > MAX_SECONDS) {
                errors.add(new FieldError("seconds", "must be from 1 to " + MAX_SECONDS));
            }
        } else if (command.minutes() == null || command.minutes() < 1 || command.minutes() > MAX_MINUTES) {
            errors.add(new FieldError("minutes", "must be from 1 to " + MAX_MINUTES + " (or give seconds)"));
        }
        boolean ratingMissing = command.feltRating() == null && command.rated();
        boolean ratingOutOfRange = command.feltRating() != null && (command.feltRating() < 1 || command.feltRating() > 5);
        if (ratingMissing || ratingOutOfRange) {
            errors.add(new FieldError("feltRating", "must be from 1 (hard) to 5 (easy)"));
        }
        if (command.discomfort() != null && (command.discomfort() < 0 || command.discomfort() > MAX_DISCOMFORT)) {
            errors.add(new FieldError("discomfort", "must be from 0 (none) to " + MAX_DISCOMFORT + " (worst), or left out"));
        }
        if (!errors.isEmpty()) {
            throw Rejection.invalid(errors);
        }
        int seconds = command.seconds() != null ? command.seconds() : command.minutes() * 60;
        return List.of(new SessionEvent.SessionLogged(command.sessionId(), command.employeeId(), routineId, exerciseId,
                seconds, command.feltRating(), command.at(), command.discomfort()));
    }

    @Override
    public Session evolve(Session state, SessionEvent event) {
        if (event instanceof SessionEvent.SessionLogged logged) {
            return new Session(logged);
        }
        return state;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
