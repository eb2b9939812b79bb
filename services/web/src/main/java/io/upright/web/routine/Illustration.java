package io.upright.web.routine;

import java.util.List;
import java.util.Map;

/**
 * The exercises service's drawing of an exercise: a side-view stick figure (facing right) in one or more poses of
 * joint angles in degrees, the props it uses, and its text alternative. The angle conventions are the exercises
 * service's (its README, "Illustrations"); {@link FigureRenderer} draws it.
 */
public record Illustration(String alt, String view, List<String> props, List<Map<String, Integer>> keyframes) {

    public boolean front() {
        return "front".equals(view);
    }

    /** Seen from above: lying, so no floor is drawn and nothing is put on it. */
    public boolean above() {
        return "above".equals(view);
    }

    public Illustration {
        props = props == null ? List.of() : List.copyOf(props);
        keyframes = keyframes == null ? List.of() : List.copyOf(keyframes);
    }
}
