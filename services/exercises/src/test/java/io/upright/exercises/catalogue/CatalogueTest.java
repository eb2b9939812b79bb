package io.upright.exercises.catalogue;

import io.upright.exercises.TestCatalogue;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CatalogueTest {

    private final Catalogue catalogue = TestCatalogue.V1;

    @Test
    void the_seed_catalogue_has_the_ten_planned_exercises() {
        assertThat(catalogue.exercises()).hasSize(10).extracting(Exercise::id).contains(
                "half-kneeling-hip-flexor-stretch", "standing-hip-flexor-stretch", "psoas-iliacus-release",
                "seated-figure-four-stretch", "glute-bridge", "bird-dog", "cat-cow", "standing-back-extension",
                "posture-reset", "brisk-walk-5-min");
    }

    @Test
    void every_exercise_has_steps_a_source_contraindications_and_a_duration() {
        assertThat(catalogue.exercises()).allSatisfy(e -> {
            assertThat(e.steps()).as(e.id()).isNotEmpty().allSatisfy(step -> assertThat(step).isNotBlank());
            assertThat(e.source()).as(e.id()).isNotBlank();
            assertThat(e.contraindications()).as(e.id()).isNotEmpty();
            assertThat(e.durationSeconds()).as(e.id()).isPositive();
            assertThat(e.bodyAreas()).as(e.id()).isNotEmpty();
            assertThat(Catalogue.POSITIONS).as(e.id()).contains(e.position());
        });
    }

    @Test
    void every_routine_uses_existing_exercises_and_lasts_five_to_ten_minutes() {
        assertThat(catalogue.routines()).extracting(Routine::id).containsExactlyInAnyOrder(
                "hip-flexor-reset", "desk-day-lower-back", "walking-break", "posture-reset");
        assertThat(catalogue.routines()).allSatisfy(r -> {
            assertThat(r.exerciseIds()).as(r.id()).allSatisfy(id -> assertThat(catalogue.exercise(id)).isPresent());
            int sum = r.exerciseIds().stream().mapToInt(id -> catalogue.exercise(id).orElseThrow().durationSeconds()).sum();
            assertThat(r.durationSeconds()).as(r.id()).isEqualTo(sum).isBetween(300, 600);
            assertThat(r.durationMinutes()).as(r.id()).isBetween(5, 10);
        });
    }

    @Test
    void the_hip_flexor_reset_includes_the_psoas_and_iliacus_release() {
        assertThat(catalogue.routine("hip-flexor-reset").orElseThrow().exerciseIds()).contains("psoas-iliacus-release");
    }

    @Test
    void filters_combine_and_results_are_ordered_by_title() {
        List<Exercise> deskHips = catalogue.find("hips", null, true);
        assertThat(deskHips).isNotEmpty().allSatisfy(e -> {
            assertThat(e.bodyAreas()).contains("hips");
            assertThat(e.deskFriendly()).isTrue();
        });
        assertThat(deskHips).extracting(Exercise::title).isSorted();
        assertThat(catalogue.find(null, "lying", null)).extracting(Exercise::id)
                .containsExactlyInAnyOrder("glute-bridge", "psoas-iliacus-release");
    }

    @Test
    void a_routine_that_names_an_unknown_exercise_is_refused_at_load() {
        Exercise one = catalogue.exercises().get(0);
        assertThatThrownBy(() -> new Catalogue("test", List.of(one),
                List.of(new RoutineDefinition("broken", "Broken", "x", List.of(one.id(), "no-such-exercise")))))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("no-such-exercise");
    }
}
