package io.upright.assessments.assessment;

import io.upright.assessments.template.ChecklistTemplate;
import io.upright.assessments.AnswerSets;
import io.upright.platform.problem.FieldError;
import io.upright.platform.problem.ProblemException;
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
    private static final ChecklistTemplate TEMPLATE = io.upright.assessments.template.TemplateLibrary.load(
            name -> AssessmentDeciderTest.class.getClassLoader().getResourceAsStream("templates/" + name))
            .latest("workstation-basics").orElseThrow();

    private final AssessmentDecider decider = new AssessmentDecider(
            (id, version) -> id.equals(TEMPLATE.id()) && version == TEMPLATE.version() ? Optional.of(TEMPLATE) : Optional.empty());
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
        assertThat(state.templateVersion()).isEqualTo(1);
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
                .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.toProblem().errors())
                        .extracting(FieldError::field).containsExactly("answers.favouriteColour", "answers.hoursSittingPerDay"));
    }

    @Test
    void submitting_an_incomplete_assessment_lists_every_missing_answer() {
        AssessmentDecider.Assessment state = started();
        AssessmentDecider.Assessment partly = with(state, decider.decide(new AssessmentDecider.SaveAnswers(id, owner,
                Map.of("feetFlatOnFloor", true), NOW), state));
        assertThatThrownBy(() -> decider.decide(new AssessmentDecider.Submit(id, owner, NOW), partly))
                .isInstanceOfSatisfying(ProblemException.class, e -> {
                    assertThat(e.status()).isEqualTo(400);
                    assertThat(e.toProblem().errors()).hasSize(11).extracting(FieldError::field)
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
                .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.status()).isEqualTo(409));
        assertThatThrownBy(() -> decider.decide(new AssessmentDecider.SaveAnswers(id, owner, Map.of("feetFlatOnFloor", false), NOW), submitted))
                .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.status()).isEqualTo(409));
    }

    @Test
    void another_employee_is_told_the_assessment_does_not_exist() {
        AssessmentDecider.Assessment state = started();
        UUID stranger = UUID.randomUUID();
        assertThatThrownBy(() -> decider.decide(new AssessmentDecider.SaveAnswers(id, stranger, Map.of("feetFlatOnFloor", true), NOW), state))
                .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.status()).isEqualTo(404));
        assertThatThrownBy(() -> decider.decide(new AssessmentDecider.Submit(id, owner, NOW), decider.initialState()))
                .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.status()).isEqualTo(404));
    }

    @Test
    void an_empty_save_is_rejected() {
        AssessmentDecider.Assessment state = started();
        assertThatThrownBy(() -> decider.decide(new AssessmentDecider.SaveAnswers(id, owner, Map.of(), NOW), state))
                .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.toProblem().errors())
                        .extracting(FieldError::field).containsExactly("answers"));
    }
}
