package io.upright.exercises.recommendation;

import io.upright.exercises.TestCatalogue;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static io.upright.contracts.assessments.FindingCodes.LOW_BACK_DISCOMFORT;
import static io.upright.contracts.assessments.FindingCodes.MONITOR_TOO_LOW;
import static io.upright.contracts.assessments.FindingCodes.RED_FLAG_SEEK_CLINICIAN;
import static org.assertj.core.api.Assertions.assertThat;

class RecommendationDeciderTest {

    private final RecommendationDecider decider = new RecommendationDecider();
    private final UUID employee = UUID.randomUUID();
    private static final Instant T1 = Instant.parse("2026-11-25T09:00:00Z");
    private static final Instant T2 = Instant.parse("2026-11-26T09:00:00Z");

    private RecommendationDecider.Recommend recommend(UUID assessment, List<String> codes, boolean review, Instant at) {
        return new RecommendationDecider.Recommend(UUID.randomUUID(), employee, assessment, codes, review, at, at, TestCatalogue.V1);
    }

    @Test
    void a_completed_assessment_becomes_the_current_recommendation() {
        var events = decider.decide(recommend(UUID.randomUUID(), List.of(LOW_BACK_DISCOMFORT), false, T1), decider.initialState());
        assertThat(events).singleElement().isInstanceOfSatisfying(RecommendationEvent.Recommended.class, r -> {
            assertThat(r.routineId()).isEqualTo("desk-day-lower-back");
            assertThat(r.routineTitle()).isEqualTo("Desk-day lower back");
            assertThat(r.durationMinutes()).isEqualTo(7);
            assertThat(r.withheldForClinicalReview()).isFalse();
        });
        assertThat(decider.fold(events).current().routineId()).isEqualTo("desk-day-lower-back");
    }

    @Test
    void withheld_recommendations_carry_no_routine() {
        var events = decider.decide(recommend(UUID.randomUUID(), List.of(RED_FLAG_SEEK_CLINICIAN), true, T1), decider.initialState());
        assertThat(events).singleElement().isInstanceOfSatisfying(RecommendationEvent.Recommended.class, r -> {
            assertThat(r.routineId()).isNull();
            assertThat(r.routineTitle()).isNull();
            assertThat(r.durationMinutes()).isNull();
            assertThat(r.withheldForClinicalReview()).isTrue();
        });
    }

    @Test
    void the_same_assessment_twice_and_an_older_assessment_change_nothing() {
        UUID assessment = UUID.randomUUID();
        var state = decider.fold(decider.decide(recommend(assessment, List.of(MONITOR_TOO_LOW), false, T2), decider.initialState()));
        assertThat(decider.decide(recommend(assessment, List.of(MONITOR_TOO_LOW), false, T2), state)).isEmpty();
        assertThat(decider.decide(recommend(UUID.randomUUID(), List.of(), false, T1), state)).isEmpty();
        assertThat(decider.decide(recommend(UUID.randomUUID(), List.of(), false, T2.plusSeconds(60)), state)).hasSize(1);
    }

    @Test
    void a_repeated_finding_moves_the_employee_to_the_next_routine_and_a_withheld_one_starts_over() {
        List<RecommendationEvent> history = new ArrayList<>(decider.decide(
                recommend(UUID.randomUUID(), List.of(LOW_BACK_DISCOMFORT), false, T1), decider.initialState()));
        List<RecommendationEvent> second = decider.decide(
                recommend(UUID.randomUUID(), List.of(LOW_BACK_DISCOMFORT), false, T2), decider.fold(history));
        assertThat(second).singleElement().isInstanceOfSatisfying(RecommendationEvent.Recommended.class,
                r -> assertThat(r.routineId()).isEqualTo("glute-and-core-builder"));
        history.addAll(second);
        history.addAll(decider.decide(recommend(UUID.randomUUID(), List.of(RED_FLAG_SEEK_CLINICIAN), true,
                T2.plusSeconds(60)), decider.fold(history)));
        List<RecommendationEvent> afterClearance = decider.decide(
                recommend(UUID.randomUUID(), List.of(LOW_BACK_DISCOMFORT), false, T2.plusSeconds(120)), decider.fold(history));
        assertThat(afterClearance).singleElement().isInstanceOfSatisfying(RecommendationEvent.Recommended.class,
                r -> assertThat(r.routineId()).isEqualTo("desk-day-lower-back"));
    }
}
