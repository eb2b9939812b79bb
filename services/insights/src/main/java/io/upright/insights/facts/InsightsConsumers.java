package io.upright.insights.facts;

import io.smallrye.common.annotation.Blocking;
import io.upright.contracts.assessments.AssessmentCompleted;
import io.upright.contracts.exercises.ExerciseSessionCompleted;
import io.upright.contracts.exercises.RoutineRecommended;
import io.upright.contracts.programs.EmployeeEnrolled;
import io.upright.contracts.programs.TeamCreated;
import io.upright.contracts.reminders.BreakReminderSent;
import io.upright.contracts.reminders.BreakTaken;
import io.upright.insights.facts.Facts.Counter;
import io.upright.platform.inbox.Inbox;
import io.upright.platform.inbox.IncomingEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import java.util.List;

/**
 * Insights listens to every topic and publishes nothing. Each record is accepted by the inbox and applied in
 * one transaction, so a redelivery has no second effect; types insights does not use are accepted and ignored.
 * Unreadable records go to {@code upright.insights.dlq} (channel configuration).
 */
@ApplicationScoped
public class InsightsConsumers {

    static final String CONSUMER = "insights";

    @Inject
    Inbox inbox;

    @Inject
    Facts facts;

    @Incoming("programs")
    @Blocking
    @Transactional
    public void onPrograms(ConsumerRecord<String, byte[]> record) {
        inbox.accept(CONSUMER, record).ifPresent(this::apply);
    }

    @Incoming("assessments")
    @Blocking
    @Transactional
    public void onAssessments(ConsumerRecord<String, byte[]> record) {
        inbox.accept(CONSUMER, record).ifPresent(this::apply);
    }

    @Incoming("exercises")
    @Blocking
    @Transactional
    public void onExercises(ConsumerRecord<String, byte[]> record) {
        inbox.accept(CONSUMER, record).ifPresent(this::apply);
    }

    @Incoming("reminders")
    @Blocking
    @Transactional
    public void onReminders(ConsumerRecord<String, byte[]> record) {
        inbox.accept(CONSUMER, record).ifPresent(this::apply);
    }

    private void apply(IncomingEvent event) {
        String tenant = event.tenant();
        Object payload = event.payload();
        if (payload instanceof TeamCreated team) {
            facts.team(tenant, team.teamId(), team.name(), team.createdAt());
        } else if (payload instanceof EmployeeEnrolled enrolled) {
            facts.membership(tenant, enrolled.employeeId(), enrolled.teamId(), enrolled.enrolledAt());
        } else if (payload instanceof AssessmentCompleted completed) {
            facts.add(tenant, completed.employeeId(), Counter.ASSESSMENTS_COMPLETED, 1);
            facts.assessment(tenant, completed.employeeId(), completed.assessmentId(), completed.riskLevel(),
                    completed.findingCodes() == null ? List.of() : completed.findingCodes(), completed.completedAt());
        } else if (payload instanceof RoutineRecommended recommended) {
            facts.add(tenant, recommended.employeeId(), Counter.ROUTINES_RECOMMENDED, 1);
        } else if (payload instanceof ExerciseSessionCompleted session) {
            facts.add(tenant, session.employeeId(), Counter.EXERCISE_SESSIONS, 1);
            facts.add(tenant, session.employeeId(), Counter.EXERCISE_MINUTES, Math.max(0, session.minutes()));
        } else if (payload instanceof BreakReminderSent sent) {
            facts.add(tenant, sent.employeeId(), Counter.REMINDERS_SENT, 1);
        } else if (payload instanceof BreakTaken taken) {
            facts.add(tenant, taken.employeeId(), Counter.BREAKS_TAKEN, 1);
            facts.add(tenant, taken.employeeId(), Counter.ACTIVE_BREAK_MINUTES, Math.max(0, taken.activeMinutes()));
        }
    }
}
