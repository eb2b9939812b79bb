package io.upright.assessments.team;

import io.smallrye.common.annotation.Blocking;
import io.upright.contracts.programs.EmployeeEnrolled;
import io.upright.platform.inbox.Inbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Learns the employee-to-team mapping from upright.programs; other event types are ignored. */
@ApplicationScoped
public class ProgramsConsumer {

    static final String CONSUMER = "assessments";

    @Inject
    Inbox inbox;

    @Inject
    EmployeeTeams employeeTeams;

    @Incoming("programs")
    @Blocking
    @Transactional
    public void on(ConsumerRecord<String, byte[]> record) {
        inbox.accept(CONSUMER, record).ifPresent(event -> {
            if (event.payload() instanceof EmployeeEnrolled enrolled) {
                employeeTeams.remember(event.tenant(), enrolled.employeeId(), enrolled.teamId());
            }
        });
    }
}
