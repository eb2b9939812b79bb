package io.upright.programs.personaldata;

import io.upright.contracts.programs.EmployeeErased;
import io.upright.platform.crypto.PersonalData;
import io.upright.platform.crypto.TopicKeys;
import io.upright.platform.eventstore.AggregateStore;
import io.upright.platform.eventstore.Decision;
import io.upright.platform.eventstore.EventStore;
import io.upright.platform.outbox.Outbox;
import io.upright.programs.enrollment.EmployeeEvent;
import io.upright.programs.enrollment.EmployeeRecord;
import io.upright.programs.enrollment.EnrollmentDecider;
import io.upright.programs.enrollment.Enrollments;
import io.upright.programs.roster.RosterImportStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

/**
 * An employee's erasure (GDPR Art. 17) by crypto-shredding: the same stores {@link ProgramsPersonalData} exports
 * from, made unreadable, and {@link EmployeeErased} published once so every other service erases its part.
 */
@ApplicationScoped
public class PersonalDataErasure {

    @Inject
    Enrollments enrollments;

    @Inject
    AggregateStore aggregates;

    @Inject
    PersonalData personalData;

    @Inject
    Outbox outbox;

    @Inject
    TopicKeys topicKeys;

    @Inject
    EventStore eventStore;

    @Inject
    EntityManager entityManager;

    @Inject
    RosterImportStore rosterImports;

    @Inject
    Clock clock;

    /**
     * Deletes the employee's key (so every sealed copy, in the event store too, is unreadable), empties the personal
     * columns, records the erasure and publishes {@link EmployeeErased} once. Erasing again changes nothing.
     */
    @Transactional
    public void erase(String tenant, UUID id) {
        EmployeeRecord employee = enrollments.get(tenant, id);
        Instant now = Instant.now(clock);
        Decision<EnrollmentDecider.Participant, EmployeeEvent> decision = aggregates.handle(tenant, Enrollments.EMPLOYEE, id,
                new EnrollmentDecider.ErasePersonalData(id, now));
        personalData.shred(tenant, id);
        // the records about them on every topic (scores, findings, routines, team and hours) turn unreadable too
        topicKeys.shred(tenant, id);
        // what is left is the id and the fact of the erasure: team, hours and dates would pick them out of a small team
        if (!decision.newEvents().isEmpty()) {
            eventStore.eraseBefore(tenant, Enrollments.EMPLOYEE.streamType(), id, decision.version());
            employee.erasedAt = now;
        }
        employee.displayName = null;
        employee.email = null;
        employee.chatHandle = null;
        employee.emailLookup = null;
        employee.teamId = null;
        employee.timeZone = null;
        employee.workdayStart = null;
        employee.workdayEnd = null;
        employee.standingDesk = false;
        employee.enrolledAt = null;
        employee.leftAt = null;
        // stored Idempotency-Key answers echo the enrolment response (name, email) in plain text
        entityManager.createNativeQuery("delete from idempotency_key where tenant_id = ?1 "
                        + "and (principal = ?2 or position(?2 in coalesce(body::text, '')) > 0)")
                .setParameter(1, tenant).setParameter(2, id.toString()).executeUpdate();
        // a roster import's outcome puts the id next to a line of a file the admin still has
        rosterImports.forget(tenant, id);
        if (!decision.newEvents().isEmpty()) {
            outbox.enqueue(tenant, new EmployeeErased(id, now));
        }
    }
}
