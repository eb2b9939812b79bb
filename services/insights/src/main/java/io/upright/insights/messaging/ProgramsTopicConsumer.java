package io.upright.insights.messaging;

import io.smallrye.common.annotation.Blocking;
import io.upright.contracts.UprightService;
import io.upright.contracts.programs.EmployeeEnrolled;
import io.upright.contracts.programs.EmployeeErased;
import io.upright.contracts.programs.EmployeeLeft;
import io.upright.contracts.programs.ProgramEnded;
import io.upright.contracts.programs.ProgramLaunched;
import io.upright.contracts.programs.ProgramPaused;
import io.upright.contracts.programs.ProgramPhaseStarted;
import io.upright.contracts.programs.ProgramResumed;
import io.upright.contracts.programs.TeamCreated;
import io.upright.insights.ReadModelChanged;
import io.upright.insights.facts.FactProjection;
import io.upright.insights.personaldata.InsightsErasure;
import io.upright.insights.programs.ProgramProjection;
import io.upright.platform.inbox.Consumption;
import io.upright.platform.inbox.IncomingEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * {@code upright.programs}: teams and memberships go to the facts, the program lifecycle to the programs read
 * model, and {@code EmployeeErased} to the erasure.
 * Each record is accepted by the inbox and applied in the transaction of its batch, so a redelivery has no second
 * effect.
 * Unreadable records go to {@code upright.insights.dlq} (channel configuration).
 */
@ApplicationScoped
public class ProgramsTopicConsumer implements TopicConsumer {

    @Inject
    Event<ReadModelChanged> readModelChanged;

    @Inject
    Consumption consumption;

    @Inject
    FactProjection facts;

    @Inject
    ProgramProjection programs;

    @Inject
    InsightsErasure erasure;

    @Override
    public String topic() {
        return UprightService.PROGRAMS.topic();
    }

    @Incoming("programs")
    @Blocking
    public void consume(ConsumerRecords<String, byte[]> records) {
        consumption.consumeBatch(this, records);
    }

    @Override
    public void dispatch(IncomingEvent event) {
        readModelChanged.fire(new ReadModelChanged(event.tenant()));
        String tenant = event.tenant();
        Object payload = event.payload();
        if (payload instanceof TeamCreated team) {
            facts.teamCreated(tenant, team);
        } else if (payload instanceof EmployeeEnrolled enrolled) {
            facts.employeeEnrolled(tenant, enrolled);
        } else if (payload instanceof EmployeeLeft left) {
            facts.employeeLeft(tenant, left);
        } else if (payload instanceof EmployeeErased erased) {
            erasure.erase(tenant, erased);
        } else if (payload instanceof ProgramLaunched launched) {
            programs.launched(tenant, launched);
        } else if (payload instanceof ProgramPhaseStarted phase) {
            programs.phaseStarted(tenant, phase);
        } else if (payload instanceof ProgramPaused paused) {
            programs.paused(tenant, paused);
        } else if (payload instanceof ProgramResumed resumed) {
            programs.resumed(tenant, resumed);
        } else if (payload instanceof ProgramEnded ended) {
            programs.ended(tenant, ended);
        }
    }
}
