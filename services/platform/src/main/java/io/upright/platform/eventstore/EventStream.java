package io.upright.platform.eventstore;

import java.util.List;

/** A stream's events in order and its version (the number of events; 0 for a stream not yet started). */
public record EventStream<E>(List<E> events, long version) {

    public boolean isEmpty() {
        return events.isEmpty();
    }
}
