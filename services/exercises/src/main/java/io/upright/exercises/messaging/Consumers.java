package io.upright.exercises.messaging;

/** What the topic consumers of this service share. */
final class Consumers {

    /**
     * The inbox name every consumer deduplicates under; it is also the consumer group in application.properties.
     * Stored in inbox rows, so it never changes.
     */
    static final String INBOX = "exercises";

    private Consumers() {
    }
}
