package io.upright.contracts.programs;

import io.upright.contracts.SealedForEmployee;

import java.time.Instant;
import java.util.UUID;

/**
 * How to reach an enrolled employee in chat: their work email and, if given at enrolment, their chat handle.
 * Published by programs (the only service that holds them) right after {@link EmployeeEnrolled}, so that reminders
 * can find the person's chat user (Slack {@code users.lookupByEmail}); only reminders consumes it, everyone else
 * passes over it. It is the one event that carries contact data, which is why it is sealed under the employee's
 * topic key: erasing the employee destroys that key and makes every copy unreadable (topic, dead-letter topic,
 * replay). {@code email} and {@code chatHandle} may be null (no handle given).
 */
public record EmployeeContactShared(UUID employeeId, String email, String chatHandle, Instant sharedAt)
        implements SealedForEmployee {

    @Override
    public String subject() {
        return employeeId.toString();
    }

    @Override
    public String key() {
        return employeeId.toString();
    }
}
