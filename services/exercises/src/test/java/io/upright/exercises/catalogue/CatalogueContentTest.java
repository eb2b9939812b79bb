package io.upright.exercises.catalogue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.upright.contracts.assessments.Precautions;
import io.upright.exercises.TestCatalogue;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reads the v1 data files as plain JSON (not through the loader, so a loader bug cannot hide a content
 * mistake) and checks the promises the product makes about its content.
 */
class CatalogueContentTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNode EXERCISES = read("exercises.json").get("exercises");
    private static final JsonNode ROUTINES = read("routines.json").get("routines");

    private static JsonNode read(String file) {
        try (InputStream in = CatalogueContentTest.class.getClassLoader().getResourceAsStream("catalogue/v1/" + file)) {
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<JsonNode> list(JsonNode array) {
        List<JsonNode> items = new ArrayList<>();
        array.forEach(items::add);
        return items;
    }

    private static List<String> texts(JsonNode array) {
        return array == null ? List.of() : list(array).stream().map(JsonNode::asText).toList();
    }

    private static final Map<String, JsonNode> EXERCISE_BY_ID = list(EXERCISES).stream()
            .collect(Collectors.toMap(e -> e.get("id").asText(), Function.identity(), (a, b) -> a));
    private static final Map<String, JsonNode> ROUTINE_BY_ID = list(ROUTINES).stream()
            .collect(Collectors.toMap(r -> r.get("id").asText(), Function.identity(), (a, b) -> a));

    @Test
    void the_library_has_at_least_thirty_exercises_with_unique_ids_including_the_original_ten() {
        assertThat(EXERCISES.size()).isGreaterThanOrEqualTo(30);
        assertThat(EXERCISE_BY_ID).hasSize(EXERCISES.size());
        assertThat(EXERCISE_BY_ID.keySet()).contains("half-kneeling-hip-flexor-stretch", "standing-hip-flexor-stretch",
                "psoas-iliacus-release", "seated-figure-four-stretch", "glute-bridge", "bird-dog", "cat-cow",
                "standing-back-extension", "posture-reset", "brisk-walk-5-min");
        assertThat(ROUTINE_BY_ID).hasSize(ROUTINES.size());
    }

    @Test
    void every_exercise_has_steps_body_areas_a_source_and_safety_guidance_in_the_vocabulary() {
        assertThat(list(EXERCISES)).allSatisfy(e -> {
            String id = e.get("id").asText();
            assertThat(e.get("title").asText()).as(id).isNotBlank();
            assertThat(e.get("purpose").asText()).as(id).isNotBlank();
            assertThat(texts(e.get("steps"))).as(id + " steps").isNotEmpty().allSatisfy(s -> assertThat(s).isNotBlank());
            assertThat(texts(e.get("bodyAreas"))).as(id + " bodyAreas").isNotEmpty().isSubsetOf(Vocabulary.BODY_AREAS);
            assertThat(texts(e.get("contraindications"))).as(id + " contraindications").isNotEmpty();
            assertThat(texts(e.get("safetyNotes"))).as(id + " safetyNotes").isNotEmpty();
            assertThat(e.get("source").asText()).as(id + " source").matches("^(Seed article|Named guideline): .+");
            assertThat(e.has("durationSeconds")).as(id + " durationSeconds is computed, never typed").isFalse();
            assertThat(seconds(e)).as(id).isPositive();
            assertThat(texts(e.get("contraindicationCodes"))).as(id + " contraindicationCodes").isSubsetOf(Precautions.ALL);
            assertThat(e.get("position").asText()).as(id).isIn(Vocabulary.POSITIONS);
            assertThat(texts(e.get("equipment"))).as(id + " equipment").isSubsetOf(Vocabulary.EQUIPMENT);
            assertThat(e.get("intensity").asText()).as(id).isIn(Vocabulary.INTENSITIES);
            assertThat(e.get("deskFriendly").isBoolean()).as(id + " deskFriendly").isTrue();
        });
    }

    @Test
    void the_library_covers_every_theme_of_the_seed_advice() {
        Set<String> areas = new HashSet<>();
        list(EXERCISES).forEach(e -> areas.addAll(texts(e.get("bodyAreas"))));
        assertThat(areas).containsAll(Vocabulary.BODY_AREAS);
        assertThat(EXERCISE_BY_ID.values()).filteredOn(e -> texts(e.get("equipment")).contains("hip-release-tool"))
                .hasSizeGreaterThanOrEqualTo(2);
        assertThat(EXERCISE_BY_ID.keySet()).as("graded walking progression")
                .contains("brisk-walk-5-min", "brisk-walk-10-min", "brisk-walk-15-min");
        assertThat(EXERCISE_BY_ID.values()).as("desk-friendly choices").filteredOn(e -> e.get("deskFriendly").asBoolean())
                .hasSizeGreaterThanOrEqualTo(15);
        for (String position : Vocabulary.POSITIONS) {
            assertThat(EXERCISE_BY_ID.values()).as(position).anySatisfy(e -> assertThat(e.get("position").asText()).isEqualTo(position));
        }
    }

    @Test
    void every_routine_uses_existing_exercises_that_add_up_to_five_to_ten_minutes() {
        assertThat(ROUTINE_BY_ID.keySet()).contains("hip-flexor-reset", "desk-day-lower-back", "walking-break",
                "posture-reset", "standing-desk-starter", "walking-warm-up", "glute-and-core-builder");
        Catalogue loaded = TestCatalogue.V1;
        assertThat(list(ROUTINES)).allSatisfy(r -> {
            String id = r.get("id").asText();
            List<String> parts = texts(r.get("exerciseIds"));
            assertThat(parts).as(id).isNotEmpty().allSatisfy(p -> assertThat(EXERCISE_BY_ID).containsKey(p));
            int sum = parts.stream().mapToInt(p -> seconds(EXERCISE_BY_ID.get(p))).sum();
            assertThat(sum).as(id + " seconds").isBetween(300, 600);
            assertThat(loaded.routine(id).orElseThrow().durationSeconds()).as(id + " computed").isEqualTo(sum);
            assertThat(r.get("level").asText()).as(id).isIn(Vocabulary.LEVELS);
        });
    }

    @Test
    void every_next_routine_exists_is_not_easier_and_no_progression_loops() {
        assertThat(list(ROUTINES)).allSatisfy(r -> {
            String id = r.get("id").asText();
            JsonNode next = r.get("next");
            if (next != null && !next.isNull()) {
                assertThat(ROUTINE_BY_ID).as(id + " next").containsKey(next.asText());
                int level = Vocabulary.LEVELS.indexOf(r.get("level").asText());
                int nextLevel = Vocabulary.LEVELS.indexOf(ROUTINE_BY_ID.get(next.asText()).get("level").asText());
                assertThat(nextLevel).as(id + " -> " + next.asText()).isGreaterThanOrEqualTo(level);
            }
            Set<String> seen = new HashSet<>();
            for (JsonNode at = r; at != null; ) {
                assertThat(seen.add(at.get("id").asText())).as("progression from " + id + " loops").isTrue();
                JsonNode n = at.get("next");
                at = n == null || n.isNull() ? null : ROUTINE_BY_ID.get(n.asText());
            }
        });
        assertThat(ROUTINE_BY_ID.values()).as("beginner routines that lead somewhere")
                .filteredOn(r -> r.get("level").asText().equals("beginner") && r.hasNonNull("next")).isNotEmpty();
    }

    /** Length from the dose, computed here independently of the loader: setup + every rep + rests between blocks. */
    private static int seconds(JsonNode e) {
        JsonNode d = e.get("dose");
        int blocks = d.get("sets").asInt() * d.get("sides").asInt();
        return d.get("setupSeconds").asInt() + blocks * d.get("reps").asInt() * d.get("secondsPerRep").asInt()
                + (blocks - 1) * d.get("restSeconds").asInt();
    }

    private static List<String> parts(String routineId) {
        return texts(ROUTINE_BY_ID.get(routineId).get("exerciseIds"));
    }

    private static List<String> codes(String exerciseId) {
        return texts(EXERCISE_BY_ID.get(exerciseId).get("contraindicationCodes"));
    }

    @Test
    void every_exercise_is_in_a_routine_or_explicitly_standalone() {
        Set<String> used = new HashSet<>();
        list(ROUTINES).forEach(r -> used.addAll(texts(r.get("exerciseIds"))));
        assertThat(list(EXERCISES)).allSatisfy(e -> assertThat(used.contains(e.get("id").asText())
                || e.get("standalone").asBoolean()).as(e.get("id").asText()).isTrue());
        assertThat(used).as("stair-climb-break has a routine").contains("stair-climb-break");
    }

    @Test
    void the_release_techniques_name_blood_thinners_and_pregnancy_and_stay_out_of_beginner_routines() {
        List<JsonNode> releases = list(EXERCISES).stream().filter(e -> e.get("softTissueRelease").asBoolean()).toList();
        assertThat(releases).extracting(e -> e.get("id").asText())
                .containsExactlyInAnyOrder("psoas-iliacus-release", "iliacus-release-with-tool");
        assertThat(releases).allSatisfy(e -> assertThat(texts(e.get("contraindicationCodes")))
                .contains(Precautions.ANTICOAGULANTS, Precautions.PREGNANCY));
        assertThat(list(ROUTINES)).filteredOn(r -> r.get("level").asText().equals("beginner")).allSatisfy(r ->
                assertThat(texts(r.get("exerciseIds"))).as(r.get("id").asText()).doesNotContain("psoas-iliacus-release",
                        "iliacus-release-with-tool"));
        assertThat(parts("guided-hip-release")).contains("psoas-iliacus-release");
    }

    @Test
    void lumbar_extension_is_coded_for_stenosis_and_left_out_of_the_default_walking_break() {
        assertThat(codes("standing-back-extension")).contains(Precautions.STENOSIS_SYMPTOMS);
        assertThat(list(ROUTINES)).filteredOn(r -> parts(r.get("id").asText()).contains("standing-back-extension"))
                .extracting(r -> r.get("id").asText()).containsExactly("desk-day-lower-back");
        assertThat(codes("mcgill-curl-up")).contains(Precautions.OSTEOPOROSIS, Precautions.PREGNANCY);
    }

    @Test
    void the_first_hip_flexor_routine_can_be_done_at_a_desk() {
        assertThat(parts("hip-flexor-reset")).allSatisfy(id -> {
            JsonNode e = EXERCISE_BY_ID.get(id);
            assertThat(e.get("deskFriendly").asBoolean()).as(id).isTrue();
            assertThat(e.get("position").asText()).as(id).isNotEqualTo("floor");
        });
    }

    @Test
    void corrected_lengths_follow_the_steps() {
        assertThat(seconds(EXERCISE_BY_ID.get("bird-dog"))).as("8 slow holds per side").isBetween(170, 200);
        assertThat(parts("glute-and-core-builder").stream().mapToInt(p -> seconds(EXERCISE_BY_ID.get(p))).sum())
                .isLessThanOrEqualTo(600);
        assertThat(seconds(EXERCISE_BY_ID.get("interval-walk"))).as("five one-minute stretches").isEqualTo(300);
    }

    @Test
    void micro_breaks_are_desk_friendly_one_to_two_minutes_and_include_standing_up_and_a_short_walk() {
        List<JsonNode> micro = list(EXERCISES).stream().filter(e -> e.get("microBreak").asBoolean()).toList();
        assertThat(micro).hasSizeGreaterThanOrEqualTo(6).allSatisfy(e -> {
            String id = e.get("id").asText();
            assertThat(e.get("deskFriendly").asBoolean()).as(id).isTrue();
            assertThat(e.get("position").asText()).as(id).isNotEqualTo("floor");
            assertThat(seconds(e)).as(id).isBetween(60, 120);
        });
        assertThat(micro).extracting(e -> e.get("id").asText()).contains("stand-up-and-reach", "short-walk-2-min");
    }

    /**
     * The README's walking progression line lists routines with the walk each contains, joined by arrows; it must
     * be exactly a chain of {@code next} links, name every brisk walk, and call the 15-minute walk standalone.
     */
    @Test
    void the_readme_walking_progression_matches_the_routines_next_chain() throws IOException {
        String line = java.nio.file.Files.readAllLines(java.nio.file.Path.of("README.md")).stream()
                .filter(l -> l.startsWith("**Walking progression**")).findFirst().orElseThrow();
        java.util.regex.Matcher step = java.util.regex.Pattern.compile("`([a-z0-9-]+)` \\(`([a-z0-9-]+)`\\)").matcher(line);
        List<String> routines = new ArrayList<>();
        List<String> walks = new ArrayList<>();
        while (step.find()) {
            routines.add(step.group(1));
            walks.add(step.group(2));
            assertThat(parts(step.group(1))).as(step.group(1)).contains(step.group(2));
        }
        assertThat(routines).hasSizeGreaterThanOrEqualTo(3);
        for (int i = 0; i + 1 < routines.size(); i++) {
            assertThat(ROUTINE_BY_ID.get(routines.get(i)).path("next").asText()).as(routines.get(i) + " next")
                    .isEqualTo(routines.get(i + 1));
        }
        assertThat(ROUTINE_BY_ID.get(routines.get(routines.size() - 1)).path("next").isMissingNode()
                || ROUTINE_BY_ID.get(routines.get(routines.size() - 1)).get("next").isNull()).as("chain ends").isTrue();
        assertThat(walks).contains("brisk-walk-5-min", "brisk-walk-10-min");
        assertThat(line).contains("`brisk-walk-15-min` standalone");
        assertThat(EXERCISE_BY_ID.get("brisk-walk-15-min").get("standalone").asBoolean()).isTrue();
    }

    @Test
    void every_exercise_has_an_illustration_drawn_for_it_with_a_text_alternative_and_poses_in_known_joints() {
        for (JsonNode e : list(EXERCISES)) {
            String id = e.get("id").asText();
            JsonNode drawing = e.path("illustration");
            assertThat(drawing.path("alt").asText()).as(id + " alt text").isNotBlank();
            assertThat(drawing.path("view").asText()).as(id + " view").isIn(Illustration.VIEWS);
            assertThat(texts(drawing.path("props"))).as(id + " props").allMatch(Illustration.PROPS::contains);
            assertThat(drawing.path("keyframes").size()).as(id + " poses").isBetween(1, Illustration.MAX_KEYFRAMES);
            for (JsonNode pose : drawing.path("keyframes")) {
                pose.fields().forEachRemaining(joint -> {
                    assertThat(joint.getKey()).as(id).isIn(Illustration.JOINTS);
                    assertThat(joint.getValue().isInt() && Math.abs(joint.getValue().asInt()) <= 180).as(id + " " + joint).isTrue();
                });
            }
        }
    }

    @Test
    void the_props_drawn_are_the_ones_the_steps_use() {
        // a chair or a wall in the drawing is one the exercise lists as equipment (a desk held lightly for balance
        // is drawn where the steps mention it, even when the exercise does not need one)
        for (JsonNode e : list(EXERCISES)) {
            List<String> equipment = texts(e.get("equipment"));
            List<String> props = texts(e.path("illustration").path("props"));
            String id = e.get("id").asText();
            if (props.contains("chair") || props.contains("chair-under-calves")) {
                assertThat(equipment).as(id).contains("chair");
            }
            if (props.contains("wall") || props.contains("front-wall")) {
                assertThat(equipment).as(id).contains("wall");
            }
        }
    }
}
