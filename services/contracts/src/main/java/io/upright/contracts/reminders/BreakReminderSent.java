package io.upright.contracts.reminders;

import io.upright.contracts.IntegrationEvent;

import java.time.Instant;
import java.util.UUID;

/** A break reminder for a schedule slot was delivered to the employee's channel. */
public record BreakReminderSent(
        UUID reminderId,
        UUID employeeId,
        Instant slot,
        String channel,
        Instant sentAt) implements IntegrationEvent {

    @Override
    public String subject() {
        return reminderId.toString();
    }

    @Override
    public String key() {
        return employeeId.toString();
    }
}
