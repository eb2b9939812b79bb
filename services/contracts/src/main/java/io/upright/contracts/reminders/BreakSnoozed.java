package io.upright.contracts.reminders;

import io.upright.contracts.IntegrationEvent;

import java.time.Instant;
import java.util.UUID;

/** The employee answered Snooze: the same reminder comes back at {@code snoozedUntil}. */
public record BreakSnoozed(UUID reminderId, UUID employeeId, Instant snoozedUntil, Instant snoozedAt) implements IntegrationEvent {

    @Override
    public String subject() {
        return reminderId.toString();
    }

    @Override
    public String key() {
        return employeeId.toString();
    }
}
