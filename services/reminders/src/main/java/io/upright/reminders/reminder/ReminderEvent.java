package io.upright.reminders.reminder;

import io.upright.platform.eventstore.EventName;

import java.time.Instant;
import java.util.UUID;

/** What happened to one break reminder (one stream per reminder id). */
public sealed interface ReminderEvent {

    @EventName("ReminderSent")
    record ReminderSent(UUID reminderId, UUID employeeId, Instant slot, String channel, int attempts, Instant sentAt)
            implements ReminderEvent {
    }

    /** The slot passed its time to live before the reminder could go out; a late nudge is worse than none. */
    @EventName("ReminderExpired")
    record ReminderExpired(UUID reminderId, UUID employeeId, Instant slot, Instant expiredAt) implements ReminderEvent {
    }

    /** No channel accepted the reminder within its time to live (or the outcome of a call is unknown). */
    @EventName("ReminderFailed")
    record ReminderFailed(UUID reminderId, UUID employeeId, Instant slot, int attempts, String reason, Instant failedAt)
            implements ReminderEvent {
    }

    /** {@code routineId}: the routine the message suggested when the activity is {@code routine} (null in older events). */
    @EventName("BreakTaken")
    record BreakTaken(UUID reminderId, UUID employeeId, String activity, int activeMinutes, Instant takenAt, String routineId)
            implements ReminderEvent {
    }

    /** The employee pressed Skip: they saw the reminder and chose not to take this break. */
    @EventName("BreakSkipped")
    record BreakSkipped(UUID reminderId, UUID employeeId, Instant skippedAt) implements ReminderEvent {
    }

    /** The employee asked to be reminded again at {@code snoozedUntil}: the same reminder is delivered once more then. */
    @EventName("BreakSnoozed")
    record BreakSnoozed(UUID reminderId, UUID employeeId, Instant snoozedUntil, Instant snoozedAt) implements ReminderEvent {
    }
}
