package io.upright.programs.enrollment;

import io.upright.contracts.programs.EmployeeContactShared;
import io.upright.contracts.programs.EmployeeEnrolled;
import io.upright.contracts.programs.EmployeeLeft;
import io.upright.platform.crypto.PersonalData;
import io.upright.platform.eventstore.Aggregate;
import io.upright.platform.eventstore.AggregateStore;
import io.upright.platform.eventstore.Decision;
import io.upright.platform.outbox.Outbox;
import io.upright.platform.domain.Rejection;
import io.upright.programs.team.Teams;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/**
 * Application service for enrolment: event store, read model and outbox in one transaction. Personal fields are
 * sealed with the employee's key before they are stored anywhere, and opened only to build a response.
 */
@ApplicationScoped
public class Enrollments {

    public static final Aggregate<EnrollmentDecider.Command, EnrollmentDecider.Participant, EmployeeEvent> EMPLOYEE =
            Aggregate.of("employee", EmployeeEvent.class, new EnrollmentDecider());

    @Inject
    AggregateStore aggregates;

    @Inject
    Outbox outbox;

    @Inject
    Teams teams;

    @Inject
    PersonalData personalData;

    @Inject
    Clock clock;

    /** The enrolment as a client asked for it, before the employee has an id or a key. */
    public record Enrolment(String displayName, String email, String chatHandle, String timeZone, String workdayStart,
                            String workdayEnd, Boolean standingDesk, LocalDate joinedOn) {
    }

    @Transactional
    public EmployeeView enroll(String tenant, UUID teamId, Enrolment request) {
        teams.get(tenant, teamId); // 404 for a team of another tenant
        String email = EnrollmentDecider.normaliseEmail(request.email());
        String emailLookup = email == null ? null : personalData.lookupHash(tenant, email);
        if (emailLookup != null && EmployeeRecord.emailTaken(tenant, emailLookup)) {
            throw Rejection.conflict("An employee with this email is already enrolled");
        }
        UUID id = UUID.randomUUID();
        Instant now = Instant.now(clock);
        var command = new EnrollmentDecider.EnrollEmployee(id, teamId, request.displayName(), request.email(),
                request.chatHandle(), request.timeZone(), request.workdayStart(), request.workdayEnd(),
                Boolean.TRUE.equals(request.standingDesk()), request.joinedOn(), now,
                value -> personalData.seal(tenant, id, value));
        Decision<EnrollmentDecider.Participant, EmployeeEvent> decision = aggregates.handle(tenant, EMPLOYEE, id,
                command);
        EmployeeEvent.EmployeeJoined joined = (EmployeeEvent.EmployeeJoined) decision.newEvents().get(0);
        EmployeeRecord employee = new EmployeeRecord();
        employee.tenantId = tenant;
        employee.id = id;
        employee.teamId = teamId;
        employee.displayName = joined.displayName();
        employee.email = joined.email();
        employee.chatHandle = joined.chatHandle();
        employee.emailLookup = emailLookup;
        employee.timeZone = joined.workingDay().timeZone();
        employee.workdayStart = joined.workingDay().start();
        employee.workdayEnd = joined.workingDay().end();
        employee.standingDesk = joined.standingDesk();
        employee.enrolledAt = joined.joinedAt();
        employee.persistAndFlush();
        // EmployeeEnrolled is pseudonymous: no name, no email, no handle
        outbox.enqueue(tenant, new EmployeeEnrolled(id, teamId, employee.timeZone, employee.workdayStart,
                employee.workdayEnd, employee.standingDesk, employee.enrolledAt));
        // reminders needs the contact to find the person's chat user; opened from what was just stored, so it is
        // the normalised value, and the outbox seals it under the employee's topic key (erasure shreds it)
        Function<String, Optional<String>> open = personalData.opener(tenant, id);
        outbox.enqueue(tenant, new EmployeeContactShared(id, open.apply(joined.email()).orElse(null),
                open.apply(joined.chatHandle()).orElse(null), now));
        return view(employee);
    }

    @Transactional
    public EmployeeView leave(String tenant, UUID id) {
        EmployeeRecord employee = get(tenant, id);
        Instant now = Instant.now(clock);
        aggregates.handle(tenant, EMPLOYEE, id, new EnrollmentDecider.Leave(id, now));
        employee.leftAt = now;
        outbox.enqueue(tenant, new EmployeeLeft(id, employee.teamId, now));
        return view(employee);
    }

    public EmployeeRecord get(String tenant, UUID id) {
        EmployeeRecord employee = EmployeeRecord.of(tenant, id);
        if (employee == null) {
            throw Rejection.notFound("Employee " + id);
        }
        return employee;
    }

    public EmployeeView view(String tenant, UUID id) {
        return view(get(tenant, id));
    }

    /** Opens the sealed fields; after erasure they read as null. */
    public EmployeeView view(EmployeeRecord employee) {
        return EmployeeView.of(employee, personalData.opener(employee.tenantId, employee.id));
    }

    /** A team's employees ordered by name, then id. Names are sealed, so the ordering happens after opening them. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<EmployeeView> inTeam(String tenant, UUID teamId, int page, int size) {
        List<EmployeeRecord> all = EmployeeRecord.list("tenantId = ?1 and teamId = ?2", tenant, teamId);
        return all.stream().map(this::view)
                .sorted(Comparator.comparing((EmployeeView v) -> v.displayName() == null ? null : v.displayName().toLowerCase(),
                                Comparator.nullsLast(Comparator.naturalOrder()))
                        .thenComparing(EmployeeView::id))
                .skip((long) page * size).limit(size).toList();
    }

    public long countInTeam(String tenant, UUID teamId) {
        return EmployeeRecord.count("tenantId = ?1 and teamId = ?2", tenant, teamId);
    }

    /** Opens one sealed value of an employee, e.g. from their event stream. */
    public Function<String, Optional<String>> opener(String tenant, UUID employeeId) {
        return personalData.opener(tenant, employeeId);
    }
}
