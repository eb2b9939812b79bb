package io.upright.contracts.programs;

import io.upright.contracts.IntegrationEvent;

import java.time.Instant;
import java.util.UUID;

/**
 * The employee's personal data was erased (GDPR Art. 17): their key is gone, so their personal fields are
 * unreadable everywhere. Every consumer drops or anonymises what it derived about this pseudonymous id;
 * aggregates already counted stay as they are.
 */
public record EmployeeErased(UUID employeeId, Instant erasedAt) implements IntegrationEvent {

    @Override
    public String subject() {
        return employeeId.toString();
    }

    @Override
    public String key() {
        return employeeId.toString();
    }
}
