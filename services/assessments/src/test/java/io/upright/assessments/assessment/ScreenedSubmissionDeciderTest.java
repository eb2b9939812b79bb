package io.upright.assessments.assessment;

import io.upright.assessments.AnswerSets;
import io.upright.assessments.scoring.Urgency;
import io.upright.assessments.template.ChecklistTemplate;
import io.upright.assessments.template.TemplateLibrary;
import io.upright.contracts.assessments.Precautions;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** What a submission stores from the safety screen: clinicalReview and precautions, never the urgency. */
class ScreenedSubmissionDeciderTest {

    private static final Instant NOW = Instant.parse("2026-12-05T09:00:00Z");
    private static final TemplateLibrary LIBRARY = TemplateLibrary.load(
            name -> ScreenedSubmissionDeciderTest.class.getClassLoader().getResourceAsStream("templates/" + name));

    private final AssessmentDecider decider = new AssessmentDecider(LIBRARY::version);
    private final UUID id = UUID.randomUUID();
    private final UUID owner = UUID.randomUUID();

    private AssessmentDecider.Assessment submitted(String templateId, int version, Map<String, Object> answers) {
        ChecklistTemplate template = LIBRARY.version(templateId, version).orElseThrow();
        AssessmentDecider.Assessment state = decider.fold(decider.decide(
                new AssessmentDecider.Start(id, owner, template, NOW), decider.initialState()));
        for (AssessmentEvent e : decider.decide(new AssessmentDecider.SaveAnswers(id, owner, answers, NOW), state)) {
            state = decider.evolve(state, e);
        }
        for (AssessmentEvent e : decider.decide(new AssessmentDecider.Submit(id, owner, NOW), state)) {
            state = decider.evolve(state, e);
        }
        return state;
    }

    @Test
    void an_emergency_answer_stores_clinical_review_and_the_red_flag_code_and_the_owner_s_view_shows_the_urgency() {
        Map<String, Object> answers = AnswerSets.healthy();
        answers.put("saddleNumbness", true);
        AssessmentDecider.Assessment state = submitted("workstation-basics", 3, answers);
        assertThat(state.result().clinicalReview()).isTrue();
        assertThat(state.result().findingCodes()).containsExactly("RED_FLAG_SEEK_CLINICIAN");
        assertThat(state.result().precautions()).isEmpty();
        AssessmentViews.ResultView view = AssessmentViews.AssessmentView.of(state).result();
        assertThat(view.urgency()).isEqualTo("EMERGENCY");
        assertThat(view.urgencyAdvice()).isEqualTo(Urgency.EMERGENCY.advice());
        assertThat(view.clinicianAdvice()).isEqualTo(Urgency.EMERGENCY.advice());
    }

    @Test
    void precautions_are_stored_with_the_result_and_do_not_ask_for_clinical_review() {
        Map<String, Object> answers = AnswerSets.rosaNeutral();
        answers.put("takesBloodThinners", true);
        answers.put("legPainWhenWalkingEasedBySitting", true);
        AssessmentDecider.Assessment state = submitted("rosa", 3, answers);
        assertThat(state.result().clinicalReview()).isFalse();
        assertThat(state.result().precautions()).containsExactly(Precautions.ANTICOAGULANTS, Precautions.STENOSIS_SYMPTOMS);
        AssessmentViews.ResultView view = AssessmentViews.AssessmentView.of(state).result();
        assertThat(view.urgency()).isEqualTo("NONE");
        assertThat(view.urgencyAdvice()).isNull();
        assertThat(view.precautions()).containsExactly(Precautions.ANTICOAGULANTS, Precautions.STENOSIS_SYMPTOMS);
    }

    @Test
    void a_version_2_submission_scores_exactly_as_before_with_no_precautions_and_see_a_clinician_for_a_red_flag() {
        Map<String, Object> answers = AnswerSets.rosaActNowV2();
        answers.put("painAtNightOrAtRest", true);
        AssessmentDecider.Assessment state = submitted("rosa", 2, answers);
        assertThat(state.result().score()).isEqualTo(5);
        assertThat(state.result().findingCodes()).containsExactly("RED_FLAG_SEEK_CLINICIAN", "ROSA_ACT_NOW",
                "CHAIR_SEAT_HEIGHT", "CHAIR_PAN_DEPTH", "CHAIR_ARMRESTS", "NO_LUMBAR_SUPPORT", "MONITOR_POSITION",
                "TELEPHONE_POSTURE", "MOUSE_POSITION");
        assertThat(state.result().precautions()).isEmpty();
        assertThat(AssessmentViews.AssessmentView.of(state).result().urgency()).isEqualTo("SEE_CLINICIAN_FIRST");
    }
}
