package io.upright.reminders.queue;

import java.time.Instant;
import java.util.UUID;

/**
 * One row of the due-reminder queue as the engine settles it.
 * {@code redelivery}: the one extra delivery of a snoozed reminder (its schedule already moved on).
 */
public record QueuedReminder(String tenant, UUID id, UUID employeeId, Instant slot, Instant expiresAt, int attempts,
                             String kind, boolean redelivery) {

    /** Whether settling this row continues the employee's chain of reminders. */
    public boolean continuesChain() {
        return ReminderKind.chained(kind) && !redelivery;
    }
}
