package io.upright.insights.facts;

import io.upright.contracts.assessments.AssessmentCompleted;
import io.upright.contracts.assessments.AssessmentStarted;
import io.upright.contracts.exercises.ExerciseSessionCompleted;
import io.upright.contracts.exercises.RoutineRecommended;
import io.upright.contracts.programs.EmployeeEnrolled;
import io.upright.contracts.programs.EmployeeErased;
import io.upright.contracts.programs.EmployeeLeft;
import io.upright.contracts.programs.ProgramEnded;
import io.upright.contracts.programs.ProgramLaunched;
import io.upright.contracts.programs.ProgramPaused;
import io.upright.contracts.programs.ProgramPhaseStarted;
import io.upright.contracts.programs.ProgramResumed;
import io.upright.contracts.programs.TeamCreated;
import io.upright.contracts.reminders.BreakReminderSent;
import io.upright.contracts.reminders.BreakSkipped;
import io.upright.contracts.reminders.BreakSnoozed;
import io.upright.contracts.reminders.BreakTaken;
import io.upright.contracts.reminders.ReminderDeliveryFailed;
import io.upright.contracts.reminders.ReminderExpired;
import io.upright.insights.facts.Facts.Counter;
import io.upright.platform.inbox.IncomingEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.util.List;

/**
 * Turns one accepted integration event into read-model rows. Used by the live consumers and by the replay, so
 * both build exactly the same tables. Runs inside the caller's transaction, after the inbox accepted the event.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class Projector {

    @Inject
    Facts facts;

    public void apply(IncomingEvent event) {
        String tenant = event.tenant();
        String id = event.id();
        Object payload = event.payload();
        if (payload instanceof TeamCreated team) {
            facts.team(tenant, team.teamId(), team.name(), team.createdAt());
        } else if (payload instanceof EmployeeEnrolled enrolled) {
            facts.membership(tenant, enrolled.employeeId(), enrolled.teamId(), enrolled.timeZone(), enrolled.enrolledAt());
        } else if (payload instanceof EmployeeLeft left) {
            facts.left(tenant, left.employeeId(), left.leftAt());
        } else if (payload instanceof EmployeeErased erased) {
            facts.erase(tenant, erased.employeeId());
        } else if (payload instanceof ProgramLaunched launched) {
            facts.programLaunched(tenant, launched.programId(), launched.title(), launched.startsOn(),
                    launched.minBreakEveryMinutes(), launched.maxBreakEveryMinutes(), launched.launchedAt(),
                    launched.teamIds(), launched.phases() == null ? List.of() : launched.phases());
        } else if (payload instanceof ProgramPhaseStarted phase) {
            facts.phaseStarted(tenant, phase.programId(), phase.phaseNumber(), phase.breakEveryMinutes(),
                    phase.dailyActiveMinutesTarget(), phase.teamIds());
        } else if (payload instanceof ProgramPaused paused) {
            facts.programStatus(tenant, paused.programId(), "paused", paused.pausedAt(), paused.teamIds());
        } else if (payload instanceof ProgramResumed resumed) {
            facts.programStatus(tenant, resumed.programId(), "launched", resumed.resumedAt(), resumed.teamIds());
        } else if (payload instanceof ProgramEnded ended) {
            facts.programStatus(tenant, ended.programId(), "ended", ended.endedAt(), ended.teamIds());
        } else if (payload instanceof AssessmentStarted started) {
            facts.fact(tenant, id, FactKind.ASSESSMENT_STARTED, started.employeeId(), started.startedAt(), 0);
        } else if (payload instanceof AssessmentCompleted completed) {
            facts.add(tenant, completed.employeeId(), Counter.ASSESSMENTS_COMPLETED, 1);
            facts.assessment(tenant, completed.employeeId(), completed.assessmentId(), completed.method(),
                    completed.score(), completed.riskLevel(),
                    completed.findingCodes() == null ? List.of() : completed.findingCodes(), completed.completedAt());
            facts.fact(tenant, id, FactKind.ASSESSMENT_COMPLETED, completed.employeeId(), completed.completedAt(), 0);
        } else if (payload instanceof RoutineRecommended recommended) {
            facts.add(tenant, recommended.employeeId(), Counter.ROUTINES_RECOMMENDED, 1);
            facts.fact(tenant, id, FactKind.ROUTINE_RECOMMENDED, recommended.employeeId(), recommended.recommendedAt(), 0);
        } else if (payload instanceof ExerciseSessionCompleted session) {
            facts.add(tenant, session.employeeId(), Counter.EXERCISE_SESSIONS, 1);
            facts.add(tenant, session.employeeId(), Counter.EXERCISE_MINUTES, Math.max(0, session.minutes()));
            facts.fact(tenant, id, FactKind.EXERCISE_SESSION, session.employeeId(), session.completedAt(), session.minutes());
        } else if (payload instanceof BreakReminderSent sent) {
            // a snoozed reminder is delivered again under the same reminder id: it is still one reminder
            if (facts.fact(tenant, "reminder-sent:" + sent.reminderId(), FactKind.REMINDER_SENT, sent.employeeId(), sent.sentAt(), 0)) {
                facts.add(tenant, sent.employeeId(), Counter.REMINDERS_SENT, 1);
            }
        } else if (payload instanceof BreakTaken taken) {
            facts.add(tenant, taken.employeeId(), Counter.BREAKS_TAKEN, 1);
            facts.add(tenant, taken.employeeId(), Counter.ACTIVE_BREAK_MINUTES, Math.max(0, taken.activeMinutes()));
            facts.fact(tenant, id, FactKind.BREAK_TAKEN, taken.employeeId(), taken.takenAt(), taken.activeMinutes());
        } else if (payload instanceof BreakSnoozed snoozed) {
            facts.fact(tenant, id, FactKind.BREAK_SNOOZED, snoozed.employeeId(), snoozed.snoozedAt(), 0);
        } else if (payload instanceof BreakSkipped skipped) {
            facts.fact(tenant, id, FactKind.BREAK_SKIPPED, skipped.employeeId(), skipped.skippedAt(), 0);
        } else if (payload instanceof ReminderExpired expired) {
            facts.fact(tenant, id, FactKind.REMINDER_EXPIRED, expired.employeeId(), expired.expiredAt(), 0);
        } else if (payload instanceof ReminderDeliveryFailed failed) {
            facts.fact(tenant, id, FactKind.DELIVERY_FAILED, failed.employeeId(), failed.failedAt(), 0);
        }
    }
}
