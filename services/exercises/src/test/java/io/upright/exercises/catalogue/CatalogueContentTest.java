package io.upright.exercises.catalogue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
            assertThat(e.get("durationSeconds").asInt()).as(id).isPositive();
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
            int sum = parts.stream().mapToInt(p -> EXERCISE_BY_ID.get(p).get("durationSeconds").asInt()).sum();
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

    @Test
    void the_hip_flexor_reset_includes_the_psoas_and_iliacus_release() {
        assertThat(texts(ROUTINE_BY_ID.get("hip-flexor-reset").get("exerciseIds"))).contains("psoas-iliacus-release");
    }
}
