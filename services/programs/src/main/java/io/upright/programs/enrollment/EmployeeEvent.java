package io.upright.programs.enrollment;

import java.time.Instant;
import java.util.UUID;

/** What happened to an employee's participation, as stored in the programs event store. */
public sealed interface EmployeeEvent {

    record EmployeeJoined(UUID employeeId, UUID teamId, String displayName, String email, WorkingDay workingDay,
                          boolean standingDesk, Instant joinedAt) implements EmployeeEvent {
    }
}
