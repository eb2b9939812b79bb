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
            assertThat(r.durationMinutes()).isEqualTo(9);
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

    private RecommendationDecider.Recommend recommend(UUID assessment, String method, List<String> codes, boolean review,
                                                     Instant at) {
        return new RecommendationDecider.Recommend(UUID.randomUUID(), employee, assessment, method,
                new Evidence(codes, List.of(), review), at, at, TestCatalogue.V1, ProgressionPolicy.Step.STAY);
    }

    private RecommendationDecider.LiftPause lift(UUID clearance, UUID assessment, Evidence evidence) {
        return new RecommendationDecider.LiftPause(UUID.randomUUID(), employee, clearance, assessment, evidence, T2,
                TestCatalogue.V1);
    }

    @Test
    void without_shown_tolerance_a_repeat_keeps_the_routine_and_rising_discomfort_steps_back() {
        List<RecommendationEvent> history = new ArrayList<>(decider.decide(
                recommend(UUID.randomUUID(), List.of(LOW_BACK_DISCOMFORT), false, T1), decider.initialState()));
        history.addAll(decider.decide(recommend(UUID.randomUUID(), List.of(LOW_BACK_DISCOMFORT), false, T2),
                decider.fold(history)));
        var onBuilder = decider.fold(history);
        assertThat(onBuilder.current().routineId()).isEqualTo("glute-and-core-builder");
        assertThat(decider.decide(recommend(UUID.randomUUID(), "WORKSTATION_BASICS", List.of(LOW_BACK_DISCOMFORT), false,
                T2.plusSeconds(60)), onBuilder)).singleElement().isInstanceOfSatisfying(RecommendationEvent.Recommended.class,
                r -> assertThat(r.routineId()).as("same day, nothing logged: stays").isEqualTo("glute-and-core-builder"));
        var stepBack = new RecommendationDecider.Recommend(UUID.randomUUID(), employee, UUID.randomUUID(),
                "WORKSTATION_BASICS", new Evidence(List.of(LOW_BACK_DISCOMFORT), List.of(), false), T2.plusSeconds(120),
                T2.plusSeconds(120), TestCatalogue.V1, ProgressionPolicy.Step.STEP_BACK);
        assertThat(decider.decide(stepBack, onBuilder)).singleElement().isInstanceOfSatisfying(
                RecommendationEvent.Recommended.class, r -> assertThat(r.routineId()).isEqualTo("desk-day-lower-back"));
    }

    @Test
    void reconsidering_after_a_session_moves_only_when_the_routine_changes() {
        var state = decider.fold(decider.decide(recommend(UUID.randomUUID(), List.of(LOW_BACK_DISCOMFORT), false, T1),
                decider.initialState()));
        Evidence back = new Evidence(List.of(LOW_BACK_DISCOMFORT), List.of(), false);
        assertThat(decider.decide(new RecommendationDecider.Reconsider(UUID.randomUUID(), employee, back,
                ProgressionPolicy.Step.ADVANCE, T2, TestCatalogue.V1), state)).singleElement()
                .isInstanceOfSatisfying(RecommendationEvent.Recommended.class, r -> {
                    assertThat(r.routineId()).isEqualTo("glute-and-core-builder");
                    assertThat(r.assessmentId()).isEqualTo(state.current().assessmentId());
                });
        assertThat(decider.decide(new RecommendationDecider.Reconsider(UUID.randomUUID(), employee, back,
                ProgressionPolicy.Step.STEP_BACK, T2, TestCatalogue.V1), state)).as("already at the start").isEmpty();
        var paused = decider.fold(decider.decide(recommend(UUID.randomUUID(), List.of(RED_FLAG_SEEK_CLINICIAN), true, T1),
                decider.initialState()));
        assertThat(decider.decide(new RecommendationDecider.Reconsider(UUID.randomUUID(), employee, back,
                ProgressionPolicy.Step.ADVANCE, T2, TestCatalogue.V1), paused)).isEmpty();
    }

    @Test
    void an_older_result_of_another_method_still_counts_but_an_older_result_of_the_same_method_does_not() {
        var state = decider.fold(decider.decide(recommend(UUID.randomUUID(), "WORKSTATION_BASICS",
                List.of(LOW_BACK_DISCOMFORT), false, T2), decider.initialState()));
        assertThat(decider.decide(recommend(UUID.randomUUID(), "ROSA", List.of(MONITOR_TOO_LOW), false, T1), state)).hasSize(1);
        assertThat(decider.decide(recommend(UUID.randomUUID(), "WORKSTATION_BASICS", List.of(), false, T1), state)).isEmpty();
    }

    @Test
    void a_clearance_lifts_the_pause_once_and_recommends_from_the_stored_findings() {
        UUID assessment = UUID.randomUUID();
        UUID clearance = UUID.randomUUID();
        List<RecommendationEvent> history = new ArrayList<>(decider.decide(recommend(assessment, "WORKSTATION_BASICS",
                List.of(RED_FLAG_SEEK_CLINICIAN, LOW_BACK_DISCOMFORT), true, T1), decider.initialState()));
        Evidence cleared = new Evidence(List.of(RED_FLAG_SEEK_CLINICIAN, LOW_BACK_DISCOMFORT),
                List.of(io.upright.contracts.assessments.Precautions.STENOSIS_SYMPTOMS), false);
        List<RecommendationEvent> lifted = decider.decide(lift(clearance, assessment, cleared), decider.fold(history));
        assertThat(lifted).singleElement().isInstanceOfSatisfying(RecommendationEvent.Recommended.class, r -> {
            assertThat(r.withheldForClinicalReview()).isFalse();
            assertThat(r.clearanceId()).isEqualTo(clearance);
            assertThat(r.assessmentId()).isEqualTo(assessment);
            assertThat(r.routineId()).as("precautions still apply after clearance").isEqualTo("desk-mobility-break");
            assertThat(r.replacedRoutineId()).isEqualTo("desk-day-lower-back");
            assertThat(r.microBreakIds()).hasSizeBetween(2, 4);
        });
        history.addAll(lifted);
        assertThat(decider.decide(lift(clearance, assessment, cleared), decider.fold(history))).as("redelivered").isEmpty();
        assertThat(decider.decide(lift(UUID.randomUUID(), assessment, cleared), decider.fold(history)))
                .as("nothing paused any more").isEmpty();
    }

    @Test
    void a_clearance_while_another_method_still_asks_for_review_or_before_any_result_changes_nothing() {
        assertThat(decider.decide(lift(UUID.randomUUID(), UUID.randomUUID(), Evidence.NONE), decider.initialState())).isEmpty();
        var paused = decider.fold(decider.decide(recommend(UUID.randomUUID(), "ROSA", List.of(RED_FLAG_SEEK_CLINICIAN),
                true, T1), decider.initialState()));
        assertThat(decider.decide(lift(UUID.randomUUID(), UUID.randomUUID(),
                new Evidence(List.of(RED_FLAG_SEEK_CLINICIAN), List.of(), true)), paused)).isEmpty();
    }
}
