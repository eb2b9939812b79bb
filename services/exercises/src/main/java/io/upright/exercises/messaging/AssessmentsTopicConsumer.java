package io.upright.exercises.messaging;

import io.smallrye.common.annotation.Blocking;
import io.upright.contracts.assessments.AssessmentCompleted;
import io.upright.contracts.assessments.ClearedByClinician;
import io.upright.exercises.recommendation.Recommendations;
import io.upright.contracts.UprightService;
import io.upright.platform.inbox.Consumption;
import io.upright.platform.inbox.IncomingEvent;
import io.upright.platform.inbox.TopicConsumer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * upright.assessments: every {@code AssessmentCompleted} gets a recommendation, a {@code ClearedByClinician} lifts a
 * clinical-review pause; other types are ignored.
 */
@ApplicationScoped
public class AssessmentsTopicConsumer implements TopicConsumer {

    @Inject
    Consumption consumption;

    @Inject
    Recommendations recommendations;

    @Incoming("assessments")
    @Blocking
    public void on(ConsumerRecords<String, byte[]> records) {
        consumption.consumeBatch(this, records);
    }

    @Override
    public String consumer() {
        return Consumers.INBOX;
    }

    @Override
    public String topic() {
        return UprightService.ASSESSMENTS.topic();
    }

    @Override
    public void dispatch(IncomingEvent event) {
        if (event.payload() instanceof AssessmentCompleted completed) {
            recommendations.onAssessmentCompleted(event.tenant(), completed);
        } else if (event.payload() instanceof ClearedByClinician cleared) {
            recommendations.onClearedByClinician(event.tenant(), cleared);
        }
    }
}
