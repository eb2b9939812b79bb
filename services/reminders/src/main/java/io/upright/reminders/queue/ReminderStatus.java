package io.upright.reminders.queue;

/**
 * A reminder's lifecycle, the one list of it: the decider's state and the {@code due_reminder.status} column both use
 * it (stored as {@link #stored()}, the strings the column always held). {@code SENDING} exists only in the queue: an
 * engine has claimed the row and its calls are under way; for the reminder's stream it is still pending.
 */
public enum ReminderStatus {
    PENDING("pending"), SENDING("sending"), SENT("sent"), EXPIRED("expired"), FAILED("failed");

    private final String stored;

    ReminderStatus(String stored) {
        this.stored = stored;
    }

    /** The value in {@code due_reminder.status} (and in the API's reminder views). */
    public String stored() {
        return stored;
    }

    public static ReminderStatus ofStored(String value) {
        for (ReminderStatus status : values()) {
            if (status.stored.equals(value)) {
                return status;
            }
        }
        throw new IllegalArgumentException("Unknown reminder status " + value);
    }
}
