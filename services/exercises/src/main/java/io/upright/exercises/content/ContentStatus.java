package io.upright.exercises.content;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * Where one version of an exercise or routine stands. Only one version of an item is {@code PUBLISHED} at a
 * time; publishing a newer one makes the older {@code SUPERSEDED} (still kept, never changed again).
 */
public enum ContentStatus {
    DRAFT("draft"),
    IN_REVIEW("in-review"),
    PUBLISHED("published"),
    SUPERSEDED("superseded"),
    RETIRED("retired");

    private final String label;

    ContentStatus(String label) {
        this.label = label;
    }

    @JsonValue
    public String label() {
        return label;
    }

    /** A version an editor is still working on (draft or in review). */
    public boolean working() {
        return this == DRAFT || this == IN_REVIEW;
    }
}
