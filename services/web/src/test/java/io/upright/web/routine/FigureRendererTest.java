package io.upright.web.routine;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class FigureRendererTest {

    private static final ObjectMapper JSON = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    /** The exercises service's shipped content, read from the sibling module of this repository. */
    private static final Path CONTENT = Path.of("../exercises/src/main/resources/catalogue/v1/exercises.json");

    private static FigureRenderer.Point at(FigureRenderer.Figure f, String joint) {
        return f.at(joint);
    }

    @Test
    void standing_upright_puts_the_shoulder_above_the_hip_and_the_knee_and_ankle_straight_below() {
        FigureRenderer.Figure standing = FigureRenderer.pose(Map.of());
        assertThat(at(standing, "shoulder").x()).isCloseTo(0, within(1e-9));
        assertThat(at(standing, "shoulder").y()).isCloseTo(FigureRenderer.TRUNK, within(1e-9));
        assertThat(at(standing, "knee").y()).isCloseTo(-FigureRenderer.THIGH, within(1e-9));
        assertThat(at(standing, "ankle").y()).isCloseTo(-FigureRenderer.THIGH - FigureRenderer.SHANK, within(1e-9));
        // the foot points forward (the figure faces right) and the arm hangs along the trunk
        assertThat(at(standing, "toe").x()).isCloseTo(FigureRenderer.FOOT, within(1e-9));
        assertThat(at(standing, "hand").y()).isCloseTo(FigureRenderer.TRUNK - FigureRenderer.UPPER_ARM - FigureRenderer.FOREARM, within(1e-9));
    }

    @Test
    void sitting_with_hip_and_knee_at_right_angles_has_the_thigh_level_forward_and_the_shin_vertical() {
        FigureRenderer.Figure seated = FigureRenderer.pose(Map.of("hip", 90, "knee", 90, "shoulder", 90, "elbow", 90));
        assertThat(at(seated, "knee").x()).isCloseTo(FigureRenderer.THIGH, within(1e-9));
        assertThat(at(seated, "knee").y()).isCloseTo(0, within(1e-9));
        assertThat(at(seated, "ankle").x()).isCloseTo(FigureRenderer.THIGH, within(1e-9));
        assertThat(at(seated, "ankle").y()).isCloseTo(-FigureRenderer.SHANK, within(1e-9));
        // arm straight out in front, forearm bent up to the ceiling
        assertThat(at(seated, "elbow").x()).isCloseTo(FigureRenderer.UPPER_ARM, within(1e-9));
        assertThat(at(seated, "hand").y()).isCloseTo(FigureRenderer.TRUNK + FigureRenderer.FOREARM, within(1e-9));
    }

    @Test
    void lying_on_the_back_puts_the_head_behind_the_hips_and_a_half_kneel_rests_on_the_back_knee_and_front_foot() {
        FigureRenderer.Figure supine = FigureRenderer.pose(Map.of("trunk", -90));
        assertThat(at(supine, "shoulder").x()).isCloseTo(-FigureRenderer.TRUNK, within(1e-9));
        assertThat(at(supine, "knee").x()).isCloseTo(FigureRenderer.THIGH, within(1e-9));

        Illustration kneel = new Illustration("Half kneeling", "side", List.of(),
                List.of(Map.of("hip", 90, "knee", 90, "farHip", 0, "farKnee", 90, "farAnkle", -90)));
        FigureRenderer.Figure grounded = FigureRenderer.grounded(kneel).get(0);
        assertThat(at(grounded, "farKnee").y()).isCloseTo(0, within(1e-9));
        // the thigh is a centimetre longer than the shin, so the front foot is just off the floor
        assertThat(at(grounded, "heel").y()).isCloseTo(FigureRenderer.THIGH - FigureRenderer.SHANK, within(1e-9));
        assertThat(at(grounded, "hip").y()).isCloseTo(FigureRenderer.THIGH, within(1e-9));
    }

    @Test
    void a_later_pose_keeps_the_feet_where_they_were_and_is_drawn_ghosted() {
        Illustration sitToStand = new Illustration("Sit to stand", "side", List.of("chair"),
                List.of(Map.of("trunk", 35, "hip", 125, "knee", 100, "ankle", 10), Map.of()));
        List<FigureRenderer.Figure> poses = FigureRenderer.grounded(sitToStand);
        assertThat(at(poses.get(1), "farToe").x()).isCloseTo(at(poses.get(0), "farToe").x(), within(1e-9));
        String svg = FigureRenderer.svg(sitToStand, "sit");
        assertThat(svg).contains("class=\"pose ghost\"", "stroke-dasharray");
        assertThat(count(svg, "<g class=\"pose")).isEqualTo(2);
    }

    @Test
    void the_svg_is_an_image_titled_with_the_alt_text_escaped() {
        String svg = FigureRenderer.svg(new Illustration("Knees <90°> & \"tall\"", "side", List.of(), List.of(Map.of())), "a b");
        assertThat(svg).startsWith("<svg class=\"figure\" role=\"img\" aria-labelledby=\"fig-a-b\"")
                .contains("<title id=\"fig-a-b\">Knees &lt;90°&gt; &amp; &quot;tall&quot;</title>")
                .endsWith("</svg>");
        assertThat(FigureRenderer.svg(null, "x")).isEmpty();
        assertThat(FigureRenderer.svg(new Illustration(" ", "side", List.of(), List.of(Map.of())), "x")).isEmpty();
    }

    @Test
    void every_exercise_in_the_shipped_content_has_an_illustration_that_draws_with_its_alt_text() throws IOException {
        JsonNode exercises = JSON.readTree(Files.readString(CONTENT)).get("exercises");
        assertThat(exercises.size()).isGreaterThanOrEqualTo(30);
        Pattern viewBox = Pattern.compile("viewBox=\"(\\S+) (\\S+) (\\S+) (\\S+)\"");
        for (JsonNode exercise : exercises) {
            String id = exercise.get("id").asText();
            Illustration illustration = JSON.treeToValue(exercise.get("illustration"), Illustration.class);
            assertThat(illustration).as(id).isNotNull();
            assertThat(illustration.alt()).as(id).isNotBlank();
            assertThat(illustration.keyframes()).as(id).isNotEmpty();
            String svg = FigureRenderer.svg(illustration, id);
            assertThat(svg).as(id).contains("role=\"img\"", "<title id=\"fig-" + id + "\">" + FigureRenderer.escape(illustration.alt()) + "</title>");
            assertThat(svg).as(id + " draws numbers only").doesNotContain("NaN", "Infinity");
            Matcher box = viewBox.matcher(svg);
            assertThat(box.find()).as(id).isTrue();
            // a sensible picture: at most about 3 m wide or high, never empty
            double width = Double.parseDouble(box.group(3));
            double height = Double.parseDouble(box.group(4));
            assertThat(width).as(id + " width").isBetween(20.0, 300.0);
            assertThat(height).as(id + " height").isBetween(20.0, 300.0);
        }
    }

    private static int count(String text, String part) {
        return text.split(Pattern.quote(part), -1).length - 1;
    }
}
