package io.upright.insights.messaging;

import io.smallrye.common.annotation.Blocking;
import io.upright.contracts.UprightService;
import io.upright.contracts.assessments.AssessmentCompleted;
import io.upright.contracts.assessments.AssessmentStarted;
import io.upright.contracts.assessments.SittingReported;
import io.upright.insights.ReadModelChanged;
import io.upright.insights.facts.FactProjection;
import io.upright.insights.outcomes.SittingProjection;
import io.upright.platform.inbox.Consumption;
import io.upright.platform.inbox.IncomingEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * {@code upright.assessments}: assessments started and completed go to the facts, sitting reports to the sitting
 * outcomes read model. A sealed record whose key was shredded opens as {@code ErasedEmployeeEvent} and is passed over.
 * Each record is accepted by the inbox and applied in the transaction of its batch, so a redelivery has no second
 * effect.
 * Unreadable records go to {@code upright.insights.dlq} (channel configuration).
 */
@ApplicationScoped
public class AssessmentsTopicConsumer implements TopicConsumer {

    @Inject
    Event<ReadModelChanged> readModelChanged;

    @Inject
    Consumption consumption;

    @Inject
    FactProjection facts;

    @Inject
    SittingProjection sittings;

    @Override
    public String topic() {
        return UprightService.ASSESSMENTS.topic();
    }

    @Incoming("assessments")
    @Blocking
    public void consume(ConsumerRecords<String, byte[]> records) {
        consumption.consumeBatch(this, records);
    }

    @Override
    public void dispatch(IncomingEvent event) {
        readModelChanged.fire(new ReadModelChanged(event.tenant()));
        String tenant = event.tenant();
        Object payload = event.payload();
        if (payload instanceof AssessmentStarted started) {
            facts.assessmentStarted(tenant, event.id(), started);
        } else if (payload instanceof AssessmentCompleted completed) {
            facts.assessmentCompleted(tenant, event.id(), completed);
        } else if (payload instanceof SittingReported sitting) {
            sittings.reported(tenant, sitting);
        }
    }
}
