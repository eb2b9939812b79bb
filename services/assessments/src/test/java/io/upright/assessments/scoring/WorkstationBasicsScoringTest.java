package io.upright.assessments.scoring;

import io.upright.assessments.AnswerSets;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class WorkstationBasicsScoringTest {

    private static Map<String, Object> healthy() {
        return AnswerSets.healthy();
    }

    @Test
    void a_good_set_up_and_regular_breaks_find_nothing_and_score_low() {
        ScoreResult result = WorkstationBasicsScoring.score(healthy());
        assertThat(result.findings()).isEmpty();
        assertThat(result.score()).isZero();
        assertThat(result.riskLevel()).isEqualTo(RiskLevel.LOW);
        assertThat(result.clinicalReview()).isFalse();
    }

    @Test
    void each_set_up_problem_has_its_own_finding() {
        Map<String, Object> answers = healthy();
        answers.put("screenAtEyeLevel", false);
        answers.put("feetFlatOnFloor", false);
        answers.put("kneesNear90Degrees", false);
        answers.put("backSupported", false);
        answers.put("standingDeskAvailable", false);

        assertThat(WorkstationBasicsScoring.score(answers).findingCodes()).containsExactly(
                "MONITOR_TOO_LOW", "FEET_UNSUPPORTED", "KNEES_NOT_AT_90", "NO_BACK_SUPPORT", "NO_STANDING_DESK");
    }

    @Test
    void kitchen_chairs_stools_and_other_seats_are_not_ergonomic_but_office_chairs_are() {
        for (String chair : new String[]{"kitchen-or-dining", "stool", "other"}) {
            Map<String, Object> answers = healthy();
            answers.put("chairType", chair);
            assertThat(WorkstationBasicsScoring.score(answers).findings()).containsExactly(Finding.NON_ERGONOMIC_CHAIR);
        }
        Map<String, Object> fixed = healthy();
        fixed.put("chairType", "office-fixed");
        assertThat(WorkstationBasicsScoring.score(fixed).findings()).isEmpty();
    }

    @Test
    void six_hours_a_day_or_an_hour_in_one_go_is_prolonged_sitting() {
        Map<String, Object> longDay = healthy();
        longDay.put("hoursSittingPerDay", 6);
        assertThat(WorkstationBasicsScoring.score(longDay).findings()).containsExactly(Finding.PROLONGED_SITTING);

        Map<String, Object> longBout = healthy();
        longBout.put("longestSittingBoutMinutes", 60);
        assertThat(WorkstationBasicsScoring.score(longBout).findings()).containsExactly(Finding.PROLONGED_SITTING);

        Map<String, Object> justUnder = healthy();
        justUnder.put("hoursSittingPerDay", 5);
        justUnder.put("longestSittingBoutMinutes", 59);
        assertThat(WorkstationBasicsScoring.score(justUnder).findings()).isEmpty();
    }

    @Test
    void standing_up_every_two_hours_or_rarely_is_infrequent() {
        for (String frequency : new String[]{"every-2-hours", "rarely"}) {
            Map<String, Object> answers = healthy();
            answers.put("standUpFrequency", frequency);
            assertThat(WorkstationBasicsScoring.score(answers).findings()).containsExactly(Finding.INFREQUENT_BREAKS);
        }
        Map<String, Object> hourly = healthy();
        hourly.put("standUpFrequency", "hourly");
        assertThat(WorkstationBasicsScoring.score(hourly).findings()).isEmpty();
    }

    @Test
    void discomfort_when_walking_points_at_the_hip_flexors_only_after_prolonged_sitting() {
        Map<String, Object> activeButSore = healthy();
        activeButSore.put("discomfortWhenWalkingOrStanding", 5);
        assertThat(WorkstationBasicsScoring.score(activeButSore).findings()).isEmpty();

        Map<String, Object> sitterAndSore = healthy();
        sitterAndSore.put("hoursSittingPerDay", 8);
        sitterAndSore.put("discomfortWhenWalkingOrStanding", 3);
        ScoreResult result = WorkstationBasicsScoring.score(sitterAndSore);
        assertThat(result.findings()).containsExactly(Finding.PROLONGED_SITTING, Finding.HIP_FLEXOR_TIGHTNESS_RISK);
        assertThat(result.riskLevel()).as("prolonged sitting with discomfort is high risk").isEqualTo(RiskLevel.HIGH);
    }

    @Test
    void sitting_discomfort_of_four_or_more_is_low_back_discomfort() {
        Map<String, Object> three = healthy();
        three.put("discomfortWhenSitting", 3);
        assertThat(WorkstationBasicsScoring.score(three).findings()).isEmpty();

        Map<String, Object> four = healthy();
        four.put("discomfortWhenSitting", 4);
        assertThat(WorkstationBasicsScoring.score(four).findings()).containsExactly(Finding.LOW_BACK_DISCOMFORT);
        assertThat(WorkstationBasicsScoring.score(four).riskLevel()).isEqualTo(RiskLevel.LOW);
    }

    @Test
    void the_score_is_the_sum_of_finding_points_and_sets_the_risk_band() {
        Map<String, Object> moderate = healthy();
        moderate.put("screenAtEyeLevel", false);   // 2
        moderate.put("backSupported", false);      // 2
        moderate.put("standingDeskAvailable", false); // 1
        ScoreResult five = WorkstationBasicsScoring.score(moderate);
        assertThat(five.score()).isEqualTo(5);
        assertThat(five.riskLevel()).isEqualTo(RiskLevel.MODERATE);

        Map<String, Object> high = new java.util.HashMap<>(moderate);
        high.put("chairType", "stool");            // 2
        high.put("standUpFrequency", "rarely");    // 2
        high.put("feetFlatOnFloor", false);        // 1
        ScoreResult ten = WorkstationBasicsScoring.score(high);
        assertThat(ten.score()).isEqualTo(10);
        assertThat(ten.riskLevel()).isEqualTo(RiskLevel.HIGH);
    }

    @Test
    void the_red_flag_asks_for_a_clinician_without_adding_points() {
        Map<String, Object> answers = healthy();
        answers.put("legNumbnessOrTingling", true);
        ScoreResult result = WorkstationBasicsScoring.score(answers);
        assertThat(result.clinicalReview()).isTrue();
        assertThat(result.findingCodes()).containsExactly("RED_FLAG_SEEK_CLINICIAN");
        assertThat(result.score()).isZero();
    }

    @Test
    void the_worst_case_reaches_the_maximum_score() {
        Map<String, Object> answers = healthy();
        answers.put("screenAtEyeLevel", false);
        answers.put("feetFlatOnFloor", false);
        answers.put("kneesNear90Degrees", false);
        answers.put("backSupported", false);
        answers.put("chairType", "kitchen-or-dining");
        answers.put("standingDeskAvailable", false);
        answers.put("hoursSittingPerDay", 10);
        answers.put("standUpFrequency", "rarely");
        answers.put("discomfortWhenSitting", 7);
        answers.put("discomfortWhenWalkingOrStanding", 6);
        answers.put("legNumbnessOrTingling", true);
        ScoreResult result = WorkstationBasicsScoring.score(answers);
        assertThat(result.score()).isEqualTo(Finding.maxScore()).isEqualTo(20);
        assertThat(result.findings()).containsExactly(Finding.values());
    }

    @Test
    void every_finding_explains_itself_and_suggests_an_action() {
        for (Finding finding : Finding.values()) {
            assertThat(finding.explanation()).as(finding.code()).isNotBlank();
            assertThat(finding.action()).as(finding.code()).isNotBlank();
        }
    }

    @Test
    void any_single_red_flag_of_the_safety_screen_asks_for_clinical_review_and_changes_no_points() {
        Map<String, Object> poorSetUp = healthy();
        poorSetUp.put("screenAtEyeLevel", false);
        int points = WorkstationBasicsScoring.score(poorSetUp).score();
        for (String flag : RedFlags.QUESTIONS) {
            Map<String, Object> answers = new java.util.HashMap<>(poorSetUp);
            answers.put(flag, true);
            ScoreResult result = WorkstationBasicsScoring.score(answers);
            assertThat(result.clinicalReview()).as(flag).isTrue();
            assertThat(result.findingCodes()).as(flag).containsExactly("RED_FLAG_SEEK_CLINICIAN", "MONITOR_TOO_LOW");
            assertThat(result.score()).as(flag).isEqualTo(points);
        }
        // a version 1 answer set (one red-flag question only) is screened the same way
        Map<String, Object> v1 = AnswerSets.healthyV1();
        assertThat(WorkstationBasicsScoring.score(v1).clinicalReview()).isFalse();
        v1.put("legNumbnessOrTingling", true);
        assertThat(WorkstationBasicsScoring.score(v1).clinicalReview()).isTrue();
    }

    @Test
    void section_scores_add_up_to_the_score_and_group_the_findings_by_template_section() {
        Map<String, Object> answers = healthy();
        answers.put("screenAtEyeLevel", false);       // setup 2
        answers.put("standingDeskAvailable", false);  // setup 1
        answers.put("hoursSittingPerDay", 8);          // habits 3
        answers.put("standUpFrequency", "rarely");     // habits 2
        answers.put("discomfortWhenSitting", 5);       // comfort 3
        answers.put("recentFallOrBackInjury", true);   // safety, no points
        ScoreResult result = WorkstationBasicsScoring.score(answers);
        assertThat(result.sectionScores()).containsExactly(Map.entry("setup", 3), Map.entry("habits", 5),
                Map.entry("comfort", 3));
        assertThat(result.sectionScores().values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(result.score());
        assertThat(result.score()).isEqualTo(11);
    }
}
