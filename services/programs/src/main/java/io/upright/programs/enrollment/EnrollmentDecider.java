package io.upright.programs.enrollment;

import io.upright.platform.eventstore.Decider;
import io.upright.platform.domain.FieldError;
import io.upright.platform.domain.Rejection;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

/** Rules of an employee's participation: enrolling, leaving, and erasure of their personal data. */
public class EnrollmentDecider implements Decider<EnrollmentDecider.Command, EnrollmentDecider.Participant, EmployeeEvent> {

    public static final int MAX_CHAT_HANDLE_LENGTH = 120;
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");

    public sealed interface Command {
    }

    /**
     * @param seal turns a personal value into what may be stored (the service seals it with the employee's key);
     *             the decider validates the plain values and stores only what {@code seal} returns
     */
    /**
     * {@code joinedOn} is set for someone imported with history: they joined the program that day (the start of it in
     * their time zone), not now. It may lie up to {@value #MAX_JOINED_DAYS_BACK} days back, never in the future.
     */
    public record EnrollEmployee(UUID employeeId, UUID teamId, String displayName, String email, String chatHandle,
                                 String timeZone, String workdayStart, String workdayEnd, boolean standingDesk,
                                 LocalDate joinedOn, Instant at, UnaryOperator<String> seal) implements Command {
    }

    /** How far back an imported employee's joining date may lie: a year of history. */
    public static final int MAX_JOINED_DAYS_BACK = 366;

    public record Leave(UUID employeeId, Instant at) implements Command {
    }

    public record ErasePersonalData(UUID employeeId, Instant at) implements Command {
    }

    public record Participant(UUID id, UUID teamId, WorkingDay workingDay, boolean left, boolean erased) {
        public boolean enrolled() {
            return id != null;
        }
    }

    /** The normal form of an email address: what is stored (sealed) and hashed for the uniqueness look-up. */
    public static String normaliseEmail(String email) {
        return email == null ? null : email.strip().toLowerCase(Locale.ROOT);
    }

    @Override
    public Participant initialState() {
        return new Participant(null, null, null, false, false);
    }

    @Override
    public List<EmployeeEvent> decide(Command command, Participant participant) {
        if (command instanceof EnrollEmployee enroll) {
            return enroll(enroll, participant);
        }
        if (!participant.enrolled()) {
            throw Rejection.notFound("Employee");
        }
        if (command instanceof Leave leave) {
            if (participant.erased()) {
                throw Rejection.conflict("The employee's personal data was erased");
            }
            if (participant.left()) {
                throw Rejection.conflict("The employee has already left the program");
            }
            return List.of(new EmployeeEvent.LeftProgram(participant.id(), participant.teamId(), leave.at()));
        }
        if (command instanceof ErasePersonalData erase) {
            // erasing twice changes nothing: the key is already gone
            return participant.erased() ? List.of() : List.of(new EmployeeEvent.PersonalDataErased(participant.id(), erase.at()));
        }
        throw new IllegalArgumentException("Unknown command " + command);
    }

    private List<EmployeeEvent> enroll(EnrollEmployee command, Participant participant) {
        if (participant.enrolled()) {
            throw Rejection.conflict("Employee " + command.employeeId() + " is already enrolled");
        }
        List<FieldError> errors = new ArrayList<>(WorkingDay.problems(command.timeZone(), command.workdayStart(), command.workdayEnd()));
        if (command.displayName() == null || command.displayName().isBlank()) {
            errors.add(new FieldError("displayName", "must not be blank"));
        }
        if (command.email() == null || !EMAIL.matcher(command.email().strip()).matches()) {
            errors.add(new FieldError("email", "must be an email address"));
        }
        String handle = command.chatHandle() == null || command.chatHandle().isBlank() ? null : command.chatHandle().strip();
        if (handle != null && handle.length() > MAX_CHAT_HANDLE_LENGTH) {
            errors.add(new FieldError("chatHandle", "must be at most " + MAX_CHAT_HANDLE_LENGTH + " characters"));
        }
        Instant joinedAt = command.at();
        if (command.joinedOn() != null && errors.stream().noneMatch(e -> e.field().equals("timeZone"))) {
            ZoneId zone = ZoneId.of(command.timeZone());
            LocalDate today = command.at().atZone(zone).toLocalDate();
            if (command.joinedOn().isAfter(today)) {
                errors.add(new FieldError("joinedOn", "must not be in the future"));
            } else if (command.joinedOn().isBefore(today.minusDays(MAX_JOINED_DAYS_BACK))) {
                errors.add(new FieldError("joinedOn", "must be at most " + MAX_JOINED_DAYS_BACK + " days back"));
            } else {
                joinedAt = command.joinedOn().atStartOfDay(zone).toInstant();
            }
        }
        if (!errors.isEmpty()) {
            throw Rejection.invalid(errors);
        }
        UnaryOperator<String> seal = command.seal();
        return List.of(new EmployeeEvent.EmployeeJoined(command.employeeId(), command.teamId(),
                seal.apply(command.displayName().strip()), seal.apply(normaliseEmail(command.email())),
                handle == null ? null : seal.apply(handle),
                new WorkingDay(command.timeZone(), command.workdayStart(), command.workdayEnd()),
                command.standingDesk(), joinedAt));
    }

    @Override
    public Participant evolve(Participant participant, EmployeeEvent event) {
        if (event instanceof EmployeeEvent.EmployeeJoined joined) {
            return new Participant(joined.employeeId(), joined.teamId(), joined.workingDay(), false, false);
        }
        if (event instanceof EmployeeEvent.LeftProgram) {
            return new Participant(participant.id(), participant.teamId(), participant.workingDay(), true, participant.erased());
        }
        if (event instanceof EmployeeEvent.PersonalDataErased erased) {
            // after erasure it is the only event left in the stream: the id and the fact are all that remain
            return new Participant(erased.employeeId(), null, null, participant.left(), true);
        }
        return participant;
    }
}
