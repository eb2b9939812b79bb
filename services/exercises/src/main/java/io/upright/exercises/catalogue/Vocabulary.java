package io.upright.exercises.catalogue;

import java.util.Collection;
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

    /**
     * Whether {@code value} is one of {@code words}. Null-safe on purpose: {@code List.of(...).contains(null)} throws,
     * and a null from a client's JSON must be a validation error, not a 500.
     */
    public static boolean isOneOf(List<String> words, String value) {
        return value != null && words.contains(value);
    }

    /** Whether every one of {@code values} is in {@code words}; false for a null list or a null element. */
    public static boolean allIn(List<String> words, Collection<String> values) {
        return values != null && values.stream().allMatch(v -> isOneOf(words, v));
    }
}
