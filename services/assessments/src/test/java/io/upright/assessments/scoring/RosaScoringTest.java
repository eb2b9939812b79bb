package io.upright.assessments.scoring;

import io.upright.assessments.AnswerSets;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.upright.assessments.scoring.RosaFinding.CHAIR_ARMRESTS;
import static io.upright.assessments.scoring.RosaFinding.CHAIR_PAN_DEPTH;
import static io.upright.assessments.scoring.RosaFinding.CHAIR_SEAT_HEIGHT;
import static io.upright.assessments.scoring.RosaFinding.MONITOR_POSITION;
import static io.upright.assessments.scoring.RosaFinding.MOUSE_POSITION;
import static io.upright.assessments.scoring.RosaFinding.NO_LUMBAR_SUPPORT;
import static io.upright.assessments.scoring.RosaFinding.ROSA_ACT_NOW;
import static io.upright.assessments.scoring.RosaFinding.TELEPHONE_POSTURE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Worked cases derived by hand from the paper's rules and the charts (each step in the comments). */
class RosaScoringTest {

    @Test
    void neutral_workstation_used_one_to_four_hours_scores_2_low_without_findings() {
        // Chair: seat height 1 + pan depth 1 = 2; armrests 1 + back support 1 = 2; Chart A(2,2) = 2;
        //        duration 1-4 h = 0 -> chair 2.
        // Monitor 1 + 0 = 1, telephone 1 + 0 = 1 -> Chart B(telephone 1, monitor 1) = 1.
        // Mouse 1 + 0 = 1, keyboard 1 + 0 = 1 -> Chart C(1,1) = 1.  Chart D(1,1) = 1.
        // Final chart(chair 2, peripherals 1) = 2 -> LOW.
        RosaScoring.Result result = RosaScoring.score(AnswerSets.rosaNeutral());
        assertThat(result.chartA()).isEqualTo(2);
        assertThat(result.chair()).isEqualTo(2);
        assertThat(result.monitorAndTelephone()).isEqualTo(1);
        assertThat(result.mouseAndKeyboard()).isEqualTo(1);
        assertThat(result.monitorAndPeripherals()).isEqualTo(1);
        assertThat(result.finalScore()).isEqualTo(2);
        assertThat(result.riskLevel()).isEqualTo(RiskLevel.LOW);
        assertThat(result.findings()).isEmpty();
    }

    @Test
    void neutral_workstation_used_over_four_hours_scores_3_moderate() {
        // Every section > 4 h/day = +1.  Chair: Chart A(2,2) = 2, + 1 = 3.
        // Monitor 1 + 1 = 2, telephone 1 + 1 = 2 -> Chart B(2,2) = 2.
        // Mouse 1 + 1 = 2, keyboard 1 + 1 = 2 -> Chart C(2,2) = 2.  Chart D(2,2) = 2.
        // Final chart(3, 2) = 3 -> MODERATE (a neutral posture held all day still counts), no posture findings.
        Map<String, Object> answers = AnswerSets.rosaNeutral();
        answers.replaceAll((k, v) -> k.endsWith("Duration") ? "over-4h" : v);
        RosaScoring.Result result = RosaScoring.score(answers);
        assertThat(result.chair()).isEqualTo(3);
        assertThat(result.monitorAndTelephone()).isEqualTo(2);
        assertThat(result.mouseAndKeyboard()).isEqualTo(2);
        assertThat(result.finalScore()).isEqualTo(3);
        assertThat(result.riskLevel()).isEqualTo(RiskLevel.MODERATE);
        assertThat(result.findings()).isEmpty();
    }

    @Test
    void short_use_everywhere_gives_the_minimum_score_of_1() {
        // Every section < 1 h/day = -1.  Chair: Chart A(2,2) = 2, - 1 = 1.
        // Monitor 1 - 1 = 0, telephone 1 - 1 = 0 -> Chart B(0,0) = 1; mouse 0, keyboard 0 -> Chart C(0,0) = 1.
        // Chart D(1,1) = 1.  Final chart(1,1) = 1 -> LOW.
        Map<String, Object> answers = AnswerSets.rosaNeutral();
        answers.replaceAll((k, v) -> k.endsWith("Duration") ? "under-1h" : v);
        RosaScoring.Result result = RosaScoring.score(answers);
        assertThat(result.chair()).isEqualTo(1);
        assertThat(result.finalScore()).isEqualTo(1);
        assertThat(result.riskLevel()).isEqualTo(RiskLevel.LOW);
    }

    @Test
    void the_act_now_case_scores_5_high_with_a_finding_per_strained_item() {
        // Chair: seat too low 2 + not adjustable 1 = 3; pan too long 2; 3 + 2 = 5.
        //        armrests too high 2 + hard 1 = 3; no lumbar support 2; 3 + 2 = 5.
        //        Chart A(5,5) = 4; chair > 4 h = +1 -> chair 5.
        // Monitor too low 2 + glare 1 = 3, > 4 h +1 -> 4.  Telephone 1 + neck-and-shoulder 2 = 3, 1-4 h 0 -> 3.
        //        Chart B(telephone 3, monitor 4) = 4.
        // Mouse reaching 2 + other surface 2 = 4, > 4 h +1 -> 5.  Keyboard 1, > 4 h +1 -> 2.
        //        Chart C(mouse 5, keyboard 2) = 5.
        // Chart D(4, 5) = 5.  Final chart(chair 5, peripherals 5) = 5 -> act now, HIGH.
        RosaScoring.Result result = RosaScoring.score(AnswerSets.rosaActNow());
        assertThat(result.items().seatHeight()).isEqualTo(3);
        assertThat(result.items().armrests()).isEqualTo(3);
        assertThat(result.chartA()).isEqualTo(4);
        assertThat(result.chair()).isEqualTo(5);
        assertThat(result.monitorAndTelephone()).isEqualTo(4);
        assertThat(result.mouseAndKeyboard()).isEqualTo(5);
        assertThat(result.monitorAndPeripherals()).isEqualTo(5);
        assertThat(result.finalScore()).isEqualTo(5);
        assertThat(result.riskLevel()).isEqualTo(RiskLevel.HIGH);
        assertThat(result.findings()).containsExactly(ROSA_ACT_NOW, CHAIR_SEAT_HEIGHT, CHAIR_PAN_DEPTH, CHAIR_ARMRESTS,
                NO_LUMBAR_SUPPORT, MONITOR_POSITION, TELEPHONE_POSTURE, MOUSE_POSITION);
    }

    @Test
    void a_poor_screen_alone_can_reach_act_now_while_the_chair_is_fine() {
        // Chair neutral, 1-4 h: Chart A(2,2) = 2 -> chair 2.
        // Monitor too high 3 + neck twisted 1 + glare 1 = 5, > 4 h +1 -> 6; telephone 1, 1-4 h -> 1.
        //        Chart B(telephone 1, monitor 6) = 5.
        // Mouse 1, keyboard 1 (1-4 h) -> Chart C(1,1) = 1.  Chart D(5,1) = 5.
        // Final chart(chair 2, peripherals 5) = 5 -> HIGH.
        Map<String, Object> answers = AnswerSets.rosaNeutral();
        answers.put("monitorPosition", "too-high");
        answers.put("monitorNeckTwisted", true);
        answers.put("monitorGlare", true);
        answers.put("monitorDuration", "over-4h");
        RosaScoring.Result result = RosaScoring.score(answers);
        assertThat(result.chair()).isEqualTo(2);
        assertThat(result.monitorAndTelephone()).isEqualTo(5);
        assertThat(result.monitorAndPeripherals()).isEqualTo(5);
        assertThat(result.finalScore()).isEqualTo(5);
        assertThat(result.findings()).containsExactly(ROSA_ACT_NOW, MONITOR_POSITION);
    }

    @Test
    void everything_at_its_worst_scores_10_and_the_monitor_is_read_at_the_chart_edge() {
        // Chair: seat 3 + 2 = 5, pan 2 + 1 = 3 -> 8; armrests 2 + 3 = 5, back 2 + 2 = 4 -> 9; Chart A(8,9) = 9;
        //        > 4 h +1 -> chair 10.
        // Monitor 3 + 4 = 7, + 1 = 8: beyond the 0..7 axis, read at 7.  Telephone 2 + 2 + 1 = 5, + 1 = 6.
        //        Chart B(6, 7) = 9.  Mouse 2 + 2 + 1 + 1 = 6, + 1 = 7; keyboard 2 + 4 = 6, + 1 = 7 -> Chart C(7,7) = 9.
        // Chart D(9,9) = 9.  Final chart(10, 9) = 10.
        RosaScoring.Result result = RosaScoring.compute(
                new RosaScoring.Items(5, 3, 5, 4, 1, 7, 1, 5, 1, 6, 1, 6, 1), true);
        assertThat(result.chartA()).isEqualTo(9);
        assertThat(result.chair()).isEqualTo(10);
        assertThat(result.monitorAndTelephone()).isEqualTo(9);
        assertThat(result.mouseAndKeyboard()).isEqualTo(9);
        assertThat(result.finalScore()).isEqualTo(10);
        assertThat(result.riskLevel()).isEqualTo(RiskLevel.HIGH);
        assertThat(result.findings()).containsExactly(RosaFinding.values());
    }

    @Test
    void risk_levels_follow_the_action_level_of_5() {
        assertThat(RosaScoring.riskLevel(1)).isEqualTo(RiskLevel.LOW);
        assertThat(RosaScoring.riskLevel(2)).isEqualTo(RiskLevel.LOW);
        assertThat(RosaScoring.riskLevel(3)).isEqualTo(RiskLevel.MODERATE);
        assertThat(RosaScoring.riskLevel(4)).isEqualTo(RiskLevel.MODERATE);
        assertThat(RosaScoring.riskLevel(5)).isEqualTo(RiskLevel.HIGH);
        assertThat(RosaScoring.riskLevel(10)).isEqualTo(RiskLevel.HIGH);
    }

    @Test
    void worsening_any_single_answer_never_lowers_the_score_and_it_stays_within_1_to_10() {
        // from the neutral set, every single posture choice, "+1" and duration, one at a time
        Map<String, Object> base = AnswerSets.rosaNeutral();
        int baseScore = RosaScoring.score(base).finalScore();
        for (String key : base.keySet()) {
            for (Object value : alternatives(key)) {
                Map<String, Object> worse = new java.util.HashMap<>(base);
                worse.put(key, value);
                int score = RosaScoring.score(worse).finalScore();
                assertThat(score).as(key + "=" + value).isBetween(1, 10);
                if (!"under-1h".equals(value)) {
                    assertThat(score).as(key + "=" + value).isGreaterThanOrEqualTo(baseScore);
                }
            }
        }
    }

    @Test
    void an_answer_the_scoring_does_not_know_is_refused_rather_than_scored_as_neutral() {
        Map<String, Object> answers = AnswerSets.rosaNeutral();
        answers.put("seatHeight", "somewhere");
        assertThatThrownBy(() -> RosaScoring.score(answers)).isInstanceOf(IllegalArgumentException.class);
    }

    private static java.util.List<Object> alternatives(String key) {
        if (key.endsWith("Duration")) {
            return java.util.List.of("under-1h", "1-4h", "over-4h");
        }
        java.util.List<Object> values = new java.util.ArrayList<>();
        RosaScoring.POSTURE_POINTS.keySet().stream().filter(k -> k.startsWith(key + ":"))
                .forEach(k -> values.add(k.substring(key.length() + 1)));
        return values.isEmpty() ? java.util.List.of(true) : values;
    }
}
