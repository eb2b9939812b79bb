package io.upright.assessments.assessment;

import io.upright.assessments.template.ChecklistTemplate;
import io.upright.assessments.AnswerSets;
import io.upright.platform.domain.FieldError;
import io.upright.platform.domain.Rejection;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AssessmentDeciderTest {

    private static final Instant NOW = Instant.parse("2026-11-25T09:00:00Z");
    private static final io.upright.assessments.template.TemplateLibrary LIBRARY = io.upright.assessments.template.TemplateLibrary.load(
            name -> AssessmentDeciderTest.class.getClassLoader().getResourceAsStream("templates/" + name));
    private static final ChecklistTemplate TEMPLATE = LIBRARY.latest("workstation-basics").orElseThrow();

    private final AssessmentDecider decider = new AssessmentDecider(LIBRARY::version);
    private final UUID id = UUID.randomUUID();
    private final UUID owner = UUID.randomUUID();

    private AssessmentDecider.Assessment started() {
        return decider.fold(decider.decide(new AssessmentDecider.Start(id, owner, TEMPLATE, NOW), decider.initialState()));
    }

    private AssessmentDecider.Assessment with(AssessmentDecider.Assessment state, List<AssessmentEvent> events) {
        for (AssessmentEvent e : events) {
            state = decider.evolve(state, e);
        }
        return state;
    }

    @Test
    void starting_records_the_owner_and_the_template_version() {
        AssessmentDecider.Assessment state = started();
        assertThat(state.employeeId()).isEqualTo(owner);
        assertThat(state.templateVersion()).isEqualTo(3);
        assertThat(state.status()).isEqualTo(AssessmentDecider.Status.IN_PROGRESS);
    }

    @Test
    void saved_answers_are_merged_and_a_later_value_wins() {
        AssessmentDecider.Assessment state = started();
        state = with(state, decider.decide(new AssessmentDecider.SaveAnswers(id, owner,
                Map.of("feetFlatOnFloor", true, "hoursSittingPerDay", 5), NOW), state));
        state = with(state, decider.decide(new AssessmentDecider.SaveAnswers(id, owner,
                Map.of("hoursSittingPerDay", 9), NOW), state));
        assertThat(state.answers()).containsOnly(Map.entry("feetFlatOnFloor", true), Map.entry("hoursSittingPerDay", 9));
    }

    @Test
    void an_invalid_save_names_each_offending_answer_and_saves_nothing() {
        AssessmentDecider.Assessment state = started();
        assertThatThrownBy(() -> decider.decide(new AssessmentDecider.SaveAnswers(id, owner,
                Map.of("hoursSittingPerDay", 30, "favouriteColour", "blue", "feetFlatOnFloor", true), NOW), state))
                .isInstanceOfSatisfying(Rejection.class, e -> assertThat(e.errors())
                        .extracting(FieldError::field).containsExactly("answers.favouriteColour", "answers.hoursSittingPerDay"));
    }

    @Test
    void submitting_an_incomplete_assessment_lists_every_missing_answer() {
        AssessmentDecider.Assessment state = started();
        AssessmentDecider.Assessment partly = with(state, decider.decide(new AssessmentDecider.SaveAnswers(id, owner,
                Map.of("feetFlatOnFloor", true), NOW), state));
        assertThatThrownBy(() -> decider.decide(new AssessmentDecider.Submit(id, owner, NOW), partly))
                .isInstanceOfSatisfying(Rejection.class, e -> {
                    assertThat(e.reason()).isEqualTo(Rejection.Reason.INVALID);
                    assertThat(e.errors()).hasSize(28).extracting(FieldError::field)
                            .contains("answers.chairType", "answers.legNumbnessOrTingling")
                            .doesNotContain("answers.feetFlatOnFloor");
                });
    }

    @Test
    void a_complete_submission_is_scored_once_and_a_second_is_a_conflict() {
        AssessmentDecider.Assessment state = started();
        Map<String, Object> answers = AnswerSets.healthy();
        answers.put("legNumbnessOrTingling", true);
        answers.put("screenAtEyeLevel", false);
        state = with(state, decider.decide(new AssessmentDecider.SaveAnswers(id, owner, answers, NOW), state));

        List<AssessmentEvent> events = decider.decide(new AssessmentDecider.Submit(id, owner, NOW), state);
        assertThat(events).singleElement().isInstanceOfSatisfying(AssessmentEvent.Submitted.class, s -> {
            assertThat(s.findingCodes()).containsExactly("RED_FLAG_SEEK_CLINICIAN", "MONITOR_TOO_LOW");
            assertThat(s.clinicalReview()).isTrue();
            assertThat(s.score()).isEqualTo(2);
            assertThat(s.riskLevel()).isEqualTo("LOW");
            assertThat(s.method()).isEqualTo("WORKSTATION_BASICS");
        });
        AssessmentDecider.Assessment submitted = with(state, events);

        assertThatThrownBy(() -> decider.decide(new AssessmentDecider.Submit(id, owner, NOW), submitted))
                .isInstanceOfSatisfying(Rejection.class, e -> assertThat(e.reason()).isEqualTo(Rejection.Reason.CONFLICT));
        assertThatThrownBy(() -> decider.decide(new AssessmentDecider.SaveAnswers(id, owner, Map.of("feetFlatOnFloor", false), NOW), submitted))
                .isInstanceOfSatisfying(Rejection.class, e -> assertThat(e.reason()).isEqualTo(Rejection.Reason.CONFLICT));
    }

    @Test
    void another_employee_is_told_the_assessment_does_not_exist() {
        AssessmentDecider.Assessment state = started();
        UUID stranger = UUID.randomUUID();
        assertThatThrownBy(() -> decider.decide(new AssessmentDecider.SaveAnswers(id, stranger, Map.of("feetFlatOnFloor", true), NOW), state))
                .isInstanceOfSatisfying(Rejection.class, e -> assertThat(e.reason()).isEqualTo(Rejection.Reason.NOT_FOUND));
        assertThatThrownBy(() -> decider.decide(new AssessmentDecider.Submit(id, owner, NOW), decider.initialState()))
                .isInstanceOfSatisfying(Rejection.class, e -> assertThat(e.reason()).isEqualTo(Rejection.Reason.NOT_FOUND));
    }

    @Test
    void an_empty_save_is_rejected() {
        AssessmentDecider.Assessment state = started();
        assertThatThrownBy(() -> decider.decide(new AssessmentDecider.SaveAnswers(id, owner, Map.of(), NOW), state))
                .isInstanceOfSatisfying(Rejection.class, e -> assertThat(e.errors())
                        .extracting(FieldError::field).containsExactly("answers"));
    }

    @Test
    void an_assessment_started_on_version_1_is_validated_and_scored_against_version_1() {
        ChecklistTemplate v1 = LIBRARY.version("workstation-basics", 1).orElseThrow();
        AssessmentDecider.Assessment state = decider.fold(decider.decide(new AssessmentDecider.Start(id, owner, v1, NOW),
                decider.initialState()));
        assertThat(state.templateVersion()).isEqualTo(1);
        // a question only version 2 asks is unknown to this assessment
        assertThatThrownBy(() -> decider.decide(new AssessmentDecider.SaveAnswers(id, owner,
                Map.of("painRadiatesDownLeg", true), NOW), state))
                .isInstanceOfSatisfying(Rejection.class, e -> assertThat(e.errors())
                        .extracting(FieldError::field).containsExactly("answers.painRadiatesDownLeg"));
        // the v1 answers are complete without the v2 safety questions, and v1's own red flag still counts
        Map<String, Object> answers = AnswerSets.healthyV1();
        answers.put("legNumbnessOrTingling", true);
        AssessmentDecider.Assessment answered = with(state, decider.decide(
                new AssessmentDecider.SaveAnswers(id, owner, answers, NOW), state));
        assertThat(decider.decide(new AssessmentDecider.Submit(id, owner, NOW), answered)).singleElement()
                .isInstanceOfSatisfying(AssessmentEvent.Submitted.class, s -> {
                    assertThat(s.clinicalReview()).isTrue();
                    assertThat(s.findingCodes()).containsExactly("RED_FLAG_SEEK_CLINICIAN");
                    assertThat(s.delta()).isNull();
                });
    }

    @Test
    void each_red_flag_of_the_version_2_safety_screen_asks_for_clinical_review_without_adding_points() {
        for (String flag : io.upright.assessments.scoring.RedFlags.QUESTIONS) {
            AssessmentDecider.Assessment state = started();
            Map<String, Object> answers = AnswerSets.healthy();
            answers.put(flag, true);
            AssessmentDecider.Assessment answered = with(state, decider.decide(
                    new AssessmentDecider.SaveAnswers(id, owner, answers, NOW), state));
            assertThat(decider.decide(new AssessmentDecider.Submit(id, owner, NOW), answered)).singleElement()
                    .isInstanceOfSatisfying(AssessmentEvent.Submitted.class, s -> {
                        assertThat(s.clinicalReview()).as(flag).isTrue();
                        assertThat(s.findingCodes()).as(flag).containsExactly("RED_FLAG_SEEK_CLINICIAN");
                        assertThat(s.score()).as(flag).isZero();
                        assertThat(s.riskLevel()).as(flag).isEqualTo("LOW");
                    });
        }
    }

    @Test
    void a_re_assessment_is_scored_per_section_and_compared_with_the_previous_result() {
        UUID previousId = UUID.randomUUID();
        Instant march = Instant.parse("2026-03-02T10:00:00Z");
        // previous: monitor too low (setup 2), prolonged sitting + rare breaks (habits 5), no discomfort
        ReassessmentDelta.Outcome previous = new ReassessmentDelta.Outcome(previousId, 1, march, 7, "MODERATE",
                Map.of("setup", 2, "habits", 5, "comfort", 0),
                List.of("MONITOR_TOO_LOW", "PROLONGED_SITTING", "INFREQUENT_BREAKS"));
        AssessmentDecider.Assessment state = started();
        Map<String, Object> answers = AnswerSets.healthy();
        answers.put("screenAtEyeLevel", false);
        answers.put("standingDeskAvailable", false);
        state = with(state, decider.decide(new AssessmentDecider.SaveAnswers(id, owner, answers, NOW), state));

        List<AssessmentEvent> events = decider.decide(new AssessmentDecider.Submit(id, owner, NOW, previous), state);

        assertThat(events).singleElement().isInstanceOfSatisfying(AssessmentEvent.Submitted.class, s -> {
            assertThat(s.score()).isEqualTo(3);
            assertThat(s.sectionScores()).containsExactly(Map.entry("setup", 3), Map.entry("habits", 0), Map.entry("comfort", 0));
            assertThat(s.delta().previousAssessmentId()).isEqualTo(previousId);
            assertThat(s.delta().scoreChange()).isEqualTo(-4);
            assertThat(s.delta().sections()).extracting(ReassessmentDelta.SectionChange::change).containsExactly(1, -5, 0);
            assertThat(s.delta().resolvedFindings()).containsExactly("PROLONGED_SITTING", "INFREQUENT_BREAKS");
            assertThat(s.delta().newFindings()).containsExactly("NO_STANDING_DESK");
        });
    }
}
