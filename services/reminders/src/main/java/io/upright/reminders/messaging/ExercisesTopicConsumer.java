package io.upright.reminders.routine;

import io.smallrye.common.annotation.Blocking;
import io.upright.contracts.assessments.AssessmentCompleted;
import io.upright.contracts.exercises.RoutineRecommended;
import io.upright.platform.inbox.Inbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Keeps each employee's break suggestion current. Other exercises and assessments events are not ours to handle. */
@ApplicationScoped
public class RecommendationConsumer {

    static final String CONSUMER = "reminders";

    @Inject
    Inbox inbox;

    @Inject
    EmployeeRoutines routines;

    @Inject
    io.upright.reminders.schedule.EmployeeRisks risks;

    @Inject
    io.upright.reminders.teambreak.CampaignNudges nudges;

    @Incoming("exercises")
    @Blocking
    @Transactional
    public void onExercises(ConsumerRecord<String, byte[]> record) {
        inbox.accept(CONSUMER, record).ifPresent(event -> {
            if (event.payload() instanceof RoutineRecommended recommended) {
                routines.onRecommended(event.tenant(), recommended);
            }
        });
    }

    @Incoming("assessments")
    @Blocking
    @Transactional
    public void onAssessments(ConsumerRecord<String, byte[]> record) {
        inbox.accept(CONSUMER, record).ifPresent(event -> {
            if (event.payload() instanceof AssessmentCompleted completed) {
                routines.onAssessed(event.tenant(), completed);
                risks.onAssessed(event.tenant(), completed);
            } else if (event.payload() instanceof io.upright.contracts.assessments.AssessmentCampaignStarted campaign) {
                nudges.onCampaign(event.tenant(), campaign);
            }
        });
    }
}
