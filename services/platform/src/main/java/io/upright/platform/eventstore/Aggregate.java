package io.upright.platform.eventstore;

/**
 * What the store needs to know about one kind of aggregate: the stream type its rows are filed under, the sealed
 * interface of its events, and its decider. Declared once per aggregate (usually as a constant next to the decider),
 * so a command handler names the aggregate instead of repeating the three.
 */
public record Aggregate<C, S, E>(String streamType, Class<E> eventType, Decider<C, S, E> decider) {

    public Aggregate {
        if (streamType == null || streamType.isBlank()) {
            throw new IllegalArgumentException("an aggregate needs a stream type");
        }
        if (!eventType.isSealed()) {
            throw new IllegalArgumentException(eventType.getName() + " must be a sealed interface of event records");
        }
    }

    public static <C, S, E> Aggregate<C, S, E> of(String streamType, Class<E> eventType, Decider<C, S, E> decider) {
        return new Aggregate<>(streamType, eventType, decider);
    }
}
