package io.upright.insights.facts;

/**
 * What an {@code insights_fact} row records. {@code employeeAction} marks what the employee did themselves: only
 * those make someone "active" in a week (a reminder being sent to them is not activity on their part).
 */
public enum FactKind {
    ASSESSMENT_STARTED("assessment-started", true),
    ASSESSMENT_COMPLETED("assessment-completed", true),
    ROUTINE_RECOMMENDED("routine-recommended", false),
    EXERCISE_SESSION("exercise-session", true),
    REMINDER_SENT("reminder-sent", false),
    BREAK_TAKEN("break-taken", true),
    BREAK_SNOOZED("break-snoozed", true),
    BREAK_SKIPPED("break-skipped", true),
    REMINDER_EXPIRED("reminder-expired", false),
    DELIVERY_FAILED("delivery-failed", false);

    private final String code;
    private final boolean employeeAction;

    FactKind(String code, boolean employeeAction) {
        this.code = code;
        this.employeeAction = employeeAction;
    }

    public String code() {
        return code;
    }

    public boolean employeeAction() {
        return employeeAction;
    }
}
