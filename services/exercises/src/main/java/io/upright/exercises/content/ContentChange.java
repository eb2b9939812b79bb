package io.upright.exercises.content;

import java.time.Instant;

/**
 * The lifecycle step behind every exercise and routine event, so both aggregates share one set of rules.
 * Each aggregate stores its own named event records and converts them to and from these.
 */
public sealed interface ContentChange<T> {

    int version();

    String by();

    Instant at();

    /** A new version was started (the first one, or the next after the published one). */
    record Drafted<T>(int version, T content, Integer seedVersion, String by, Instant at) implements ContentChange<T> {
    }

    /** The draft's content was replaced. */
    record Revised<T>(int version, T content, String by, Instant at) implements ContentChange<T> {
    }

    record SubmittedForReview<T>(int version, String by, Instant at) implements ContentChange<T> {
    }

    record ReviewRejected<T>(int version, String reason, String by, Instant at) implements ContentChange<T> {
    }

    record Published<T>(int version, String by, Instant at) implements ContentChange<T> {
    }

    record Retired<T>(int version, String by, Instant at) implements ContentChange<T> {
    }
}
