package io.upright.reminders.messaging;

import io.smallrye.common.annotation.Blocking;
import io.upright.contracts.assessments.AssessmentCampaignStarted;
import io.upright.contracts.assessments.AssessmentCompleted;
import io.upright.contracts.assessments.ClearedByClinician;
import io.upright.platform.inbox.Inbox;
import io.upright.reminders.routine.EmployeeRoutines;
import io.upright.reminders.schedule.EmployeeRisks;
import io.upright.reminders.teambreak.CampaignNudges;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * {@code upright.assessments}: a completed assessment updates the break suggestion (a clinical-review hold withholds
 * exercises at once) and the risk readings; a clinician's clearance lifts the hold; a campaign queues its nudges.
 * Other types are not ours.
 */
@ApplicationScoped
public class AssessmentsTopicConsumer {

    static final String CONSUMER = "reminders";

    @Inject
    Inbox inbox;

    @Inject
    EmployeeRoutines routines;

    @Inject
    EmployeeRisks risks;

    @Inject
    CampaignNudges nudges;

    @Incoming("assessments")
    @Blocking
    @Transactional
    public void on(ConsumerRecord<String, byte[]> record) {
        inbox.accept(CONSUMER, record).ifPresent(event -> {
            if (event.payload() instanceof AssessmentCompleted completed) {
                routines.onAssessed(event.tenant(), completed);
                risks.onAssessed(event.tenant(), completed);
            } else if (event.payload() instanceof ClearedByClinician cleared) {
                routines.onCleared(event.tenant(), cleared);
            } else if (event.payload() instanceof AssessmentCampaignStarted campaign) {
                nudges.onCampaign(event.tenant(), campaign);
            }
        });
    }
}
