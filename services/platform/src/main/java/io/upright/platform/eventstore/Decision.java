package io.upright.platform.eventstore;

import java.util.List;

/** What handling a command did: the new events, the state they lead to, and the stream's version after. */
public record Decision<S, E>(List<E> newEvents, S state, long version) {
}
