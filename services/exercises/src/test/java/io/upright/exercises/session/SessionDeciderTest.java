package io.upright.exercises.session;

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
                8, 4, at, true, library, 3), decider.initialState())).singleElement()
                .isInstanceOfSatisfying(SessionEvent.SessionLogged.class, s -> assertThat(s.discomfort()).isEqualTo(3));
        assertThat(decider.decide(log("walking-break", null, 8, 4), decider.initialState())).singleElement()
                .isInstanceOfSatisfying(SessionEvent.SessionLogged.class, s -> assertThat(s.discomfort()).isNull());
        assertThatThrownBy(() -> decider.decide(new SessionDecider.LogSession(UUID.randomUUID(), UUID.randomUUID(),
                "walking-break", null, 8, 4, at, true, library, 11), decider.initialState()))
                .isInstanceOfSatisfying(Rejection.class, e -> assertThat(e.errors())
                        .extracting(FieldError::field).containsExactly("discomfort"));
    }
}
