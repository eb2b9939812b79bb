package io.upright.contracts.reminders;

import io.upright.contracts.IntegrationEvent;

import java.time.Instant;
import java.util.UUID;

/** A reminder outlived its time-to-live before it could be delivered; it was dropped, never sent late. */
public record ReminderExpired(UUID reminderId, UUID employeeId, Instant slot, Instant expiredAt) implements IntegrationEvent {

    @Override
    public String subject() {
        return reminderId.toString();
    }

    @Override
    public String key() {
        return employeeId.toString();
    }
}
