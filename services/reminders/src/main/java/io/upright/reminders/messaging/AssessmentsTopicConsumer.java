package io.upright.reminders.messaging;

import io.smallrye.common.annotation.Blocking;
import io.upright.contracts.assessments.AssessmentCampaignStarted;
import io.upright.contracts.assessments.AssessmentCompleted;
import io.upright.contracts.assessments.ClearedByClinician;
import io.upright.contracts.UprightService;
import io.upright.platform.inbox.Consumption;
import io.upright.platform.inbox.IncomingEvent;
import io.upright.platform.inbox.TopicConsumer;
import io.upright.reminders.routine.EmployeeRoutines;
import io.upright.reminders.schedule.EmployeeRisks;
import io.upright.reminders.teambreak.CampaignNudges;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * {@code upright.assessments}: a completed assessment updates the break suggestion (a clinical-review hold withholds
 * exercises at once) and the risk readings; a clinician's clearance lifts the hold; a campaign queues its nudges.
 * Other types are not ours.
 */
@ApplicationScoped
public class AssessmentsTopicConsumer implements TopicConsumer {

    static final String CONSUMER = "reminders";

    @Inject
    Consumption consumption;

    @Inject
    EmployeeRoutines routines;

    @Inject
    EmployeeRisks risks;

    @Inject
    CampaignNudges nudges;

    @Incoming("assessments")
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
        return UprightService.ASSESSMENTS.topic();
    }

    @Override
    public void dispatch(IncomingEvent event) {
        if (event.payload() instanceof AssessmentCompleted completed) {
            routines.onAssessed(event.tenant(), completed);
            risks.onAssessed(event.tenant(), completed);
        } else if (event.payload() instanceof ClearedByClinician cleared) {
            routines.onCleared(event.tenant(), cleared);
        } else if (event.payload() instanceof AssessmentCampaignStarted campaign) {
            nudges.onCampaign(event.tenant(), campaign);
        }
    }
}
