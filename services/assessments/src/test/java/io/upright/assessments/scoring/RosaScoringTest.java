package io.upright.assessments.scoring;

import io.upright.assessments.AnswerSets;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.upright.assessments.scoring.RosaFinding.CHAIR_ARMRESTS;
import static io.upright.assessments.scoring.RosaFinding.CHAIR_PAN_DEPTH;
import static io.upright.assessments.scoring.RosaFinding.CHAIR_SEAT_HEIGHT;
import static io.upright.assessments.scoring.RosaFinding.KEYBOARD_POSTURE;
import static io.upright.assessments.scoring.RosaFinding.MONITOR_POSITION;
import static io.upright.assessments.scoring.RosaFinding.MOUSE_POSITION;
import static io.upright.assessments.scoring.RosaFinding.NO_LUMBAR_SUPPORT;
import static io.upright.assessments.scoring.RosaFinding.ROSA_ACT_NOW;
import static io.upright.assessments.scoring.RosaFinding.TELEPHONE_POSTURE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Worked cases derived by hand from the paper's rules and the charts (each step in the comments): seventeen in
 * all, the first six followed by cases 7 to 17. RosaPropertyTest covers random answer sets.
 */
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

    // ---- further hand-worked cases (7 to 17). Chart cells are quoted as Chart(row, column) with the axes of
    // ---- RosaCharts; "rest neutral" means every other item neutral, no "+1", used 1-4 h (duration 0), which
    // ---- gives Chart B(1,1) = 1, Chart C(1,1) = 1 and Chart D(1,1) = 1 for an untouched monitor/peripherals side.

    @Test
    void case_7_feet_off_the_floor_with_no_leg_room_on_a_chair_used_all_day_is_act_now() {
        // Seat: feet not on floor 3 + too little leg room 1 = 4; pan depth 1 -> row 4 + 1 = 5.
        // Armrests 1 + back support 1 = column 2.  Chart A(5,2) = 4; chair > 4 h +1 -> chair 5.
        // Rest neutral -> Chart D = 1.  Final chart(5,1) = 5 -> HIGH.
        RosaScoring.Result result = score(Map.of("seatHeight", "feet-not-on-floor", "seatInsufficientLegSpace", true,
                "chairDuration", "over-4h"));
        assertThat(result.chartA()).isEqualTo(4);
        assertThat(result.chair()).isEqualTo(5);
        assertThat(result.finalScore()).isEqualTo(5);
        assertThat(result.findings()).containsExactly(ROSA_ACT_NOW, CHAIR_SEAT_HEIGHT);
    }

    @Test
    void case_8_the_same_chair_used_under_an_hour_a_day_drops_below_the_action_level() {
        // As case 7, Chart A(5,2) = 4, but chair < 1 h -1 -> chair 3.  Final chart(3,1) = 3 -> MODERATE.
        RosaScoring.Result result = score(Map.of("seatHeight", "feet-not-on-floor", "seatInsufficientLegSpace", true,
                "chairDuration", "under-1h"));
        assertThat(result.chair()).isEqualTo(3);
        assertThat(result.finalScore()).isEqualTo(3);
        assertThat(result.riskLevel()).isEqualTo(RiskLevel.MODERATE);
        assertThat(result.findings()).containsExactly(CHAIR_SEAT_HEIGHT);
    }

    @Test
    void case_9_a_laptop_on_the_desk_all_day_is_act_now_from_the_peripherals() {
        // Chair neutral, 1-4 h: Chart A(2,2) = 2 -> chair 2.
        // Monitor too low 2 + documents without holder 1 = 3, > 4 h +1 -> 4; telephone 1, 1-4 h -> 1.
        //        Chart B(telephone 1, monitor 4) = 3.
        // Mouse 1 + pinch grip 1 = 2, > 4 h +1 -> 3; keyboard wrists extended 2 + platform not adjustable 1 = 3,
        //        > 4 h +1 -> 4.  Chart C(mouse 3, keyboard 4) = 5.
        // Chart D(3,5) = 5.  Final chart(2,5) = 5 -> HIGH.
        RosaScoring.Result result = score(Map.of("monitorPosition", "too-low", "documentsWithoutHolder", true,
                "monitorDuration", "over-4h", "mousePinchGrip", true, "mouseDuration", "over-4h",
                "keyboardPosition", "wrists-extended", "keyboardPlatformNotAdjustable", true, "keyboardDuration", "over-4h"));
        assertThat(result.monitorAndTelephone()).isEqualTo(3);
        assertThat(result.mouseAndKeyboard()).isEqualTo(5);
        assertThat(result.monitorAndPeripherals()).isEqualTo(5);
        assertThat(result.finalScore()).isEqualTo(5);
        assertThat(result.findings()).containsExactly(ROSA_ACT_NOW, MONITOR_POSITION, RosaFinding.MOUSE_POSITION,
                KEYBOARD_POSTURE);
    }

    @Test
    void case_10_a_phone_held_on_the_shoulder_all_day_without_a_headset_is_act_now() {
        // Telephone too far 2 + neck and shoulder 2 + no hands-free 1 = 5, > 4 h +1 -> 6; monitor 1, 1-4 h -> 1.
        //        Chart B(telephone 6, monitor 1) = 5.
        // Mouse/keyboard neutral -> Chart C(1,1) = 1; Chart D(5,1) = 5.  Chair 2.  Final chart(2,5) = 5 -> HIGH.
        RosaScoring.Result result = score(Map.of("telephonePosition", "too-far", "telephoneNeckAndShoulder", true,
                "telephoneNoHandsFree", true, "telephoneDuration", "over-4h"));
        assertThat(result.items().telephone()).isEqualTo(5);
        assertThat(result.monitorAndTelephone()).isEqualTo(5);
        assertThat(result.finalScore()).isEqualTo(5);
        assertThat(result.findings()).containsExactly(ROSA_ACT_NOW, TELEPHONE_POSTURE);
    }

    @Test
    void case_11_a_phone_out_of_reach_is_a_finding_even_when_the_score_stays_low() {
        // Telephone too far 2, > 4 h +1 -> 3; monitor 1.  Chart B(telephone 3, monitor 1) = 2.
        // Chart C(1,1) = 1; Chart D(2,1) = 2.  Chair 2.  Final chart(2,2) = 2 -> LOW, with the telephone finding.
        RosaScoring.Result result = score(Map.of("telephonePosition", "too-far", "telephoneDuration", "over-4h"));
        assertThat(result.monitorAndTelephone()).isEqualTo(2);
        assertThat(result.finalScore()).isEqualTo(2);
        assertThat(result.riskLevel()).isEqualTo(RiskLevel.LOW);
        assertThat(result.findings()).containsExactly(TELEPHONE_POSTURE);
    }

    @Test
    void case_12_low_wide_fixed_armrests_and_a_reclined_fixed_backrest_are_act_now_from_the_chair() {
        // Seat 1 + pan 1 = row 2.  Armrests too low 2 + too wide 1 + not adjustable 1 = 4;
        //        back reclined > 110 degrees 2 + not adjustable 1 = 3 -> column 7.
        // Chart A(2,7) = 6; chair 1-4 h -> 6.  Rest neutral -> D = 1.  Final chart(6,1) = 6 -> HIGH.
        RosaScoring.Result result = score(Map.of("armrests", "too-low-arms-unsupported", "armrestsTooWide", true,
                "armrestsNotAdjustable", true, "backSupport", "reclined-over-110", "backSupportNotAdjustable", true));
        assertThat(result.chartA()).isEqualTo(6);
        assertThat(result.finalScore()).isEqualTo(6);
        assertThat(result.findings()).containsExactly(ROSA_ACT_NOW, CHAIR_ARMRESTS, NO_LUMBAR_SUPPORT);
    }

    @Test
    void case_13_a_short_seat_and_an_upright_back_under_a_high_desk_score_4_moderate() {
        // Seat 1 + pan too short 2 = row 3.  Armrests 1 + back upright < 95 degrees 2 + work surface too high 1
        //        = column 4.  Chart A(3,4) = 3; chair > 4 h +1 -> 4.
        // Rest neutral -> D = 1.  Final chart(4,1) = 4 -> MODERATE.
        RosaScoring.Result result = score(Map.of("seatPanDepth", "too-short", "backSupport", "upright-under-95",
                "workSurfaceTooHigh", true, "chairDuration", "over-4h"));
        assertThat(result.chartA()).isEqualTo(3);
        assertThat(result.chair()).isEqualTo(4);
        assertThat(result.finalScore()).isEqualTo(4);
        assertThat(result.riskLevel()).isEqualTo(RiskLevel.MODERATE);
        assertThat(result.findings()).containsExactly(CHAIR_PAN_DEPTH, NO_LUMBAR_SUPPORT);
    }

    @Test
    void case_14_a_backrest_that_cannot_be_adjusted_scores_but_is_not_a_missing_lumbar_support() {
        // Seat 1 + pan 1 + pan not adjustable 1 = row 3.  Armrests 1 + back 1 + back not adjustable 1 = column 3.
        // Chart A(3,3) = 2; chair 1-4 h -> 2.  Final chart(2,1) = 2 -> LOW.
        // The back-support item is 2 (> 1), but NO_LUMBAR_SUPPORT is about the posture, which is neutral here.
        RosaScoring.Result result = score(Map.of("seatPanDepthNotAdjustable", true, "backSupportNotAdjustable", true));
        assertThat(result.items().backSupport()).isEqualTo(2);
        assertThat(result.chartA()).isEqualTo(2);
        assertThat(result.finalScore()).isEqualTo(2);
        assertThat(result.findings()).containsExactly(CHAIR_PAN_DEPTH);
    }

    @Test
    void case_15_a_badly_placed_mouse_and_keyboard_are_act_now_even_when_used_under_an_hour() {
        // Mouse reaching 2 + other surface 2 + hard palm rest 1 = 5, < 1 h -1 -> 4.
        // Keyboard wrists extended 2 + wrists deviated 1 + reaching overhead 1 = 4, < 1 h -1 -> 3.
        //        Chart C(mouse 4, keyboard 3) = 5.  Chart B(1,1) = 1; Chart D(1,5) = 5.
        // Chair 2.  Final chart(2,5) = 5 -> HIGH.
        RosaScoring.Result result = score(Map.of("mousePosition", "reaching", "mouseKeyboardDifferentSurfaces", true,
                "mouseHardPalmRest", true, "mouseDuration", "under-1h", "keyboardPosition", "wrists-extended",
                "keyboardWristsDeviated", true, "keyboardReachingOverhead", true, "keyboardDuration", "under-1h"));
        assertThat(result.mouseAndKeyboard()).isEqualTo(5);
        assertThat(result.finalScore()).isEqualTo(5);
        assertThat(result.findings()).containsExactly(ROSA_ACT_NOW, RosaFinding.MOUSE_POSITION, KEYBOARD_POSTURE);
    }

    @Test
    void case_16_every_posture_slightly_off_for_1_to_4_hours_is_moderate_with_every_item_finding() {
        // Seat too low 2 + pan too long 2 = row 4; armrests too high 2 + no lumbar support 2 = column 4.
        //        Chart A(4,4) = 3; chair 1-4 h -> 3.
        // Monitor too low 2, telephone too far 2 (1-4 h) -> Chart B(2,2) = 2.
        // Mouse reaching 2, keyboard wrists extended 2 (1-4 h) -> Chart C(2,2) = 2.  Chart D(2,2) = 2.
        // Final chart(3,2) = 3 -> MODERATE: every item is a finding, yet below the action level.
        RosaScoring.Result result = score(everythingSlightlyOff());
        assertThat(result.chartA()).isEqualTo(3);
        assertThat(result.monitorAndTelephone()).isEqualTo(2);
        assertThat(result.mouseAndKeyboard()).isEqualTo(2);
        assertThat(result.finalScore()).isEqualTo(3);
        assertThat(result.findings()).containsExactly(CHAIR_SEAT_HEIGHT, CHAIR_PAN_DEPTH, CHAIR_ARMRESTS,
                NO_LUMBAR_SUPPORT, MONITOR_POSITION, TELEPHONE_POSTURE, RosaFinding.MOUSE_POSITION, KEYBOARD_POSTURE);
    }

    @Test
    void case_17_the_same_postures_all_day_score_4_still_moderate() {
        // As case 16 with every duration > 4 h (+1): chair Chart A(4,4) = 3 + 1 = 4.
        // Monitor 3, telephone 3 -> Chart B(3,3) = 3.  Mouse 3, keyboard 3 -> Chart C(3,3) = 3.  Chart D(3,3) = 3.
        // Final chart(4,3) = 4 -> MODERATE.
        Map<String, Object> answers = everythingSlightlyOff();
        answers.replaceAll((k, v) -> k.endsWith("Duration") ? "over-4h" : v);
        RosaScoring.Result result = RosaScoring.score(answers);
        assertThat(result.chair()).isEqualTo(4);
        assertThat(result.monitorAndTelephone()).isEqualTo(3);
        assertThat(result.mouseAndKeyboard()).isEqualTo(3);
        assertThat(result.finalScore()).isEqualTo(4);
        assertThat(result.riskLevel()).isEqualTo(RiskLevel.MODERATE);
    }

    @Test
    void a_red_flag_of_the_v2_safety_screen_adds_its_code_first_and_changes_neither_score_nor_risk() {
        for (String flag : RedFlags.QUESTIONS) {
            Map<String, Object> answers = AnswerSets.rosaActNow();
            answers.put(flag, true);
            RosaScoring.Result result = RosaScoring.score(answers);
            assertThat(result.clinicalReview()).as(flag).isTrue();
            assertThat(result.finalScore()).as(flag).isEqualTo(5);
            assertThat(result.riskLevel()).as(flag).isEqualTo(RiskLevel.HIGH);
            assertThat(result.findingCodes()).as(flag).first().isEqualTo("RED_FLAG_SEEK_CLINICIAN");
            assertThat(result.findingCodes()).as(flag).hasSize(result.findings().size() + 1);
        }
        assertThat(RosaScoring.score(AnswerSets.rosaActNow()).clinicalReview()).isFalse();
        assertThat(RosaScoring.score(AnswerSets.rosaNeutralV1()).clinicalReview()).isFalse();
    }

    @Test
    void section_scores_are_the_chair_score_and_charts_b_and_c() {
        // the act-now case: chair 5, Chart B 4, Chart C 5 (see the_act_now_case_...)
        assertThat(RosaScoring.score(AnswerSets.rosaActNow()).sectionScores()).containsExactly(
                Map.entry("chair", 5), Map.entry("monitor-telephone", 4), Map.entry("mouse-keyboard", 5));
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

    /** The neutral v2 set with some answers changed. */
    private static RosaScoring.Result score(Map<String, Object> changes) {
        Map<String, Object> answers = AnswerSets.rosaNeutral();
        answers.putAll(changes);
        return RosaScoring.score(answers);
    }

    /** Cases 16 and 17: every posture one step off neutral, no "+1"s. */
    private static Map<String, Object> everythingSlightlyOff() {
        Map<String, Object> answers = AnswerSets.rosaNeutral();
        answers.put("seatHeight", "too-low");
        answers.put("seatPanDepth", "too-long");
        answers.put("armrests", "too-high-shoulders-shrugged");
        answers.put("backSupport", "no-lumbar-support");
        answers.put("monitorPosition", "too-low");
        answers.put("telephonePosition", "too-far");
        answers.put("mousePosition", "reaching");
        answers.put("keyboardPosition", "wrists-extended");
        return answers;
    }
}
