package io.upright.exercises.session;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.upright.exercises.TestCatalogue;
import io.upright.platform.domain.FieldError;
import io.upright.platform.domain.Rejection;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SessionDeciderTest {

    private final SessionDecider decider = new SessionDecider();
    private final SessionDecider.Known library = SessionDecider.Known.in(TestCatalogue.V1);

    private SessionDecider.LogSession log(String routineId, String exerciseId, Integer minutes, Integer felt) {
        return new SessionDecider.LogSession(UUID.randomUUID(), UUID.randomUUID(), routineId, exerciseId, minutes, felt,
                Instant.parse("2026-11-25T10:00:00Z"), library);
    }

    @Test
    void a_routine_or_an_exercise_from_the_catalogue_is_logged() {
        assertThat(decider.decide(log("walking-break", null, 8, 4), decider.initialState())).singleElement()
                .isInstanceOfSatisfying(SessionEvent.SessionLogged.class, s -> assertThat(s.routineId()).isEqualTo("walking-break"));
        assertThat(decider.decide(log(null, "glute-bridge", 2, 3), decider.initialState())).singleElement()
                .isInstanceOfSatisfying(SessionEvent.SessionLogged.class, s -> assertThat(s.exerciseId()).isEqualTo("glute-bridge"));
    }

    @Test
    void neither_or_both_of_routine_and_exercise_are_named() {
        assertThatThrownBy(() -> decider.decide(log(null, null, 5, 3), decider.initialState()))
                .isInstanceOfSatisfying(Rejection.class, e -> assertThat(e.errors())
                        .extracting(FieldError::field).containsExactly("routineId", "exerciseId"));
        assertThatThrownBy(() -> decider.decide(log("walking-break", "glute-bridge", 5, 3), decider.initialState()))
                .isInstanceOfSatisfying(Rejection.class, e -> assertThat(e.errors())
                        .extracting(FieldError::field).containsExactly("routineId", "exerciseId"));
    }

    @Test
    void unknown_content_and_out_of_range_numbers_are_named() {
        assertThatThrownBy(() -> decider.decide(log("yoga-marathon", null, 241, 0), decider.initialState()))
                .isInstanceOfSatisfying(Rejection.class, e -> assertThat(e.errors())
                        .extracting(FieldError::field).containsExactly("routineId", "minutes", "feltRating"));
        assertThatThrownBy(() -> decider.decide(log(null, "handstand", 5, 3), decider.initialState()))
                .isInstanceOfSatisfying(Rejection.class, e -> assertThat(e.errors())
                        .extracting(FieldError::field).containsExactly("exerciseId"));
    }

    @Test
    void only_a_session_from_a_reminder_button_may_leave_out_the_felt_rating() {
        UUID id = UUID.randomUUID();
        Instant at = Instant.parse("2026-11-25T10:00:00Z");
        assertThat(decider.decide(new SessionDecider.LogSession(id, UUID.randomUUID(), "walking-break", null, 7, null, at, false, library),
                decider.initialState())).singleElement()
                .isInstanceOfSatisfying(SessionEvent.SessionLogged.class, s -> assertThat(s.feltRating()).isNull());
        assertThatThrownBy(() -> decider.decide(log("walking-break", null, 7, null), decider.initialState()))
                .isInstanceOfSatisfying(Rejection.class, e -> assertThat(e.errors())
                        .extracting(FieldError::field).containsExactly("feltRating"));
    }

    @Test
    void discomfort_is_optional_and_from_zero_to_ten() {
        Instant at = Instant.parse("2026-11-25T10:00:00Z");
        assertThat(decider.decide(new SessionDecider.LogSession(UUID.randomUUID(), UUID.randomUUID(), "walking-break", null,
                8, null, 4, at, true, library, 3), decider.initialState())).singleElement()
                .isInstanceOfSatisfying(SessionEvent.SessionLogged.class, s -> assertThat(s.discomfort()).isEqualTo(3));
        assertThat(decider.decide(log("walking-break", null, 8, 4), decider.initialState())).singleElement()
                .isInstanceOfSatisfying(SessionEvent.SessionLogged.class, s -> assertThat(s.discomfort()).isNull());
        assertThatThrownBy(() -> decider.decide(new SessionDecider.LogSession(UUID.randomUUID(), UUID.randomUUID(),
                "walking-break", null, 8, null, 4, at, true, library, 11), decider.initialState()))
                .isInstanceOfSatisfying(Rejection.class, e -> assertThat(e.errors())
                        .extracting(FieldError::field).containsExactly("discomfort"));
    }

    @Test
    void a_micro_break_is_logged_in_seconds_and_minutes_are_stored_as_seconds_too() {
        Instant at = Instant.parse("2026-11-25T10:00:00Z");
        assertThat(decider.decide(new SessionDecider.LogSession(UUID.randomUUID(), UUID.randomUUID(), "walking-break", null,
                null, 30, 4, at, true, library, null), decider.initialState())).singleElement()
                .isInstanceOfSatisfying(SessionEvent.SessionLogged.class, s -> assertThat(s.seconds()).isEqualTo(30));
        assertThat(decider.decide(log("walking-break", null, 8, 4), decider.initialState())).singleElement()
                .isInstanceOfSatisfying(SessionEvent.SessionLogged.class, s -> assertThat(s.seconds()).isEqualTo(480));
    }

    @Test
    void a_length_is_minutes_or_seconds_never_both_and_seconds_stay_within_four_hours() {
        Instant at = Instant.parse("2026-11-25T10:00:00Z");
        assertThatThrownBy(() -> decider.decide(new SessionDecider.LogSession(UUID.randomUUID(), UUID.randomUUID(),
                "walking-break", null, 2, 90, 4, at, true, library, null), decider.initialState()))
                .isInstanceOfSatisfying(Rejection.class, e -> assertThat(e.errors())
                        .extracting(FieldError::field).containsExactly("minutes", "seconds"));
        for (int seconds : new int[]{0, SessionDecider.MAX_SECONDS + 1}) {
            assertThatThrownBy(() -> decider.decide(new SessionDecider.LogSession(UUID.randomUUID(), UUID.randomUUID(),
                    "walking-break", null, null, seconds, 4, at, true, library, null), decider.initialState()))
                    .isInstanceOfSatisfying(Rejection.class, e -> assertThat(e.errors())
                            .extracting(FieldError::field).containsExactly("seconds"));
        }
        assertThatThrownBy(() -> decider.decide(log("walking-break", null, null, 4), decider.initialState()))
                .isInstanceOfSatisfying(Rejection.class, e -> assertThat(e.errors())
                        .extracting(FieldError::field).containsExactly("minutes"));
    }

    @Test
    void a_session_logged_by_an_old_build_in_minutes_is_read_in_seconds() {
        var payload = new ObjectMapper().createObjectNode()
                .put("sessionId", UUID.randomUUID().toString()).put("minutes", 2).put("feltRating", 4);

        var upcast = new SessionLoggedV1ToV2().upcast(payload);

        assertThat(upcast.get("seconds").asInt()).isEqualTo(120);
        assertThat(upcast.has("minutes")).isFalse();
        assertThat(upcast.get("feltRating").asInt()).isEqualTo(4);
    }
}
