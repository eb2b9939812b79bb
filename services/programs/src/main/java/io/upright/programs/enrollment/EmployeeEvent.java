package io.upright.programs.enrollment;

import io.upright.platform.eventstore.EventName;

import java.time.Instant;
import java.util.UUID;

/**
 * What happened to an employee's participation, as stored in the programs event store. Name, email and chat
 * handle are stored sealed ({@code pd1:...}) with the employee's own key, so shredding that key makes them
 * unreadable here too.
 */
public sealed interface EmployeeEvent {

    @EventName("EmployeeJoined")
    record EmployeeJoined(UUID employeeId, UUID teamId, String displayName, String email, String chatHandle,
                          WorkingDay workingDay, boolean standingDesk, Instant joinedAt) implements EmployeeEvent {
    }

    @EventName("LeftProgram")
    record LeftProgram(UUID employeeId, UUID teamId, Instant leftAt) implements EmployeeEvent {
    }

    /** The employee's key was shredded: the sealed fields above can never be read again. */
    @EventName("PersonalDataErased")
    record PersonalDataErased(UUID employeeId, Instant erasedAt) implements EmployeeEvent {
    }
}
