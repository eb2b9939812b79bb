package io.upright.insights.facts;

import io.upright.contracts.assessments.AssessmentCompleted;
import io.upright.contracts.assessments.AssessmentStarted;
import io.upright.contracts.exercises.ExerciseSessionCompletedV2;
import io.upright.contracts.exercises.RoutineRecommended;
import io.upright.contracts.programs.EmployeeEnrolled;
import io.upright.contracts.programs.EmployeeLeft;
import io.upright.contracts.programs.TeamCreated;
import io.upright.contracts.reminders.BreakReminderSent;
import io.upright.contracts.reminders.BreakSkipped;
import io.upright.contracts.reminders.BreakSnoozed;
import io.upright.contracts.reminders.BreakTaken;
import io.upright.contracts.reminders.ReminderDeliveryFailed;
import io.upright.contracts.reminders.ReminderExpired;
import io.upright.insights.facts.Facts.Counter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

/**
 * Turns one accepted integration event about teams, members and what employees did into read-model rows
 * (teams, memberships, counters, latest assessments and facts). The topic consumers of {@code messaging} call
 * it for live records and for the replay alike, so both build exactly the same tables. Runs inside the caller's
 * transaction, after the inbox accepted the event; {@code eventId} keys the fact row, so a fact is kept once.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class FactProjection {

    @Inject
    Facts facts;

    public void teamCreated(String tenant, TeamCreated team) {
        facts.team(tenant, team.teamId(), team.name(), team.createdAt());
    }

    public void employeeEnrolled(String tenant, EmployeeEnrolled enrolled) {
        facts.membership(tenant, enrolled.employeeId(), enrolled.teamId(), enrolled.timeZone(), enrolled.enrolledAt());
    }

    public void employeeLeft(String tenant, EmployeeLeft left) {
        facts.left(tenant, left.employeeId(), left.leftAt());
    }

    public void assessmentStarted(String tenant, String eventId, AssessmentStarted started) {
        facts.fact(tenant, eventId, FactKind.ASSESSMENT_STARTED, started.employeeId(), started.startedAt(), 0);
    }

    public void assessmentCompleted(String tenant, String eventId, AssessmentCompleted completed) {
        facts.add(tenant, completed.employeeId(), Counter.ASSESSMENTS_COMPLETED, 1);
        facts.assessment(tenant, completed.employeeId(), completed.assessmentId(), completed.method(),
                completed.score(), completed.riskLevel(),
                EmployerVisibleFindings.of(completed.findingCodes()), completed.completedAt());
        facts.fact(tenant, eventId, FactKind.ASSESSMENT_COMPLETED, completed.employeeId(), completed.completedAt(), 0);
    }

    public void routineRecommended(String tenant, String eventId, RoutineRecommended recommended) {
        facts.add(tenant, recommended.employeeId(), Counter.ROUTINES_RECOMMENDED, 1);
        facts.fact(tenant, eventId, FactKind.ROUTINE_RECOMMENDED, recommended.employeeId(), recommended.recommendedAt(), 0);
    }

    /**
     * HR's figures stay in whole minutes: each session counts rounded half up from its seconds, so a v1 record (read
     * as v2) counts exactly its minutes, and a 30-second micro-break counts as one.
     */
    public void exerciseSessionCompleted(String tenant, String eventId, ExerciseSessionCompletedV2 session) {
        int minutes = Math.max(0, session.wholeMinutes());
        facts.add(tenant, session.employeeId(), Counter.EXERCISE_SESSIONS, 1);
        facts.add(tenant, session.employeeId(), Counter.EXERCISE_MINUTES, minutes);
        facts.fact(tenant, eventId, FactKind.EXERCISE_SESSION, session.employeeId(), session.completedAt(), minutes);
    }

    public void breakReminderSent(String tenant, BreakReminderSent sent) {
        // a snoozed reminder is delivered again under the same reminder id: it is still one reminder
        if (facts.fact(tenant, "reminder-sent:" + sent.reminderId(), FactKind.REMINDER_SENT, sent.employeeId(), sent.sentAt(), 0)) {
            facts.add(tenant, sent.employeeId(), Counter.REMINDERS_SENT, 1);
        }
    }

    public void breakTaken(String tenant, String eventId, BreakTaken taken) {
        facts.add(tenant, taken.employeeId(), Counter.BREAKS_TAKEN, 1);
        facts.add(tenant, taken.employeeId(), Counter.ACTIVE_BREAK_MINUTES, Math.max(0, taken.activeMinutes()));
        facts.fact(tenant, eventId, FactKind.BREAK_TAKEN, taken.employeeId(), taken.takenAt(), taken.activeMinutes());
    }

    public void breakSnoozed(String tenant, String eventId, BreakSnoozed snoozed) {
        facts.fact(tenant, eventId, FactKind.BREAK_SNOOZED, snoozed.employeeId(), snoozed.snoozedAt(), 0);
    }

    public void breakSkipped(String tenant, String eventId, BreakSkipped skipped) {
        facts.fact(tenant, eventId, FactKind.BREAK_SKIPPED, skipped.employeeId(), skipped.skippedAt(), 0);
    }

    public void reminderExpired(String tenant, String eventId, ReminderExpired expired) {
        facts.fact(tenant, eventId, FactKind.REMINDER_EXPIRED, expired.employeeId(), expired.expiredAt(), 0);
    }

    public void reminderDeliveryFailed(String tenant, String eventId, ReminderDeliveryFailed failed) {
        facts.fact(tenant, eventId, FactKind.DELIVERY_FAILED, failed.employeeId(), failed.failedAt(), 0);
    }
}
