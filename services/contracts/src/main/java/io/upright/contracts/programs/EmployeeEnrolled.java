package io.upright.contracts.programs;

import io.upright.contracts.SealedForEmployee;

import java.time.Instant;
import java.util.UUID;

/**
 * An employee joined the sitting-reduction program in a team. Identified only by a pseudonymous id; the
 * working day is local time ({@code HH:mm}) in the IANA {@code timeZone}.
 */
public record EmployeeEnrolled(
        UUID employeeId,
        UUID teamId,
        String timeZone,
        String workdayStart,
        String workdayEnd,
        boolean standingDesk,
        Instant enrolledAt) implements SealedForEmployee {

    @Override
    public String subject() {
        return employeeId.toString();
    }

    @Override
    public String key() {
        return employeeId.toString();
    }
}
