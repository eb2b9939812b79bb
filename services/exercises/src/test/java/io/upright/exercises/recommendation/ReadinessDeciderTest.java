package io.upright.exercises.recommendation;

import io.upright.exercises.TestCatalogue;
import io.upright.platform.domain.FieldError;
import io.upright.platform.domain.Rejection;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ReadinessDeciderTest {

    private static final UUID EMPLOYEE = UUID.randomUUID();
    private static final Instant NOW = Instant.parse("2026-11-25T09:30:00Z");
    static final ReadinessAnswers ALL_NO = new ReadinessAnswers(false, false, false, false, false, false, false);
    static final ReadinessAnswers CHEST_PAIN = new ReadinessAnswers(false, true, false, false, false, false, false);

    private final ReadinessDecider decider = new ReadinessDecider();

    private final List<ReadinessEvent> history = new ArrayList<>();

    private ReadinessDecider.State apply(ReadinessDecider.State state, ReadinessDecider.Command command) {
        ReadinessDecider.State next = state;
        for (ReadinessEvent event : decider.decide(command, state)) {
            history.add(event);
            next = decider.evolve(next, event);
        }
        return next;
    }

    private ReadinessDecider.Command answer(ReadinessAnswers answers) {
        return new ReadinessDecider.AnswerScreen(EMPLOYEE, answers, NOW);
    }

    private ReadinessDecider.Command confirm(String exerciseId, String basis) {
        return new ReadinessDecider.ConfirmTechnique(EMPLOYEE, exerciseId, basis, NOW, TestCatalogue.V1);
    }

    @Test
    void never_answered_allows_nothing_vigorous() {
        assertThat(decider.initialState().readiness()).isEqualTo(Readiness.NONE);
    }

    @Test
    void all_no_clears_vigorous_exercise_and_a_later_yes_takes_it_back() {
        ReadinessDecider.State s = apply(decider.initialState(), answer(ALL_NO));
        assertThat(s.readiness().vigorousCleared()).isTrue();
        s = apply(s, answer(CHEST_PAIN));
        assertThat(s.readiness().vigorousCleared()).isFalse();
        assertThat(s.readiness().screenedWithYes()).isTrue();
        assertThat(history).hasSize(2);
    }

    @Test
    void the_same_answers_again_change_nothing() {
        ReadinessDecider.State s = apply(decider.initialState(), answer(ALL_NO));
        assertThat(decider.decide(answer(ALL_NO), s)).isEmpty();
    }

    @Test
    void a_missing_answer_is_refused_naming_its_field() {
        ReadinessAnswers missing = new ReadinessAnswers(false, false, null, false, false, false, false);
        assertThatThrownBy(() -> decider.decide(answer(missing), decider.initialState()))
                .isInstanceOfSatisfying(Rejection.class, r -> assertThat(r.errors()).extracting(FieldError::field)
                        .containsExactly("dizzinessOrFainting"));
        assertThatThrownBy(() -> decider.decide(answer(null), decider.initialState()))
                .isInstanceOfSatisfying(Rejection.class, r -> assertThat(r.errors()).hasSize(7));
    }

    @Test
    void only_release_techniques_can_be_confirmed_on_one_of_two_bases() {
        ReadinessDecider.State s = apply(decider.initialState(), confirm("psoas-iliacus-release", "SHOWN_BY_PHYSIOTHERAPIST"));
        assertThat(s.readiness().confirmedTechniques()).containsExactly("psoas-iliacus-release");
        assertThat(decider.decide(confirm("psoas-iliacus-release", "SHOWN_BY_PHYSIOTHERAPIST"), s)).as("repeat").isEmpty();
        assertThat(decider.decide(confirm("psoas-iliacus-release", "READ_SAFETY_NOTE"), s)).hasSize(1);
        assertThatThrownBy(() -> decider.decide(confirm("glute-bridge", "READ_SAFETY_NOTE"), s))
                .isInstanceOfSatisfying(Rejection.class, r -> assertThat(r.errors()).extracting(FieldError::field)
                        .containsExactly("exerciseId"));
        assertThatThrownBy(() -> decider.decide(confirm("no-such-exercise", "READ_SAFETY_NOTE"), s))
                .isInstanceOfSatisfying(Rejection.class, r -> assertThat(r.errors()).extracting(FieldError::field)
                        .containsExactly("exerciseId"));
        assertThatThrownBy(() -> decider.decide(confirm("iliacus-release-with-tool", "A_FRIEND_SAID_SO"), s))
                .isInstanceOfSatisfying(Rejection.class, r -> assertThat(r.errors()).extracting(FieldError::field)
                        .containsExactly("basis"));
    }

    @Test
    void streams_are_per_employee_and_never_the_recommendation_stream() {
        assertThat(ReadinessDecider.streamId(EMPLOYEE)).isNotEqualTo(EMPLOYEE)
                .isEqualTo(ReadinessDecider.streamId(EMPLOYEE))
                .isNotEqualTo(ReadinessDecider.streamId(UUID.randomUUID()));
    }
}
