package io.upright.exercises.recommendation;

import io.upright.contracts.assessments.FindingCodes;
import io.upright.contracts.assessments.Precautions;
import io.upright.exercises.TestCatalogue;
import io.upright.exercises.catalogue.Catalogue;
import io.upright.exercises.catalogue.Exercise;
import io.upright.exercises.catalogue.Routine;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static io.upright.contracts.assessments.FindingCodes.CHAIR_SEAT_HEIGHT;
import static io.upright.contracts.assessments.FindingCodes.HIP_FLEXOR_TIGHTNESS_RISK;
import static io.upright.contracts.assessments.FindingCodes.LOW_BACK_DISCOMFORT;
import static io.upright.contracts.assessments.FindingCodes.MONITOR_POSITION;
import static io.upright.contracts.assessments.FindingCodes.NO_LUMBAR_SUPPORT;
import static io.upright.contracts.assessments.FindingCodes.PROLONGED_SITTING;
import static io.upright.contracts.assessments.FindingCodes.RED_FLAG_SEEK_CLINICIAN;
import static io.upright.contracts.assessments.FindingCodes.ROSA_ACT_NOW;
import static org.assertj.core.api.Assertions.assertThat;

/** ROSA findings, combined evidence, precautions and micro-breaks: what issue 12 asked of the recommender. */
class RecommenderSafetyTest {

    private static final Catalogue V1 = TestCatalogue.V1;
    private final Recommender recommender = new Recommender(V1);

    private Recommendation recommend(List<String> codes, List<String> precautions, String previous) {
        return recommender.recommend(new Evidence(codes, precautions, false), previous);
    }

    @Test
    void every_rosa_finding_gets_a_routine_a_sentence_and_a_change_at_the_desk() {
        for (String code : FindingCodes.ROSA) {
            Recommendation r = recommend(List.of(code), List.of(), null);
            assertThat(r.routine()).as(code).isNotNull();
            assertThat(r.reasons()).as(code).singleElement().satisfies(reason -> {
                assertThat(reason.sentence()).isNotBlank().endsWith(".");
                assertThat(reason.workstationAction()).isNotBlank().endsWith(".");
            });
            assertThat(r.message()).as(code).doesNotContain("nothing to fix").contains("workstation");
        }
    }

    @Test
    void every_published_finding_code_is_explained() {
        assertThat(Recommender.GUIDANCE.keySet()).containsExactlyInAnyOrderElementsOf(FindingCodes.ALL);
        Recommender.GUIDANCE.values().stream().filter(g -> g.routineId() != null)
                .forEach(g -> assertThat(V1.routine(g.routineId())).as(g.routineId()).isPresent());
    }

    /** Table: findings (from one or both methods) → the routine they start. */
    @Test
    void findings_pick_a_routine_with_the_body_before_the_desk() {
        record Row(List<String> codes, String routine) {
        }
        List<Row> rows = List.of(
                new Row(List.of(ROSA_ACT_NOW, CHAIR_SEAT_HEIGHT, MONITOR_POSITION), "walking-break"),
                new Row(List.of(NO_LUMBAR_SUPPORT, MONITOR_POSITION), "desk-mobility-break"),
                new Row(List.of(CHAIR_SEAT_HEIGHT, MONITOR_POSITION), "posture-reset"),
                new Row(List.of(HIP_FLEXOR_TIGHTNESS_RISK, ROSA_ACT_NOW, NO_LUMBAR_SUPPORT), "hip-flexor-reset"),
                new Row(List.of(LOW_BACK_DISCOMFORT, ROSA_ACT_NOW), "desk-day-lower-back"),
                new Row(List.of(PROLONGED_SITTING, CHAIR_SEAT_HEIGHT), "walking-break"));
        for (Row row : rows) {
            assertThat(recommend(row.codes(), List.of(), null).routine().id()).as(row.codes().toString()).isEqualTo(row.routine());
        }
    }

    /** Table: findings + precautions (+ last routine) → the safe routine chosen and the one it replaced. */
    @Test
    void a_routine_with_a_contraindicated_exercise_is_swapped_for_a_safe_one() {
        record Row(List<String> codes, List<String> precautions, String previous, String routine, String replaced) {
        }
        List<Row> rows = List.of(
                new Row(List.of(LOW_BACK_DISCOMFORT), List.of(Precautions.STENOSIS_SYMPTOMS), null,
                        "desk-mobility-break", "desk-day-lower-back"),
                new Row(List.of(PROLONGED_SITTING), List.of(Precautions.STENOSIS_SYMPTOMS), null, "walking-break", null),
                new Row(List.of(), List.of(Precautions.STENOSIS_SYMPTOMS), null, "walking-break", null),
                new Row(List.of(HIP_FLEXOR_TIGHTNESS_RISK), List.of(Precautions.RECENT_SURGERY), null,
                        "posture-reset", "hip-flexor-reset"),
                new Row(List.of(LOW_BACK_DISCOMFORT), List.of(Precautions.PREGNANCY), "desk-day-lower-back",
                        "desk-day-lower-back", "glute-and-core-builder"),
                new Row(List.of(HIP_FLEXOR_TIGHTNESS_RISK), List.of(Precautions.ANTICOAGULANTS), "hip-flexor-reset",
                        "hip-flexor-builder", null),
                new Row(List.of(LOW_BACK_DISCOMFORT), List.of(Precautions.OSTEOPOROSIS), "desk-day-lower-back",
                        "desk-day-lower-back", "glute-and-core-builder"));
        for (Row row : rows) {
            Recommendation r = recommend(row.codes(), row.precautions(), row.previous());
            String label = row.codes() + " " + row.precautions() + " after " + row.previous();
            assertThat(r.routine().id()).as(label).isEqualTo(row.routine());
            assertThat(r.replaced() == null ? null : r.replaced().id()).as(label).isEqualTo(row.replaced());
            if (row.replaced() != null) {
                assertThat(r.message()).as(label).contains("instead of");
            }
        }
    }

    /** Exhaustive: no finding, precaution or last routine ever yields a contraindicated routine or micro-break. */
    @Test
    void nothing_recommended_is_ever_contraindicated() {
        List<String> previous = new ArrayList<>();
        previous.add(null);
        V1.routines().forEach(r -> previous.add(r.id()));
        List<List<String>> codeSets = new ArrayList<>();
        codeSets.add(List.of());
        FindingCodes.ALL.forEach(c -> codeSets.add(List.of(c)));
        List<List<String>> precautionSets = new ArrayList<>();
        Precautions.ALL.forEach(p -> precautionSets.add(List.of(p)));
        precautionSets.add(List.copyOf(Precautions.ALL));
        for (List<String> codes : codeSets) {
            for (List<String> precautions : precautionSets) {
                for (String last : previous) {
                    Recommendation r = recommend(codes, precautions, last);
                    String label = codes + " " + precautions + " after " + last;
                    Routine routine = r.routine();
                    assertThat(routine == null || routine.safeWith(precautions)).as(label).isTrue();
                    assertThat(r.microBreaks()).as(label).hasSizeBetween(2, 4)
                            .allSatisfy(e -> assertThat(e.microBreak() && e.safeWith(precautions)).isTrue());
                }
            }
        }
    }

    @Test
    void micro_breaks_get_the_person_up_first_then_stretch_what_the_routine_works() {
        Recommendation r = recommend(List.of(HIP_FLEXOR_TIGHTNESS_RISK), List.of(), null);
        assertThat(r.microBreaks()).hasSizeBetween(2, 4);
        assertThat(Recommender.GET_UP_BREAKS).contains(r.microBreaks().get(0).id());
        assertThat(r.microBreaks()).allSatisfy(e -> assertThat(e.deskFriendly()).isTrue());
        assertThat(recommend(List.of(HIP_FLEXOR_TIGHTNESS_RISK), List.of(Precautions.RECENT_SURGERY), null).microBreaks())
                .extracting(Exercise::id).doesNotContain("standing-hip-flexor-stretch", "standing-march");
    }

    @Test
    void a_pause_names_no_symptom_and_says_how_to_lift_it() {
        Recommendation r = recommender.recommend(new Evidence(List.of(RED_FLAG_SEEK_CLINICIAN), List.of(), true), null);
        assertThat(r.routine()).isNull();
        assertThat(r.microBreaks()).isEmpty();
        assertThat(r.message()).doesNotContainIgnoringCase("numb").doesNotContainIgnoringCase("weak")
                .doesNotContainIgnoringCase("tingl").contains("clinician has cleared you").contains("assessment page");
        assertThat(r.reasons()).singleElement().extracting(Recommendation.Reason::sentence).asString()
                .doesNotContainIgnoringCase("numb").doesNotContainIgnoringCase("night");
    }

    @Test
    void evidence_joins_every_methods_latest_findings_and_precautions() {
        java.time.Instant t = java.time.Instant.parse("2026-11-25T09:00:00Z");
        Evidence e = Evidence.combine(List.of(
                new MethodResult("ROSA", java.util.UUID.randomUUID(), List.of(ROSA_ACT_NOW, PROLONGED_SITTING),
                        List.of(Precautions.STENOSIS_SYMPTOMS), false, t.plusSeconds(60)),
                new MethodResult("WORKSTATION_BASICS", java.util.UUID.randomUUID(),
                        List.of(HIP_FLEXOR_TIGHTNESS_RISK, PROLONGED_SITTING), List.of(Precautions.ANTICOAGULANTS), false, t)));
        assertThat(e.findingCodes()).containsExactly(ROSA_ACT_NOW, PROLONGED_SITTING, HIP_FLEXOR_TIGHTNESS_RISK);
        assertThat(e.precautions()).containsExactly(Precautions.ANTICOAGULANTS, Precautions.STENOSIS_SYMPTOMS);
        assertThat(e.clinicalReview()).isFalse();
        assertThat(recommender.recommend(e, null).routine().id()).isEqualTo("hip-flexor-reset");
    }
}
