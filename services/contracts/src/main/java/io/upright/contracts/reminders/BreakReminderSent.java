package io.upright.contracts.reminders;

import io.upright.contracts.IntegrationEvent;

import java.time.Instant;
import java.util.UUID;

/**
 * A reminder for a schedule slot was delivered to the employee's channel. {@code kind} is {@code break} (get up from
 * sitting), {@code sit-stand} (switch a standing desk's position), {@code team-break} (the whole team at once) or
 * {@code routine} (the longer routine of the day, at the time the employee chose; everyone gets one, so it says
 * nothing about health).
 */
public record BreakReminderSent(
        UUID reminderId,
        UUID employeeId,
        Instant slot,
        String kind,
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
