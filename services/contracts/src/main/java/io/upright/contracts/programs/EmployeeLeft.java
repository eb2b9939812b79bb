package io.upright.contracts.programs;

import io.upright.contracts.IntegrationEvent;

import java.time.Instant;
import java.util.UUID;

/** An employee left the program (moved on, or was un-enrolled by an admin); no more reminders or nudges. */
public record EmployeeLeft(UUID employeeId, UUID teamId, Instant leftAt) implements IntegrationEvent {

    @Override
    public String subject() {
        return employeeId.toString();
    }

    @Override
    public String key() {
        return employeeId.toString();
    }
}
