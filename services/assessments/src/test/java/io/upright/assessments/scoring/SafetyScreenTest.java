package io.upright.assessments.scoring;

import io.upright.assessments.AnswerSets;
import io.upright.assessments.template.AnswerType;
import io.upright.assessments.template.ChecklistTemplate;
import io.upright.assessments.template.Question;
import io.upright.assessments.template.TemplateLibrary;
import io.upright.contracts.assessments.Precautions;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The version 3 safety screen: three urgency levels and the precautions, scored from yes/no answers. */
class SafetyScreenTest {

    private static final TemplateLibrary LIBRARY = TemplateLibrary.load(
            name -> SafetyScreenTest.class.getClassLoader().getResourceAsStream("templates/" + name));

    @Test
    void no_yes_answer_means_no_urgency_and_no_precautions() {
        SafetyScreen.Screen screen = SafetyScreen.screen(AnswerSets.healthy());
        assertThat(screen.urgency()).isEqualTo(Urgency.NONE);
        assertThat(screen.clinicalReview()).isFalse();
        assertThat(screen.precautions()).isEmpty();
        assertThat(Urgency.NONE.advice()).isNull();
    }

    @Test
    void each_cauda_equina_sign_alone_is_an_emergency_that_asks_for_clinical_review() {
        for (String sign : SafetyScreen.EMERGENCY_SIGNS) {
            Map<String, Object> answers = AnswerSets.healthy();
            answers.put(sign, true);
            SafetyScreen.Screen screen = SafetyScreen.screen(answers);
            assertThat(screen.urgency()).as(sign).isEqualTo(Urgency.EMERGENCY);
            assertThat(screen.clinicalReview()).as(sign).isTrue();
            assertThat(WorkstationBasicsScoring.score(answers).findingCodes()).as(sign)
                    .containsExactly("RED_FLAG_SEEK_CLINICIAN");
        }
        assertThat(Urgency.EMERGENCY.advice()).contains("emergency").contains("today").contains("Do not do any exercise");
    }

    @Test
    void each_other_warning_sign_alone_means_see_a_clinician_first() {
        for (String sign : SafetyScreen.SEE_CLINICIAN_FIRST_SIGNS) {
            Map<String, Object> answers = AnswerSets.rosaActNow();
            answers.put(sign, true);
            SafetyScreen.Screen screen = SafetyScreen.screen(answers);
            assertThat(screen.urgency()).as(sign).isEqualTo(Urgency.SEE_CLINICIAN_FIRST);
            RosaScoring.Result rosa = RosaScoring.score(answers, 3);
            assertThat(rosa.clinicalReview()).as(sign).isTrue();
            assertThat(rosa.findingCodes()).as(sign).first().isEqualTo("RED_FLAG_SEEK_CLINICIAN");
            assertThat(rosa.finalScore()).as("a sign never changes the ROSA score").isEqualTo(5);
        }
        assertThat(SafetyScreen.SEE_CLINICIAN_FIRST_SIGNS).containsAll(RedFlags.QUESTIONS)
                .contains("feverWithBackPain", "unexplainedWeightLoss", "historyOfCancer", "weakenedImmuneSystem",
                        "osteoporosisOrLongTermSteroids");
        assertThat(Urgency.SEE_CLINICIAN_FIRST.advice()).contains("clinician").contains("before you exercise");
    }

    @Test
    void an_emergency_sign_outranks_a_see_a_clinician_sign() {
        Map<String, Object> answers = AnswerSets.healthy();
        answers.put("painAtNightOrAtRest", true);
        answers.put("symptomsInBothLegs", true);
        assertThat(SafetyScreen.screen(answers).urgency()).isEqualTo(Urgency.EMERGENCY);
    }

    @Test
    void each_precaution_question_raises_its_code_without_pausing_exercise() {
        Map<String, String> expected = Map.of(
                "takesBloodThinners", Precautions.ANTICOAGULANTS,
                "legPainWhenWalkingEasedBySitting", Precautions.STENOSIS_SYMPTOMS,
                "surgeryInLastSixMonths", Precautions.RECENT_SURGERY,
                "pregnant", Precautions.PREGNANCY);
        expected.forEach((question, code) -> {
            Map<String, Object> answers = AnswerSets.healthy();
            answers.put(question, true);
            SafetyScreen.Screen screen = SafetyScreen.screen(answers);
            assertThat(screen.precautions()).as(question).containsExactly(code);
            assertThat(screen.urgency()).as(question).isEqualTo(Urgency.NONE);
            assertThat(WorkstationBasicsScoring.score(answers).clinicalReview()).as(question).isFalse();
        });
    }

    @Test
    void osteoporosis_or_long_term_steroids_is_a_precaution_and_a_reason_to_see_a_clinician_first() {
        Map<String, Object> answers = AnswerSets.healthy();
        answers.put("osteoporosisOrLongTermSteroids", true);
        SafetyScreen.Screen screen = SafetyScreen.screen(answers);
        assertThat(screen.precautions()).containsExactly(Precautions.OSTEOPOROSIS);
        assertThat(screen.urgency()).isEqualTo(Urgency.SEE_CLINICIAN_FIRST);
    }

    @Test
    void every_precaution_at_once_is_listed_once_each_in_a_stable_order() {
        Map<String, Object> answers = AnswerSets.healthy();
        SafetyScreen.PRECAUTION_QUESTIONS.keySet().forEach(q -> answers.put(q, true));
        assertThat(SafetyScreen.screen(answers).precautions()).containsExactly(Precautions.ANTICOAGULANTS,
                Precautions.STENOSIS_SYMPTOMS, Precautions.RECENT_SURGERY, Precautions.PREGNANCY,
                Precautions.OSTEOPOROSIS);
        assertThat(SafetyScreen.PRECAUTION_QUESTIONS.values()).containsExactlyInAnyOrderElementsOf(Precautions.ALL);
    }

    @Test
    void version_2_answers_screen_as_before_a_red_flag_means_see_a_clinician_and_no_precaution() {
        for (String flag : RedFlags.QUESTIONS) {
            Map<String, Object> answers = AnswerSets.healthyV2();
            answers.put(flag, true);
            assertThat(SafetyScreen.screen(answers).urgency()).as(flag).isEqualTo(Urgency.SEE_CLINICIAN_FIRST);
            assertThat(SafetyScreen.screen(answers).precautions()).as(flag).isEmpty();
        }
    }

    @Test
    void both_version_3_templates_ask_the_whole_screen_as_yes_no_questions_and_mark_exactly_the_urgency_signs() {
        for (String id : new String[] {"rosa", "workstation-basics"}) {
            ChecklistTemplate v3 = LIBRARY.version(id, 3).orElseThrow();
            ChecklistTemplate v2 = LIBRARY.version(id, 2).orElseThrow();
            assertThat(v3.method()).isEqualTo(v2.method());
            // v3 asks every v2 question the same way, then adds the screen
            assertThat(v3.questions().subList(0, v2.questions().size())).as(id).isEqualTo(v2.questions());
            assertThat(v3.questions()).filteredOn(Question::isRedFlag).extracting(Question::id).as(id)
                    .containsExactlyInAnyOrderElementsOf(SafetyScreen.URGENCY_QUESTIONS);
            for (String precaution : SafetyScreen.PRECAUTION_QUESTIONS.keySet()) {
                Question q = v3.question(precaution).orElseThrow();
                assertThat(q.answerType()).isEqualTo(AnswerType.BOOLEAN);
                assertThat(q.help()).as(precaution).isNotBlank();
            }
            assertThat(v3.questions()).filteredOn(q -> q.section().equals("precautions")).noneMatch(Question::isRedFlag);
            assertThat(v3.incomplete(id.equals("rosa") ? AnswerSets.rosaNeutralV2() : AnswerSets.healthyV2()))
                    .hasSize(AnswerSets.V3_SCREEN.length);
        }
    }
}
