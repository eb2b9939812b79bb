package io.upright.reminders.reminder;

import java.time.Instant;
import java.util.UUID;

/** What happened to one break reminder (one stream per reminder id). */
public sealed interface ReminderEvent {

    record ReminderSent(UUID reminderId, UUID employeeId, Instant slot, String channel, int attempts, Instant sentAt)
            implements ReminderEvent {
    }

    /** The slot passed its time to live before the reminder could go out; a late nudge is worse than none. */
    record ReminderExpired(UUID reminderId, UUID employeeId, Instant slot, Instant expiredAt) implements ReminderEvent {
    }

    /** No channel accepted the reminder within its time to live (or the outcome of a call is unknown). */
    record ReminderFailed(UUID reminderId, UUID employeeId, Instant slot, int attempts, String reason, Instant failedAt)
            implements ReminderEvent {
    }

    record BreakTaken(UUID reminderId, UUID employeeId, String activity, int activeMinutes, Instant takenAt)
            implements ReminderEvent {
    }

    /** The employee pressed Skip: they saw the reminder and chose not to take this break. Not (yet) a contract event. */
    record BreakSkipped(UUID reminderId, UUID employeeId, Instant skippedAt) implements ReminderEvent {
    }
}
