package io.upright.assessments.team;

import io.smallrye.common.annotation.Blocking;
import io.upright.assessments.assessment.AssessmentErasure;
import io.upright.contracts.programs.EmployeeEnrolled;
import io.upright.contracts.programs.EmployeeErased;
import io.upright.platform.inbox.Inbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Learns the employee-to-team mapping from upright.programs and forgets erased employees; other event types are
 * ignored.
 */
@ApplicationScoped
public class ProgramsConsumer {

    static final String CONSUMER = "assessments";

    @Inject
    Inbox inbox;

    @Inject
    EmployeeTeams employeeTeams;

    @Inject
    AssessmentErasure erasure;

    @Incoming("programs")
    @Blocking
    @Transactional
    public void on(ConsumerRecord<String, byte[]> record) {
        inbox.accept(CONSUMER, record).ifPresent(event -> {
            if (event.payload() instanceof EmployeeEnrolled enrolled) {
                employeeTeams.remember(event.tenant(), enrolled.employeeId(), enrolled.teamId());
            } else if (event.payload() instanceof EmployeeErased erased) {
                erasure.forget(event.tenant(), erased.employeeId());
            }
        });
    }
}
