package io.upright.exercises.recommendation;

import io.upright.contracts.assessments.FindingCodes;
import io.upright.contracts.assessments.Precautions;
import io.upright.exercises.TestCatalogue;
import io.upright.exercises.catalogue.Catalogue;
import io.upright.exercises.catalogue.Routine;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static io.upright.contracts.assessments.FindingCodes.PROLONGED_SITTING;
import static org.assertj.core.api.Assertions.assertThat;

/** Vigorous routines wait for an all-"no" readiness screen; release techniques for the employee's confirmation. */
class RecommenderReadinessTest {

    private static final Catalogue V1 = TestCatalogue.V1;
    private final Recommender recommender = new Recommender(V1);
    private static final List<String> SITTING = List.of(PROLONGED_SITTING);

    private Recommendation afterWalkingBreak10(Readiness readiness) {
        return recommender.recommend(new Evidence(SITTING, List.of(), false, readiness), "walking-break-10",
                ProgressionPolicy.Step.ADVANCE);
    }

    @Test
    void the_catalogue_marks_intervals_and_stairs_vigorous_and_nothing_else() {
        assertThat(V1.exercises().stream().filter(e -> e.vigorous()).map(e -> e.id()))
                .containsExactlyInAnyOrder("interval-walk", "stair-climb-break");
        assertThat(V1.routines().stream().filter(Routine::vigorous).map(Routine::id))
                .containsExactlyInAnyOrder("interval-walking-break", "stair-and-stretch-break");
    }

    @Test
    void without_a_readiness_screen_the_progression_stays_on_the_easier_step_and_says_why() {
        Recommendation r = afterWalkingBreak10(Readiness.NONE);
        assertThat(r.routine().id()).isEqualTo("walking-break-10");
        assertThat(r.heldBack().id()).isEqualTo("interval-walking-break");
        assertThat(r.replaced()).as("not a precaution swap").isNull();
        assertThat(r.message()).contains("readiness questions").contains("vigorous").doesNotContain("instead of");
    }

    @Test
    void any_yes_keeps_vigorous_exercise_off_and_asks_to_check_with_a_clinician() {
        Recommendation r = afterWalkingBreak10(new Readiness(false, true, Set.of()));
        assertThat(r.routine().id()).isEqualTo("walking-break-10");
        assertThat(r.message()).contains("answered yes").contains("doctor or physiotherapist before vigorous exercise");
    }

    @Test
    void all_no_allows_the_vigorous_step() {
        Recommendation r = afterWalkingBreak10(Readiness.cleared());
        assertThat(r.routine().id()).isEqualTo("interval-walking-break");
        assertThat(r.heldBack()).isNull();
    }

    @Test
    void someone_already_on_a_vigorous_routine_steps_back_when_readiness_no_longer_allows_it() {
        Recommendation r = recommender.recommend(new Evidence(SITTING, List.of(), false, new Readiness(false, true, Set.of())),
                "interval-walking-break", ProgressionPolicy.Step.STAY);
        assertThat(r.routine().id()).isEqualTo("walking-break-10");
    }

    @Test
    void a_routine_with_an_unconfirmed_release_technique_is_never_recommended() {
        Routine release = V1.routine("guided-hip-release").orElseThrow();
        assertThat(Readiness.cleared().allows(release)).isFalse();
        assertThat(new Readiness(true, false, Set.of("psoas-iliacus-release")).allows(release)).isTrue();
    }

    @Test
    void exhaustively_no_finding_precaution_and_last_routine_yields_a_vigorous_or_unconfirmed_release_routine() {
        List<String> codes = new ArrayList<>(FindingCodes.ALL);
        List<String> previous = new ArrayList<>(V1.routines().stream().map(Routine::id).toList());
        previous.add(null);
        List<List<String>> precautionSets = new ArrayList<>();
        precautionSets.add(List.of());
        Precautions.ALL.forEach(p -> precautionSets.add(List.of(p)));
        for (String code : codes) {
            for (List<String> precautions : precautionSets) {
                for (String last : previous) {
                    for (ProgressionPolicy.Step step : ProgressionPolicy.Step.values()) {
                        Recommendation r = recommender.recommend(new Evidence(List.of(code), precautions, false,
                                new Readiness(false, true, Set.of())), last, step);
                        if (r.routine() != null) {
                            assertThat(r.routine().vigorous()).as(code + " " + precautions + " " + last).isFalse();
                            assertThat(r.routine().softTissueRelease()).as(code + " " + precautions + " " + last).isFalse();
                            assertThat(r.routine().safeWith(precautions)).isTrue();
                        }
                    }
                }
            }
        }
    }
}
