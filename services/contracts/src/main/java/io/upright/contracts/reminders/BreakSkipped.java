package io.upright.contracts.reminders;

import io.upright.contracts.IntegrationEvent;

import java.time.Instant;
import java.util.UUID;

/** The employee answered Skip: no break for this slot. */
public record BreakSkipped(UUID reminderId, UUID employeeId, Instant skippedAt) implements IntegrationEvent {

    @Override
    public String subject() {
        return reminderId.toString();
    }

    @Override
    public String key() {
        return employeeId.toString();
    }
}
