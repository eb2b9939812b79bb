package io.upright.exercises.catalogue;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A drawing of an exercise made for Upright: a side-view stick figure, facing right, in one or more poses given as
 * joint angles (degrees), and the props it uses. The web front end draws it; {@code alt} is its text alternative.
 * Kept as numbers rather than image files so the drawing is versioned, reviewed and published with the exercise's
 * steps it shows, and so every exercise has one without anyone shipping artwork.
 *
 * <p>Angles: {@code trunk} is the trunk's tilt from upright (positive leaning forward; 90 lying face down with the
 * head forward, -90 lying on the back with the head behind); {@code neck} bends the head forward from the trunk line.
 * {@code hip} and {@code shoulder} are flexion (0 = limb along the trunk, 90 = straight out in front, negative =
 * behind); {@code knee} and {@code elbow} are flexion (0 = straight); {@code ankle} is dorsiflexion (0 = foot at a
 * right angle to the shin, negative = toes pointed). Keys prefixed {@code far} give the limb on the far side, which
 * otherwise mirrors the near one. A missing joint is 0. Movements sideways (a side bend, a leg lifted out to the
 * side) are drawn {@code front}: the same angles then tilt in the frontal plane and far limbs are mirrored.
 */
@Schema(name = "Illustration", description = "A side-view stick figure in one or more poses (joint angles in degrees), "
        + "with its props and text alternative; the first pose is the starting position")
public record Illustration(
        @Schema(example = "A person kneeling on one knee with the other foot in front, trunk upright") String alt,
        @Schema(enumeration = {"side", "front", "above"}, description = "Where the figure is seen from: side (sagittal: "
                + "flexion angles), front (frontal plane: the same angles tilt sideways, far limbs mirror the near ones) "
                + "or above (lying, no floor drawn)") String view,
        @Schema(description = "What is drawn with the figure", example = "[\"chair\"]") List<String> props,
        @Schema(description = "Poses in order; each maps joint names (" + "trunk, neck, hip, knee, ankle, shoulder, elbow, "
                + "farHip, farKnee, farAnkle, farShoulder, farElbow) to degrees",
                example = "[{\"trunk\": 0, \"hip\": 90, \"knee\": 90, \"farHip\": -20, \"farKnee\": 90}]")
        List<Map<String, Integer>> keyframes) {

    public static final List<String> JOINTS = List.of("trunk", "neck", "hip", "knee", "ankle", "shoulder", "elbow",
            "farHip", "farKnee", "farAnkle", "farShoulder", "farElbow");
    /**
     * chair: a seat under the hips; chair-under-calves: a seat the lower legs rest on; wall: behind the figure;
     * front-wall: in front of it (a door frame); desk: a desk top at the near hand; ball: a firm ball or release tool
     * under the front of the hip; step: a stair under the front foot.
     */
    public static final List<String> PROPS = List.of("chair", "chair-under-calves", "wall", "front-wall", "desk", "ball", "step");
    public static final List<String> VIEWS = List.of("side", "front", "above");
    public static final int MAX_KEYFRAMES = 4;

    public Illustration {
        props = props == null ? List.of() : List.copyOf(props);
        keyframes = keyframes == null ? List.of() : List.copyOf(keyframes);
    }

    /** What is wrong with it, as {@code illustration.<part>} fields for an editor (empty when it can be drawn). */
    public List<ExerciseRules.Problem> problems() {
        List<ExerciseRules.Problem> problems = new ArrayList<>();
        if (alt == null || alt.isBlank()) {
            problems.add(new ExerciseRules.Problem("illustration.alt", "must say in words what the drawing shows"));
        }
        if (!Vocabulary.isOneOf(VIEWS, view)) {
            problems.add(new ExerciseRules.Problem("illustration.view", "must be one of " + VIEWS));
        }
        if (!Vocabulary.allIn(PROPS, props)) {
            problems.add(new ExerciseRules.Problem("illustration.props", "must be from " + PROPS));
        }
        if (keyframes.isEmpty() || keyframes.size() > MAX_KEYFRAMES) {
            problems.add(new ExerciseRules.Problem("illustration.keyframes", "needs 1 to " + MAX_KEYFRAMES + " poses"));
        }
        for (Map<String, Integer> pose : keyframes) {
            boolean valid = pose != null && pose.entrySet().stream().allMatch(j -> Vocabulary.isOneOf(JOINTS, j.getKey())
                    && j.getValue() != null && j.getValue() >= -180 && j.getValue() <= 180);
            if (!valid) {
                problems.add(new ExerciseRules.Problem("illustration.keyframes",
                        "each pose maps joints from " + JOINTS + " to degrees between -180 and 180"));
                break;
            }
        }
        return problems;
    }
}
