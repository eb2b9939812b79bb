package io.upright.insights.facts;

import io.upright.contracts.IntegrationEvent;
import io.upright.contracts.SealedForEmployee;
import io.upright.contracts.assessments.AssessmentCompleted;
import io.upright.contracts.assessments.AssessmentStarted;
import io.upright.contracts.exercises.ExerciseSessionCompletedV2;
import io.upright.contracts.exercises.RoutineRecommended;
import io.upright.contracts.reminders.BreakReminderSent;
import io.upright.contracts.reminders.BreakSkipped;
import io.upright.contracts.reminders.BreakSnoozed;
import io.upright.contracts.reminders.BreakTaken;
import io.upright.contracts.reminders.ReminderDeliveryFailed;
import io.upright.contracts.reminders.ReminderExpired;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * What an {@code insights_fact} row records. {@code employeeAction} marks what the employee did themselves: only
 * those make someone "active" in a week (a reminder being sent to them is not activity on their part).
 * {@link #sealed()} says whether the event the fact comes from travels sealed for the employee: after their erasure
 * a replay can no longer read it, so an erasure drops such facts and keeps (identity-free) only the plain ones.
 */
public enum FactKind {
    ASSESSMENT_STARTED("assessment-started", true, AssessmentStarted.class),
    ASSESSMENT_COMPLETED("assessment-completed", true, AssessmentCompleted.class),
    ROUTINE_RECOMMENDED("routine-recommended", false, RoutineRecommended.class),
    EXERCISE_SESSION("exercise-session", true, ExerciseSessionCompletedV2.class),
    REMINDER_SENT("reminder-sent", false, BreakReminderSent.class),
    BREAK_TAKEN("break-taken", true, BreakTaken.class),
    BREAK_SNOOZED("break-snoozed", true, BreakSnoozed.class),
    BREAK_SKIPPED("break-skipped", true, BreakSkipped.class),
    REMINDER_EXPIRED("reminder-expired", false, ReminderExpired.class),
    DELIVERY_FAILED("delivery-failed", false, ReminderDeliveryFailed.class);

    private final String code;
    private final boolean employeeAction;
    private final boolean sealed;

    FactKind(String code, boolean employeeAction, Class<? extends IntegrationEvent> source) {
        this.code = code;
        this.employeeAction = employeeAction;
        // taken from the contract itself, so a contract that becomes sealed changes what an erasure keeps with it
        this.sealed = SealedForEmployee.class.isAssignableFrom(source);
    }

    public String code() {
        return code;
    }

    public boolean employeeAction() {
        return employeeAction;
    }

    /** Whether the source event is sealed for the employee (unreadable to a replay once they are erased). */
    public boolean sealed() {
        return sealed;
    }

    /** The codes of the sealed kinds as an SQL list, e.g. {@code ('assessment-completed', 'break-taken')}. */
    public static String sealedCodesSql() {
        return Arrays.stream(values()).filter(FactKind::sealed)
                .map(k -> "'" + k.code() + "'").collect(Collectors.joining(", ", "(", ")"));
    }
}
