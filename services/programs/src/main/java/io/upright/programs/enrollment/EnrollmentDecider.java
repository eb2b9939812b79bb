package io.upright.programs.enrollment;

import io.upright.platform.eventstore.Decider;
import io.upright.platform.problem.FieldError;
import io.upright.platform.problem.ProblemException;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

/** Rules for enrolling an employee in the program. */
public class EnrollmentDecider implements Decider<EnrollmentDecider.EnrollEmployee, EnrollmentDecider.Participant, EmployeeEvent> {

    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");

    public record EnrollEmployee(UUID employeeId, UUID teamId, String displayName, String email, String timeZone,
                                 String workdayStart, String workdayEnd, boolean standingDesk, Instant at) {
    }

    public record Participant(UUID id, UUID teamId, WorkingDay workingDay) {
        public boolean enrolled() {
            return id != null;
        }
    }

    @Override
    public Participant initialState() {
        return new Participant(null, null, null);
    }

    @Override
    public List<EmployeeEvent> decide(EnrollEmployee command, Participant participant) {
        if (participant.enrolled()) {
            throw ProblemException.conflict("Employee " + command.employeeId() + " is already enrolled");
        }
        List<FieldError> errors = new ArrayList<>(WorkingDay.problems(command.timeZone(), command.workdayStart(), command.workdayEnd()));
        if (command.displayName() == null || command.displayName().isBlank()) {
            errors.add(new FieldError("displayName", "must not be blank"));
        }
        if (command.email() == null || !EMAIL.matcher(command.email().strip()).matches()) {
            errors.add(new FieldError("email", "must be an email address"));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        return List.of(new EmployeeEvent.EmployeeJoined(command.employeeId(), command.teamId(), command.displayName().strip(),
                command.email().strip().toLowerCase(java.util.Locale.ROOT),
                new WorkingDay(command.timeZone(), command.workdayStart(), command.workdayEnd()),
                command.standingDesk(), command.at()));
    }

    @Override
    public Participant evolve(Participant participant, EmployeeEvent event) {
        if (event instanceof EmployeeEvent.EmployeeJoined joined) {
            return new Participant(joined.employeeId(), joined.teamId(), joined.workingDay());
        }
        return participant;
    }
}
