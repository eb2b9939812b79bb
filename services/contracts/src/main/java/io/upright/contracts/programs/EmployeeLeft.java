package io.upright.contracts.programs;

import io.upright.contracts.SealedForEmployee;

import java.time.Instant;
import java.util.UUID;

/** An employee left the program (moved on, or was un-enrolled by an admin); no more reminders or nudges. */
public record EmployeeLeft(UUID employeeId, UUID teamId, Instant leftAt) implements SealedForEmployee {

    @Override
    public String subject() {
        return employeeId.toString();
    }

    @Override
    public String key() {
        return employeeId.toString();
    }
}
