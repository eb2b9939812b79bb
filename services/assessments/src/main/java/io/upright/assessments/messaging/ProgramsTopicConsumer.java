package io.upright.assessments.messaging;

import io.smallrye.common.annotation.Blocking;
import io.upright.assessments.personaldata.AssessmentsErasure;
import io.upright.assessments.team.EmployeeTeams;
import io.upright.contracts.programs.EmployeeEnrolled;
import io.upright.contracts.programs.EmployeeErased;
import io.upright.contracts.UprightService;
import io.upright.platform.inbox.Consumption;
import io.upright.platform.inbox.IncomingEvent;
import io.upright.platform.inbox.TopicConsumer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Consumer of {@code upright.programs}: {@code EmployeeEnrolled} goes to the team mapping, {@code EmployeeErased} to
 * the erasure; other event types are ignored. The inbox and the effect share one transaction, so a redelivery is a
 * no-op.
 */
@ApplicationScoped
public class ProgramsTopicConsumer implements TopicConsumer {

    static final String CONSUMER = "assessments";

    @Inject
    Consumption consumption;

    @Inject
    EmployeeTeams employeeTeams;

    @Inject
    AssessmentsErasure erasure;

    @Incoming("programs")
    @Blocking
    public void on(ConsumerRecords<String, byte[]> records) {
        consumption.consumeBatch(this, records);
    }

    @Override
    public String consumer() {
        return CONSUMER;
    }

    @Override
    public String topic() {
        return UprightService.PROGRAMS.topic();
    }

    @Override
    public void dispatch(IncomingEvent event) {
        if (event.payload() instanceof EmployeeEnrolled enrolled) {
            employeeTeams.remember(event.tenant(), enrolled.employeeId(), enrolled.teamId());
        } else if (event.payload() instanceof EmployeeErased erased) {
            erasure.forget(event.tenant(), erased.employeeId());
        }
    }
}
