package io.upright.insights.messaging;

import io.upright.platform.inbox.IncomingEvent;

/**
 * One consumed topic. Its {@code @Incoming} method lets the inbox accept a record and then calls
 * {@link #dispatch}; the replay calls the same {@link #dispatch} for every record it re-reads, so live
 * consumption and the replay apply each event in exactly the same way.
 */
public interface TopicConsumer extends io.upright.platform.inbox.TopicConsumer {

    /** The inbox consumer name of every topic; the replay re-registers records under the same name. */
    String CONSUMER = "insights";

    /**
     * A record that arrives while a replay holds the read-model tables waits for the replay's commit rather than
     * timing out (and landing on the dead-letter topic); longer than the default replay timeout of 10 minutes.
     */
    int WAIT_FOR_REPLAY_SECONDS = 900;

    @Override
    default String consumer() {
        return CONSUMER;
    }

    @Override
    default int transactionTimeoutSeconds() {
        return WAIT_FOR_REPLAY_SECONDS;
    }

    /**
     * Hands one event the inbox accepted to the application service for its type, inside the caller's
     * transaction; types insights does not use are ignored.
     */
    @Override
    void dispatch(IncomingEvent event);
}
