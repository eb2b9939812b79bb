package io.upright.exercises.messaging;

import io.smallrye.common.annotation.Blocking;
import io.upright.contracts.assessments.AssessmentCompleted;
import io.upright.contracts.assessments.ClearedByClinician;
import io.upright.exercises.recommendation.Recommendations;
import io.upright.platform.inbox.Inbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * upright.assessments: every {@code AssessmentCompleted} gets a recommendation, a {@code ClearedByClinician} lifts a
 * clinical-review pause; other types are ignored.
 */
@ApplicationScoped
public class AssessmentsTopicConsumer {

    @Inject
    Inbox inbox;

    @Inject
    Recommendations recommendations;

    @Incoming("assessments")
    @Blocking
    @Transactional
    public void on(ConsumerRecord<String, byte[]> record) {
        inbox.accept(Consumers.INBOX, record).ifPresent(event -> {
            if (event.payload() instanceof AssessmentCompleted completed) {
                recommendations.onAssessmentCompleted(event.tenant(), completed);
            } else if (event.payload() instanceof ClearedByClinician cleared) {
                recommendations.onClearedByClinician(event.tenant(), cleared);
            }
        });
    }
}
