package io.upright.exercises.catalogue;

import io.upright.exercises.TestCatalogue;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** How the loader and the in-memory catalogue behave; the content itself is checked by {@link CatalogueContentTest}. */
class CatalogueTest {

    private final Catalogue catalogue = TestCatalogue.V1;

    private static Exercise exercise(String id, int seconds) {
        return new Exercise(id, "Title " + id, "purpose", List.of("step"), seconds, null, List.of("core"), "floor",
                List.of(), "gentle", List.of("none"), List.of("stop if it hurts"), true, null, "Seed article: x");
    }

    private static RoutineDefinition routine(String id, String level, String next, String... exerciseIds) {
        return new RoutineDefinition(id, "Routine " + id, "purpose", level, next, List.of(exerciseIds));
    }

    @Test
    void filters_combine_and_results_are_ordered_by_title_then_id() {
        List<Exercise> deskHips = catalogue.find(new ExerciseFilter("hip-flexors", null, null, null, null, true));
        assertThat(deskHips).isNotEmpty().allSatisfy(e -> {
            assertThat(e.bodyAreas()).contains("hip-flexors");
            assertThat(e.deskFriendly()).isTrue();
        });
        assertThat(deskHips).extracting(Exercise::title).isSorted();
        assertThat(catalogue.find(new ExerciseFilter(null, "floor", "hip-release-tool", null, null, null)))
                .extracting(Exercise::id).containsExactlyInAnyOrder("psoas-iliacus-release", "iliacus-release-with-tool");
        assertThat(catalogue.find(new ExerciseFilter(null, null, "none", 60, "gentle", null))).isNotEmpty()
                .allSatisfy(e -> {
                    assertThat(e.equipment()).isEmpty();
                    assertThat(e.durationSeconds()).isLessThanOrEqualTo(60);
                    assertThat(e.intensity()).isEqualTo("gentle");
                });
        assertThat(catalogue.find(ExerciseFilter.ANY)).hasSameSizeAs(catalogue.exercises());
    }

    @Test
    void routines_filter_by_level_and_by_the_body_areas_their_exercises_work() {
        assertThat(catalogue.findRoutines("intermediate", null)).isNotEmpty()
                .allSatisfy(r -> assertThat(r.level()).isEqualTo("intermediate"));
        assertThat(catalogue.findRoutines(null, "neck-shoulders")).extracting(Routine::id).contains("posture-reset")
                .doesNotContain("glute-and-core-builder");
        assertThat(catalogue.routine("hip-flexor-reset").orElseThrow().bodyAreas())
                .containsExactly("hip-flexors", "lower-back", "glutes", "core", "whole-body");
    }

    @Test
    void a_progression_follows_next_to_its_end() {
        assertThat(catalogue.progression("walking-warm-up")).extracting(Routine::id)
                .containsExactly("walking-warm-up", "walking-break", "walking-break-10", "interval-walking-break");
        assertThat(catalogue.progression("nope")).isEmpty();
    }

    @Test
    void entity_tags_carry_the_version_and_change_with_the_content() {
        String tag = catalogue.exerciseTag("glute-bridge").orElseThrow();
        assertThat(tag).matches("v1-[0-9a-f]{16}");
        assertThat(TestCatalogue.V1.exerciseTag("glute-bridge")).contains(tag);
        Catalogue one = new Catalogue("v9", List.of(exercise("a", 300)), List.of(routine("r", "beginner", null, "a")));
        Catalogue changed = new Catalogue("v9", List.of(exercise("a", 301)), List.of(routine("r", "beginner", null, "a")));
        assertThat(one.exerciseTag("a")).isNotEqualTo(changed.exerciseTag("a"));
        assertThat(one.routineTag("r")).as("a routine's tag covers its exercises").isNotEqualTo(changed.routineTag("r"));
        assertThat(one.exerciseTag("a").orElseThrow()).startsWith("v9-");
    }

    @Test
    void a_routine_that_names_an_unknown_exercise_is_refused_at_load() {
        assertThatThrownBy(() -> new Catalogue("test", List.of(exercise("a", 300)),
                List.of(routine("broken", "beginner", null, "a", "no-such-exercise"))))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("no-such-exercise");
    }

    @Test
    void routines_outside_five_to_ten_minutes_are_refused_at_load() {
        assertThatThrownBy(() -> new Catalogue("test", List.of(exercise("a", 299)), List.of(routine("short", "beginner", null, "a"))))
                .hasMessageContaining("5 to 10 minutes");
        assertThatThrownBy(() -> new Catalogue("test", List.of(exercise("a", 601)), List.of(routine("long", "beginner", null, "a"))))
                .hasMessageContaining("5 to 10 minutes");
    }

    @Test
    void progressions_that_step_down_point_nowhere_or_loop_are_refused_at_load() {
        List<Exercise> a = List.of(exercise("a", 300));
        assertThatThrownBy(() -> new Catalogue("test", a, List.of(routine("hard", "intermediate", "easy", "a"),
                routine("easy", "beginner", null, "a")))).hasMessageContaining("lower level");
        assertThatThrownBy(() -> new Catalogue("test", a, List.of(routine("r", "beginner", "ghost", "a"))))
                .hasMessageContaining("ghost");
        assertThatThrownBy(() -> new Catalogue("test", a, List.of(routine("x", "beginner", "y", "a"),
                routine("y", "beginner", "x", "a")))).hasMessageContaining("loops");
        assertThatThrownBy(() -> new Catalogue("test", a, List.of(routine("r", "expert", null, "a"))))
                .hasMessageContaining("level");
    }

    @Test
    void words_outside_the_vocabulary_and_missing_safety_notes_are_refused_at_load() {
        Exercise ok = exercise("a", 300);
        Exercise badArea = new Exercise("b", "B", "p", List.of("s"), 60, null, List.of("hips"), "floor", List.of(),
                "gentle", List.of("c"), List.of("n"), true, null, "Seed article: x");
        Exercise noNotes = new Exercise("c", "C", "p", List.of("s"), 60, null, List.of("core"), "floor", List.of(),
                "gentle", List.of("c"), List.of(), true, null, "Seed article: x");
        Exercise badMedia = new Exercise("d", "D", "p", List.of("s"), 60, null, List.of("core"), "floor", List.of(),
                "gentle", List.of("c"), List.of("n"), true, List.of(new MediaReference("hologram", "x", "y")), "Seed article: x");
        for (Exercise bad : List.of(badArea, noNotes, badMedia)) {
            assertThatThrownBy(() -> new Catalogue("test", List.of(ok, bad), List.of())).as(bad.id())
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("Exercise " + bad.id());
        }
    }

    @Test
    void media_may_be_left_out_of_a_data_file_and_length_and_reps_come_from_the_dose_never_typed() {
        String exercise = "{\"id\":\"a\",\"title\":\"A\",\"purpose\":\"p\",\"steps\":[\"s\"],"
                + "\"bodyAreas\":[\"core\"],\"position\":\"floor\",\"equipment\":[],\"intensity\":\"gentle\","
                + "\"contraindications\":[\"c\"],\"contraindicationCodes\":[],\"safetyNotes\":[\"n\"],\"deskFriendly\":true,"
                + "\"dose\":{\"setupSeconds\":20,\"sets\":2,\"sides\":2,\"reps\":5,\"secondsPerRep\":12,\"restSeconds\":20},"
                + "\"softTissueRelease\":false,\"microBreak\":false,\"standalone\":false,\"source\":\"Seed article: x\"%s}";
        String routines = "{\"routines\":[{\"id\":\"r\",\"title\":\"R\",\"purpose\":\"p\",\"level\":\"beginner\",\"exerciseIds\":[\"a\"]}]}";
        Catalogue withMedia = load(Map.of("exercises.json", "{\"exercises\":[" + exercise.formatted(
                ",\"media\":[{\"kind\":\"image\",\"uri\":\"media/a.svg\",\"description\":\"A drawing\"}]") + "]}",
                "routines.json", routines));
        assertThat(withMedia.exercise("a").orElseThrow().media()).singleElement()
                .extracting(MediaReference::uri).isEqualTo("media/a.svg");
        Catalogue without = load(Map.of("exercises.json", "{\"exercises\":[" + exercise.formatted("") + "]}",
                "routines.json", routines));
        Exercise a = without.exercise("a").orElseThrow();
        assertThat(a.media()).isEmpty();
        assertThat(a.durationSeconds()).as("20 setup + 4 blocks x 5 x 12 + 3 rests x 20").isEqualTo(320);
        assertThat(a.reps()).isEqualTo(5);
        assertThat(without.routine("r").orElseThrow().durationSeconds()).isEqualTo(320);
        assertThat(without.routine("r").orElseThrow().next()).isNull();
        assertThatThrownBy(() -> load(Map.of("exercises.json", "{\"exercises\":[" + exercise.formatted("")
                .replace(",\"deskFriendly\":true", "") + "]}", "routines.json", routines)))
                .hasMessageContaining("deskFriendly");
        assertThatThrownBy(() -> load(Map.of("exercises.json", "{\"exercises\":[" + exercise.formatted(",\"durationSeconds\":90")
                + "]}", "routines.json", routines))).hasMessageContaining("computed from its dose");
        assertThatThrownBy(() -> load(Map.of("exercises.json", "{\"exercises\":[" + exercise.formatted("")
                .replace("\"contraindicationCodes\":[]", "\"contraindicationCodes\":[\"hay-fever\"]") + "]}",
                "routines.json", routines))).hasMessageContaining("contraindicationCodes");
    }

    @Test
    void a_beginner_routine_may_not_contain_a_release_technique_and_every_exercise_needs_a_place() {
        String release = "{\"id\":\"a\",\"title\":\"A\",\"purpose\":\"p\",\"steps\":[\"s\"],"
                + "\"bodyAreas\":[\"core\"],\"position\":\"floor\",\"equipment\":[],\"intensity\":\"gentle\","
                + "\"contraindications\":[\"c\"],\"contraindicationCodes\":[\"anticoagulants\"],\"safetyNotes\":[\"n\"],"
                + "\"deskFriendly\":false,\"dose\":{\"setupSeconds\":0,\"sets\":1,\"sides\":1,\"reps\":1,"
                + "\"secondsPerRep\":400,\"restSeconds\":0},\"softTissueRelease\":true,\"microBreak\":false,"
                + "\"standalone\":%s,\"source\":\"Seed article: x\"}";
        String beginner = "{\"routines\":[{\"id\":\"r\",\"title\":\"R\",\"purpose\":\"p\",\"level\":\"beginner\",\"exerciseIds\":[\"a\"]}]}";
        assertThatThrownBy(() -> load(Map.of("exercises.json", "{\"exercises\":[" + release.formatted("false") + "]}",
                "routines.json", beginner))).hasMessageContaining("release technique");
        assertThat(load(Map.of("exercises.json", "{\"exercises\":[" + release.formatted("false") + "]}",
                "routines.json", beginner.replace("beginner", "intermediate"))).routine("r")).isPresent();
        assertThatThrownBy(() -> load(Map.of("exercises.json", "{\"exercises\":[" + release.formatted("false") + "]}",
                "routines.json", "{\"routines\":[]}"))).hasMessageContaining("not marked standalone");
        assertThat(load(Map.of("exercises.json", "{\"exercises\":[" + release.formatted("true") + "]}",
                "routines.json", "{\"routines\":[]}")).exercise("a")).isPresent();
    }

    private static Catalogue load(Map<String, String> files) {
        return Catalogue.load("test", name -> new ByteArrayInputStream(files.get(name).getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void the_published_library_never_refuses_content_and_tags_each_item_with_its_published_version() {
        Catalogue published = Catalogue.published(List.of(exercise("a", 300)), java.util.Map.of("a", 3),
                List.of(routine("r", "beginner", "not-published", "a"), routine("broken", "beginner", null, "a", "gone")),
                java.util.Map.of("r", 2, "broken", 1));
        assertThat(published.routine("r").orElseThrow().next()).as("a next that is not published ends the progression").isNull();
        assertThat(published.routine("broken")).as("a routine with missing parts is left out").isEmpty();
        assertThat(published.exerciseTag("a").orElseThrow()).startsWith("v3-");
        assertThat(published.routineTag("r").orElseThrow()).startsWith("v2-");
    }

    @Test
    void a_library_without_the_routines_a_release_replaces_keeps_every_exercise_and_the_other_routines() {
        Catalogue published = Catalogue.published(List.of(exercise("a", 300), exercise("b", 300)), Map.of(),
                List.of(routine("r", "beginner", null, "a"), routine("s", "beginner", null, "b")), Map.of());
        Catalogue without = published.withoutRoutines(java.util.Set.of("r"));
        assertThat(without.routine("r")).isEmpty();
        assertThat(without.routine("s")).isPresent();
        assertThat(without.exercises()).extracting(Exercise::id).containsExactly("a", "b");
    }

    @Test
    void an_illustration_without_alt_text_or_with_an_unknown_joint_is_refused_naming_the_part() {
        Illustration good = new Illustration("A person standing", "side", List.of(), List.of(Map.of("hip", 10)));
        assertThat(good.problems()).isEmpty();
        assertThat(new Illustration(" ", "side", List.of(), List.of(Map.of("hip", 10))).problems())
                .extracting(ExerciseRules.Problem::field).containsExactly("illustration.alt");
        assertThat(new Illustration("x", "diagonal", List.of("trampoline"), List.of(Map.of("tail", 10), Map.of("hip", 400))).problems())
                .extracting(ExerciseRules.Problem::field)
                .containsExactly("illustration.view", "illustration.props", "illustration.keyframes");
        assertThat(new Illustration("x", "side", List.of(), List.of()).problems())
                .extracting(ExerciseRules.Problem::field).containsExactly("illustration.keyframes");
    }
}
