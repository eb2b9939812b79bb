package io.upright.platform.eventstore;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Reads a stored event of one older schema version as the next version: stored rows stay as they were written, and
 * the store applies upcasters in a chain on load until the payload has the version the record class declares.
 * Implementations are pure functions of the payload (CDI beans, so the store finds them).
 */
public interface EventUpcaster {

    /** The sealed interface of the aggregate's events (names are unique within one aggregate only). */
    Class<?> events();

    /** The stored {@link EventName#value()} this upcaster reads. */
    String eventName();

    /** The version it reads; it produces {@code fromVersion() + 1}. */
    int fromVersion();

    /** The payload of version {@code fromVersion() + 1}; may change {@code payload} in place and return it. */
    ObjectNode upcast(ObjectNode payload);
}
