package io.upright.exercises.recommendation;

import io.smallrye.common.annotation.Blocking;
import io.upright.contracts.assessments.AssessmentCompleted;
import io.upright.platform.inbox.Inbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Recommends a routine for every completed assessment on upright.assessments; other types are ignored. */
@ApplicationScoped
public class AssessmentsConsumer {

    static final String CONSUMER = "exercises";

    @Inject
    Inbox inbox;

    @Inject
    Recommendations recommendations;

    @Incoming("assessments")
    @Blocking
    @Transactional
    public void on(ConsumerRecord<String, byte[]> record) {
        inbox.accept(CONSUMER, record).ifPresent(event -> {
            if (event.payload() instanceof AssessmentCompleted completed) {
                recommendations.onAssessmentCompleted(event.tenant(), completed);
            }
        });
    }
}
