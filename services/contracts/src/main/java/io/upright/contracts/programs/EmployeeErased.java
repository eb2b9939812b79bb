package io.upright.contracts.programs;

import io.upright.contracts.IntegrationEvent;

import java.time.Instant;
import java.util.UUID;

/**
 * The employee's personal data was erased (GDPR Art. 17): their key is gone, so their personal fields are
 * unreadable everywhere. Every consumer drops or anonymises what it derived about this pseudonymous id;
 * aggregates already counted stay as they are.
 *
 * <p>{@code teamId} is the team the person was in when erased (null when unknown, and in events written before the
 * field existed). It travels in plain sight on purpose: the employer set it when enrolling the person, team
 * membership is not health data, and it is the one thing a consumer still needs to keep counting the person's
 * de-identified plain facts for their team, identically live and on a replay, after their sealed
 * {@code EmployeeEnrolled} has become unreadable. No time zone, hours or dates ride along: those would pick the
 * person out of a small team.
 */
public record EmployeeErased(UUID employeeId, Instant erasedAt, UUID teamId) implements IntegrationEvent {

    /** An erasure without its team (and events written before the team was added). */
    public EmployeeErased(UUID employeeId, Instant erasedAt) {
        this(employeeId, erasedAt, null);
    }

    @Override
    public String subject() {
        return employeeId.toString();
    }

    @Override
    public String key() {
        return employeeId.toString();
    }
}
