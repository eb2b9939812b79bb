package io.upright.platform.eventstore;

import java.util.List;

/**
 * The pure heart of an aggregate: which events a command produces in a given state, and how each event
 * moves the state on. No I/O, so every rule tests without a database.
 *
 * @param <C> commands
 * @param <S> state folded from the events
 * @param <E> the aggregate's events (a sealed interface of records)
 */
public interface Decider<C, S, E> {

    S initialState();

    List<E> decide(C command, S state);

    S evolve(S state, E event);

    default S fold(List<? extends E> events) {
        S state = initialState();
        for (E event : events) {
            state = evolve(state, event);
        }
        return state;
    }
}
