package io.upright.platform.inbox;

/**
 * One consumed topic. Its {@code @Incoming} method takes a batch ({@code batch=true} on the channel) and hands it to
 * {@link Consumption#consumeBatch}, which lets the inbox accept the records and then calls {@link #dispatch} for each
 * new one in the same transaction. A dead-letter redrive (and in insights the replay) hands one record to
 * {@link Consumption#consume}: the same inbox and dispatch, so every way in applies an event as live consumption does.
 */
public interface TopicConsumer {

    /** The inbox consumer name: one per service, so a record is applied once by the service whichever way it came. */
    String consumer();

    /** The topic this consumer reads. */
    String topic();

    /** Applies one event the inbox accepted, inside the caller's transaction; types not used here are ignored. */
    void dispatch(IncomingEvent event);

    /** The transaction timeout for one batch or one record; 0 for the default. */
    default int transactionTimeoutSeconds() {
        return 0;
    }
}
