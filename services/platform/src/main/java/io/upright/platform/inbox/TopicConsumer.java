package io.upright.platform.inbox;

/**
 * One consumed topic. Its {@code @Incoming} method hands each record to {@link Consumption#consume}, which lets the
 * inbox accept it and then calls {@link #dispatch} in the same transaction. A dead-letter redrive (and in insights the
 * replay) goes through the same path, so every way in applies an event exactly as live consumption does.
 */
public interface TopicConsumer {

    /** The inbox consumer name: one per service, so a record is applied once by the service whichever way it came. */
    String consumer();

    /** The topic this consumer reads. */
    String topic();

    /** Applies one event the inbox accepted, inside the caller's transaction; types not used here are ignored. */
    void dispatch(IncomingEvent event);

    /** The transaction timeout for one record; 0 for the default. */
    default int transactionTimeoutSeconds() {
        return 0;
    }
}
