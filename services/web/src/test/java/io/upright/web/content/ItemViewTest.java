package io.upright.web.content;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ItemViewTest {

    private static ContentApi.RoutineVersion version(int number, String status) {
        return new ContentApi.RoutineVersion(number, status, "seed", null, null, 480,
                new ContentApi.Routine("r", "R " + number, "P", "beginner", null, List.of("a")));
    }

    @Test
    void the_newest_version_is_the_last_the_service_lists() {
        assertThat(ItemView.latest(List.of(version(1, "superseded"), version(2, "published"), version(3, "draft"))).version())
                .isEqualTo(3);
    }

    @Test
    void the_published_version_is_shown_besides_only_while_a_newer_one_is_worked_on() {
        assertThat(ItemView.publishedBehind(List.of(version(1, "published"), version(2, "in-review"))))
                .hasValueSatisfying(v -> assertThat(v.version()).isEqualTo(1));
        assertThat(ItemView.publishedBehind(List.of(version(1, "superseded"), version(2, "published")))).isEmpty();
        assertThat(ItemView.publishedBehind(List.of(version(1, "draft")))).isEmpty();
    }

    @Test
    void an_exercise_is_drawn_when_its_drawing_can_be_and_otherwise_not() throws Exception {
        ObjectMapper json = new ObjectMapper();
        ContentApi.Exercise drawn = exercise(json.readTree(
                "{\"alt\":\"Standing tall\",\"view\":\"side\",\"props\":[],\"keyframes\":[{\"hip\":0}]}"));
        assertThat(ItemView.figure(drawn, "v1")).startsWith("<svg").contains("Standing tall");
        assertThat(ItemView.figure(exercise(null), "v1")).isEmpty();
        assertThat(ItemView.figure(exercise(json.readTree("{\"alt\":\"x\",\"keyframes\":\"not poses\"}")), "v1")).isEmpty();
    }

    private static ContentApi.Exercise exercise(com.fasterxml.jackson.databind.JsonNode drawing) {
        return new ContentApi.Exercise("e", "E", "P", List.of("s"), 60, null, List.of("core"), "standing", List.of(),
                "gentle", List.of("c"), List.of("n"), true, List.of(), "src", List.of(), null, false, false, false, false,
                drawing);
    }
}
