package io.upright.programs.enrollment;

import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import io.upright.contracts.programs.EmployeeEnrolled;
import io.upright.platform.eventstore.AggregateStore;
import io.upright.platform.eventstore.Decision;
import io.upright.platform.outbox.Outbox;
import io.upright.platform.problem.ProblemException;
import io.upright.programs.team.Teams;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.List;
import java.util.OptionalLong;
import java.util.UUID;

/** Application service for enrolment: event store, read model and outbox in one transaction. */
@ApplicationScoped
public class Enrollments {

    private final EnrollmentDecider decider = new EnrollmentDecider();

    @Inject
    AggregateStore aggregates;

    @Inject
    Outbox outbox;

    @Inject
    Teams teams;

    @Transactional
    public EmployeeRecord enroll(String tenant, UUID teamId, EnrollmentDecider.EnrollEmployee request) {
        teams.get(tenant, teamId); // 404 for a team of another tenant
        if (request.email() != null && EmployeeRecord.emailTaken(tenant, request.email().strip())) {
            throw ProblemException.conflict("An employee with this email is already enrolled");
        }
        UUID id = request.employeeId();
        Decision<EnrollmentDecider.Participant, EmployeeEvent> decision = aggregates.handle(tenant, "employee", id,
                EmployeeEvent.class, decider, request, OptionalLong.empty());
        EmployeeEvent.EmployeeJoined joined = (EmployeeEvent.EmployeeJoined) decision.newEvents().get(0);
        EmployeeRecord employee = new EmployeeRecord();
        employee.tenantId = tenant;
        employee.id = id;
        employee.teamId = teamId;
        employee.displayName = joined.displayName();
        employee.email = joined.email();
        employee.timeZone = joined.workingDay().timeZone();
        employee.workdayStart = joined.workingDay().start();
        employee.workdayEnd = joined.workingDay().end();
        employee.standingDesk = joined.standingDesk();
        employee.enrolledAt = joined.joinedAt();
        employee.persistAndFlush();
        // the integration event is pseudonymous: no name, no email
        outbox.enqueue(tenant, new EmployeeEnrolled(id, teamId, employee.timeZone, employee.workdayStart,
                employee.workdayEnd, employee.standingDesk, employee.enrolledAt));
        return employee;
    }

    public static EnrollmentDecider.EnrollEmployee command(UUID teamId, String displayName, String email, String timeZone,
                                                           String start, String end, Boolean standingDesk) {
        return new EnrollmentDecider.EnrollEmployee(UUID.randomUUID(), teamId, displayName, email, timeZone, start, end,
                Boolean.TRUE.equals(standingDesk), Instant.now());
    }

    public EmployeeRecord get(String tenant, UUID id) {
        EmployeeRecord employee = EmployeeRecord.of(tenant, id);
        if (employee == null) {
            throw ProblemException.notFound("Employee " + id);
        }
        return employee;
    }

    public List<EmployeeRecord> inTeam(String tenant, UUID teamId, int page, int size) {
        return EmployeeRecord.find("tenantId = ?1 and teamId = ?2", Sort.by("displayName").and("id"), tenant, teamId)
                .page(Page.of(page, size)).list();
    }

    public long countInTeam(String tenant, UUID teamId) {
        return EmployeeRecord.count("tenantId = ?1 and teamId = ?2", tenant, teamId);
    }
}
