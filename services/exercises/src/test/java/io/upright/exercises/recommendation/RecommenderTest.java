package io.upright.exercises.recommendation;

import io.upright.exercises.TestCatalogue;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.upright.contracts.assessments.FindingCodes.FEET_UNSUPPORTED;
import static io.upright.contracts.assessments.FindingCodes.HIP_FLEXOR_TIGHTNESS_RISK;
import static io.upright.contracts.assessments.FindingCodes.INFREQUENT_BREAKS;
import static io.upright.contracts.assessments.FindingCodes.KNEES_NOT_AT_90;
import static io.upright.contracts.assessments.FindingCodes.LOW_BACK_DISCOMFORT;
import static io.upright.contracts.assessments.FindingCodes.MONITOR_TOO_LOW;
import static io.upright.contracts.assessments.FindingCodes.NON_ERGONOMIC_CHAIR;
import static io.upright.contracts.assessments.FindingCodes.NO_BACK_SUPPORT;
import static io.upright.contracts.assessments.FindingCodes.NO_STANDING_DESK;
import static io.upright.contracts.assessments.FindingCodes.PROLONGED_SITTING;
import static io.upright.contracts.assessments.FindingCodes.RED_FLAG_SEEK_CLINICIAN;
import static org.assertj.core.api.Assertions.assertThat;

class RecommenderTest {

    private final Recommender recommender = new Recommender(TestCatalogue.V1);

    @Test
    void hip_flexor_tightness_wins_over_every_other_finding() {
        Recommendation r = recommender.recommend(List.of(MONITOR_TOO_LOW, PROLONGED_SITTING,
                HIP_FLEXOR_TIGHTNESS_RISK, LOW_BACK_DISCOMFORT), false);
        assertThat(r.routine().id()).isEqualTo("hip-flexor-reset");
        assertThat(r.withheldForClinicalReview()).isFalse();
        assertThat(r.message()).contains("Hip-flexor reset").contains("8 minutes");
    }

    @Test
    void low_back_discomfort_without_the_hip_pattern_gets_the_lower_back_routine() {
        assertThat(recommender.recommend(List.of(LOW_BACK_DISCOMFORT, INFREQUENT_BREAKS), false).routine().id())
                .isEqualTo("desk-day-lower-back");
    }

    @Test
    void sitting_pattern_findings_get_the_walking_break() {
        for (String code : List.of(PROLONGED_SITTING, INFREQUENT_BREAKS, NO_STANDING_DESK)) {
            assertThat(recommender.recommend(List.of(code, MONITOR_TOO_LOW), false).routine().id()).as(code)
                    .isEqualTo("walking-break");
        }
    }

    @Test
    void set_up_findings_alone_get_the_posture_reset() {
        for (String code : List.of(MONITOR_TOO_LOW, NO_BACK_SUPPORT, FEET_UNSUPPORTED, KNEES_NOT_AT_90, NON_ERGONOMIC_CHAIR)) {
            assertThat(recommender.recommend(List.of(code), false).routine().id()).as(code).isEqualTo("posture-reset");
        }
    }

    @Test
    void no_findings_still_suggest_a_walking_break() {
        Recommendation r = recommender.recommend(List.of(), false);
        assertThat(r.routine().id()).isEqualTo("walking-break");
        assertThat(r.reasons()).isEmpty();
        assertThat(r.message()).contains("nothing to fix");
    }

    @Test
    void every_finding_gets_one_plain_sentence_and_unknown_codes_are_ignored() {
        List<String> all = List.of(MONITOR_TOO_LOW, FEET_UNSUPPORTED, KNEES_NOT_AT_90, NO_BACK_SUPPORT,
                NON_ERGONOMIC_CHAIR, PROLONGED_SITTING, INFREQUENT_BREAKS, HIP_FLEXOR_TIGHTNESS_RISK,
                LOW_BACK_DISCOMFORT, NO_STANDING_DESK, RED_FLAG_SEEK_CLINICIAN, "SOMETHING_NEW");
        Recommendation r = recommender.recommend(all, false);
        assertThat(r.reasons()).hasSize(11).extracting(Recommendation.Reason::findingCode).doesNotContain("SOMETHING_NEW");
        assertThat(r.reasons()).allSatisfy(reason -> assertThat(reason.sentence()).isNotBlank().endsWith("."));
        assertThat(r.reasons()).filteredOn(reason -> reason.findingCode().equals(MONITOR_TOO_LOW))
                .singleElement().extracting(Recommendation.Reason::sentence).asString().contains("eye level");
    }

    @Test
    void clinical_review_withholds_every_routine_and_says_why() {
        Recommendation r = recommender.recommend(List.of(RED_FLAG_SEEK_CLINICIAN, HIP_FLEXOR_TIGHTNESS_RISK), true);
        assertThat(r.routine()).isNull();
        assertThat(r.withheldForClinicalReview()).isTrue();
        assertThat(r.message()).contains("paused").contains("clinician");
        assertThat(r.reasons()).extracting(Recommendation.Reason::findingCode)
                .containsExactly(RED_FLAG_SEEK_CLINICIAN, HIP_FLEXOR_TIGHTNESS_RISK);
    }

    @Test
    void the_same_routine_recommended_again_moves_on_to_its_next_routine() {
        Recommendation r = recommender.recommend(List.of(HIP_FLEXOR_TIGHTNESS_RISK), false, "hip-flexor-reset");
        assertThat(r.routine().id()).isEqualTo("hip-flexor-builder");
        assertThat(r.routine().level()).isEqualTo("intermediate");
        assertThat(r.message()).contains("next step").contains("Hip-flexor builder");
    }

    @Test
    void a_progression_keeps_moving_forward_and_stays_on_its_last_routine() {
        List<String> sitting = List.of(PROLONGED_SITTING);
        assertThat(recommender.recommend(sitting, false, null).routine().id()).isEqualTo("walking-break");
        assertThat(recommender.recommend(sitting, false, "walking-break").routine().id()).isEqualTo("walking-break-10");
        // interval walking is vigorous: only after an all-"no" readiness screen (RecommenderReadinessTest)
        Evidence ready = new Evidence(sitting, List.of(), false, Readiness.cleared());
        assertThat(recommender.recommend(ready, "walking-break-10").routine().id()).isEqualTo("interval-walking-break");
        assertThat(recommender.recommend(ready, "interval-walking-break").routine().id()).isEqualTo("interval-walking-break");
    }

    @Test
    void a_previous_routine_from_another_progression_starts_the_new_one_from_its_beginning() {
        assertThat(recommender.recommend(List.of(LOW_BACK_DISCOMFORT), false, "walking-break").routine().id())
                .isEqualTo("desk-day-lower-back");
        assertThat(recommender.recommend(List.of(MONITOR_TOO_LOW), false, "no-longer-in-the-catalogue").routine().id())
                .isEqualTo("posture-reset");
    }

    @Test
    void clinical_review_withholds_even_a_progressed_routine() {
        Recommendation r = recommender.recommend(List.of(HIP_FLEXOR_TIGHTNESS_RISK), true, "hip-flexor-reset");
        assertThat(r.routine()).isNull();
        assertThat(r.withheldForClinicalReview()).isTrue();
    }

    @Test
    void tolerance_decides_the_level_stay_advance_or_step_back() {
        Evidence hips = new Evidence(List.of(HIP_FLEXOR_TIGHTNESS_RISK), List.of(), false);
        assertThat(recommender.recommend(hips, "hip-flexor-reset", ProgressionPolicy.Step.STAY).routine().id())
                .isEqualTo("hip-flexor-reset");
        assertThat(recommender.recommend(hips, "hip-flexor-reset", ProgressionPolicy.Step.ADVANCE).routine().id())
                .isEqualTo("hip-flexor-builder");
        assertThat(recommender.recommend(hips, "hip-flexor-builder", ProgressionPolicy.Step.STEP_BACK).routine().id())
                .isEqualTo("hip-flexor-reset");
        assertThat(recommender.recommend(hips, "hip-flexor-reset", ProgressionPolicy.Step.STEP_BACK).routine().id())
                .as("the first routine is as far back as it goes").isEqualTo("hip-flexor-reset");
    }
}
