package io.upright.platform.eventstore;

import io.upright.platform.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.UUID;

/**
 * Runs a command through a {@link Decider}: load the stream, fold the state, decide, append with the
 * version that was read. Callers add the integration events to the outbox in the same transaction.
 */
@ApplicationScoped
public class AggregateStore {

    @Inject
    EventStore eventStore;

    /** Reads an aggregate's current state and version. */
    public <C, S, E> Decision<S, E> read(String tenant, Aggregate<C, S, E> aggregate, UUID streamId) {
        EventStream<E> stream = eventStore.load(tenant, streamId, aggregate.eventType());
        return new Decision<>(List.of(), aggregate.decider().fold(stream.events()), stream.version());
    }

    /** Runs a command against the aggregate's current version, whatever it is. */
    @Transactional(Transactional.TxType.MANDATORY)
    public <C, S, E> Decision<S, E> handle(String tenant, Aggregate<C, S, E> aggregate, UUID streamId, C command) {
        return handle(tenant, aggregate, streamId, command, OptionalLong.empty());
    }

    /**
     * Runs a command, first checking that the stream is still at the version the client last saw.
     *
     * @param ifMatch the version the client last saw ({@code If-Match}); a different current version is 412
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public <C, S, E> Decision<S, E> handle(String tenant, Aggregate<C, S, E> aggregate, UUID streamId, C command,
                                           OptionalLong ifMatch) {
        Decider<C, S, E> decider = aggregate.decider();
        EventStream<E> stream = eventStore.load(tenant, streamId, aggregate.eventType());
        if (ifMatch.isPresent() && ifMatch.getAsLong() != stream.version()) {
            throw ProblemException.preconditionFailed(aggregate.streamType() + " " + streamId + " is at version "
                    + stream.version() + ", not " + ifMatch.getAsLong());
        }
        S state = decider.fold(stream.events());
        List<E> newEvents = decider.decide(command, state);
        for (E event : newEvents) {
            state = decider.evolve(state, event);
        }
        long version = newEvents.isEmpty()
                ? stream.version()
                : eventStore.append(tenant, aggregate.streamType(), streamId, stream.version(), newEvents);
        return new Decision<>(newEvents, state, version);
    }

    /**
     * Runs one command on each of many streams of one tenant, as {@link #handle} would one by one, but with every
     * stream read in one query and every new event appended in one batch: a worker settling a batch pays two round
     * trips instead of two per stream. A command the decider refuses throws, as in {@code handle}.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public <C, S, E> void handleAll(String tenant, Aggregate<C, S, E> aggregate, Map<UUID, C> commands) {
        if (commands.isEmpty()) {
            return;
        }
        Decider<C, S, E> decider = aggregate.decider();
        Map<UUID, EventStream<E>> streams = eventStore.loadAll(tenant, commands.keySet(), aggregate.eventType());
        List<EventStore.Append> appends = new ArrayList<>();
        for (Map.Entry<UUID, C> command : commands.entrySet()) {
            EventStream<E> stream = streams.get(command.getKey());
            List<E> newEvents = decider.decide(command.getValue(), decider.fold(stream.events()));
            if (!newEvents.isEmpty()) {
                appends.add(new EventStore.Append(command.getKey(), stream.version(), newEvents));
            }
        }
        eventStore.appendAll(tenant, aggregate.streamType(), appends);
    }
}
