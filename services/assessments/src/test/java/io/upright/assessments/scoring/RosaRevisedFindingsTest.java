package io.upright.assessments.scoring;

import io.upright.assessments.AnswerSets;
import io.upright.assessments.template.TemplateLibrary;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The findings rosa v3 adds: BACKREST_SETUP for the back-support "+1"s and the shared PROLONGED_SITTING for a chair
 * used over 4 h a day; versions 1 and 2 keep the findings they were published with.
 */
class RosaRevisedFindingsTest {

    private static final TemplateLibrary LIBRARY = TemplateLibrary.load(
            name -> RosaRevisedFindingsTest.class.getClassLoader().getResourceAsStream("templates/" + name));

    @Test
    void a_backrest_that_cannot_be_adjusted_is_a_backrest_finding_from_v3_even_with_a_neutral_back_posture() {
        Map<String, Object> answers = AnswerSets.rosaNeutral();
        answers.put("backSupportNotAdjustable", true);
        RosaScoring.Result result = RosaScoring.score(answers, 3);
        assertThat(result.findings()).containsExactly(RosaFinding.BACKREST_SETUP);
        assertThat(result.findingCodes()).containsExactly("BACKREST_SETUP");
        assertThat(RosaScoring.score(answers, 2).findings()).as("v2 as published").isEmpty();
    }

    @Test
    void a_desk_so_high_the_shoulders_rise_is_a_backrest_finding_next_to_the_lumbar_one() {
        Map<String, Object> answers = AnswerSets.rosaNeutral();
        answers.put("backSupport", "upright-under-95");
        answers.put("workSurfaceTooHigh", true);
        assertThat(RosaScoring.score(answers, 3).findings())
                .containsExactly(RosaFinding.NO_LUMBAR_SUPPORT, RosaFinding.BACKREST_SETUP);
        answers.put("workSurfaceTooHigh", false);
        assertThat(RosaScoring.score(answers, 3).findings()).containsExactly(RosaFinding.NO_LUMBAR_SUPPORT);
    }

    @Test
    void a_chair_used_over_4_hours_a_day_carries_the_shared_prolonged_sitting_code_from_v3_only() {
        Map<String, Object> answers = AnswerSets.rosaNeutral();
        answers.put("chairDuration", "over-4h");
        assertThat(RosaScoring.score(answers, 3).findingCodes()).containsExactly("PROLONGED_SITTING");
        assertThat(RosaScoring.score(answers, 2).findingCodes()).isEmpty();
        assertThat(RosaScoring.score(answers, 3).finalScore()).as("a finding never changes the score")
                .isEqualTo(RosaScoring.score(answers, 2).finalScore());
        for (String shorter : new String[] {"1-4h", "under-1h"}) {
            answers.put("chairDuration", shorter);
            assertThat(RosaScoring.score(answers, 3).findingCodes()).as(shorter).isEmpty();
        }
    }

    @Test
    void the_act_now_case_on_v3_adds_prolonged_sitting_after_the_rosa_findings_and_keeps_its_score() {
        RosaScoring.Result v3 = RosaScoring.score(AnswerSets.rosaActNow(), 3);
        RosaScoring.Result v2 = RosaScoring.score(AnswerSets.rosaActNowV2(), 2);
        assertThat(v3.finalScore()).isEqualTo(v2.finalScore()).isEqualTo(5);
        assertThat(v3.findingCodes()).containsExactly("ROSA_ACT_NOW", "CHAIR_SEAT_HEIGHT", "CHAIR_PAN_DEPTH",
                "CHAIR_ARMRESTS", "NO_LUMBAR_SUPPORT", "MONITOR_POSITION", "TELEPHONE_POSTURE", "MOUSE_POSITION",
                "PROLONGED_SITTING");
        assertThat(v2.findingCodes()).containsExactly("ROSA_ACT_NOW", "CHAIR_SEAT_HEIGHT", "CHAIR_PAN_DEPTH",
                "CHAIR_ARMRESTS", "NO_LUMBAR_SUPPORT", "MONITOR_POSITION", "TELEPHONE_POSTURE", "MOUSE_POSITION");
    }

    @Test
    void on_random_complete_v3_answer_sets_the_revised_findings_never_change_the_score_and_only_add_the_two_codes() {
        java.util.Random random = new java.util.Random(0x5057_4f53_33L); // fixed: the same cases on every run
        io.upright.assessments.template.ChecklistTemplate v3 = LIBRARY.version("rosa", 3).orElseThrow();
        for (int i = 0; i < 500; i++) {
            Map<String, Object> answers = new java.util.HashMap<>();
            for (io.upright.assessments.template.Question q : v3.questions()) {
                answers.put(q.id(), q.allowedValues() == null ? random.nextBoolean()
                        : q.allowedValues().get(random.nextInt(q.allowedValues().size())).value());
            }
            RosaScoring.Result revised = RosaScoring.score(answers, 3);
            RosaScoring.Result published = RosaScoring.score(answers, 2);
            assertThat(revised.finalScore()).as("set %d %s", i, answers).isEqualTo(published.finalScore());
            assertThat(revised.sectionScores()).as("set %d", i).isEqualTo(published.sectionScores());
            java.util.List<String> added = new java.util.ArrayList<>(revised.findingCodes());
            added.removeAll(published.findingCodes());
            assertThat(added).as("set %d", i).isSubsetOf("BACKREST_SETUP", "PROLONGED_SITTING");
            assertThat(published.findingCodes()).as("set %d", i).isSubsetOf(revised.findingCodes());
        }
    }

    @Test
    void the_backrest_finding_explains_and_advises_in_plain_words() {
        assertThat(RosaFinding.BACKREST_SETUP.explanation()).contains("backrest").contains("desk");
        assertThat(RosaFinding.BACKREST_SETUP.action()).contains("shoulders");
    }

    @Test
    void rosa_v3_tells_the_employee_that_self_assessment_under_scores_and_5_asks_for_an_ergonomist() {
        String description = LIBRARY.version("rosa", 3).orElseThrow().description();
        assertThat(description).contains("Sonne & Andrews 2012").contains("lower than an ergonomist")
                .contains("5 or more").contains("review by an ergonomist");
        assertThat(RosaFinding.ROSA_ACT_NOW.action()).contains("ergonomist");
    }
}
