package io.upright.exercises.catalogue;

import java.util.List;

/**
 * The closed word lists catalogue content is written in. Filters accept exactly these values, so a typo in a
 * query is a 400 rather than an empty page; content using any other value fails at load.
 */
public final class Vocabulary {

    public static final List<String> BODY_AREAS = List.of("hip-flexors", "lower-back", "glutes", "hamstrings", "core",
            "neck-shoulders", "whole-body");
    public static final List<String> POSITIONS = List.of("seated", "standing", "floor");
    /** What an exercise may need; an exercise needing nothing has an empty list, found with {@link #NO_EQUIPMENT}. */
    public static final List<String> EQUIPMENT = List.of("chair", "wall", "desk", "hip-release-tool");
    public static final String NO_EQUIPMENT = "none";
    public static final List<String> INTENSITIES = List.of("gentle", "moderate", "vigorous");
    /** In order: a routine's {@code next} is never at a lower level than itself. */
    public static final List<String> LEVELS = List.of("beginner", "intermediate");
    public static final List<String> MEDIA_KINDS = List.of("image", "video", "animation");

    /** Filter values for equipment: the items plus "none". */
    public static final List<String> EQUIPMENT_FILTER = List.of("none", "chair", "wall", "desk", "hip-release-tool");

    private Vocabulary() {
    }
}
