package io.upright.reminders.reminder;

import io.upright.reminders.queue.ReminderKind;

/**
 * What a break suggests to one employee, from their latest recommendation: their routine, only standing up and
 * walking (exercises are withheld while a clinician reviews their assessment), or, with no recommendation yet, the
 * general walk. This is health information: it is kept on the reminder and shown only to the employee
 * ({@link PersonalSuggestion}); the message employer systems receive ({@link ReminderMessage}) is made without it.
 */
public record BreakSuggestion(String routineId, String routineTitle, Integer durationMinutes, boolean withheldForClinicalReview,
                              boolean sitStand) {

    /** How long a Done on a sit/stand prompt counts: standing is the activity, ten minutes a modest first stretch of it. */
    static final int SIT_STAND_MINUTES = 10;
    static final int GENERAL_WALK_MINUTES = 3;
    static final int WITHHELD_WALK_MINUTES = 2;
    static final int DEFAULT_ROUTINE_MINUTES = 5;

    private static final BreakSuggestion GENERAL = new BreakSuggestion(null, null, null, false, false);

    public BreakSuggestion(String routineId, String routineTitle, Integer durationMinutes, boolean withheldForClinicalReview) {
        this(routineId, routineTitle, durationMinutes, withheldForClinicalReview, false);
    }

    /** A sit/stand prompt: switch the standing desk's position; Done records standing. */
    public static BreakSuggestion standUp() {
        return new BreakSuggestion(null, null, null, false, true);
    }

    /** From the employee's routine row: no row ({@code withheld} null) is the general prompt. */
    public static BreakSuggestion of(String routineId, String routineTitle, Integer durationMinutes, Boolean withheld) {
        if (withheld == null) {
            return general(); // no row: nothing recommended yet
        }
        if (withheld) {
            return withheld();
        }
        return routineId == null ? general() : routine(routineId, routineTitle, durationMinutes);
    }

    /** What a reminder of this kind suggests, given the employee's recommendation. */
    public static BreakSuggestion forKind(String kind, BreakSuggestion recommendation) {
        if (ReminderKind.SIT_STAND.equals(kind)) {
            return standUp();
        }
        if (ReminderKind.TEAM_BREAK.equals(kind) || ReminderKind.ASSESSMENT_NUDGE.equals(kind)) {
            return general();
        }
        return recommendation == null ? general() : recommendation;
    }

    /**
     * What a reminder row kept when it was claimed ({@code due_reminder} routine columns). A row claimed before they
     * existed kept only the routine id ({@code withheld} null): it suggested that routine, or the general walk.
     */
    public static BreakSuggestion kept(String kind, String routineId, String routineTitle, Integer minutes, Boolean withheld) {
        BreakSuggestion recommendation = withheld == null && routineId != null
                ? routine(routineId, routineTitle == null ? routineId : routineTitle, minutes)
                : of(routineId, routineTitle, minutes, withheld);
        return forKind(kind, recommendation);
    }

    public static BreakSuggestion general() {
        return GENERAL;
    }

    public static BreakSuggestion withheld() {
        return new BreakSuggestion(null, null, null, true);
    }

    public static BreakSuggestion routine(String routineId, String routineTitle, Integer durationMinutes) {
        return new BreakSuggestion(routineId, routineTitle, durationMinutes, false);
    }

    /**
     * A clinical-review hold that began after the reminder was sent wins over the routine it suggested: the employee is
     * never shown, nor credited with, a routine while exercises are withheld.
     */
    public BreakSuggestion heldNow(boolean withheldNow) {
        return withheldNow && suggestsRoutine() ? withheld() : this;
    }

    /** A routine is suggested only when there is one and nothing holds exercises back. */
    public boolean suggestsRoutine() {
        return !sitStand && !withheldForClinicalReview && routineId != null && routineTitle != null && !routineTitle.isBlank();
    }

    /**
     * What a one-click "Done" records: the activity suggested and its length. A routine counts with its own duration
     * (kept within what an answer may say); otherwise the walk suggested.
     */
    public String doneActivity() {
        if (sitStand) {
            return "stand";
        }
        return suggestsRoutine() ? "routine" : "walk";
    }

    public int doneMinutes() {
        if (sitStand) {
            return SIT_STAND_MINUTES;
        }
        if (suggestsRoutine()) {
            int minutes = durationMinutes == null ? DEFAULT_ROUTINE_MINUTES : durationMinutes;
            return Math.max(ReminderDecider.MIN_ACTIVE_MINUTES, Math.min(ReminderDecider.MAX_ACTIVE_MINUTES, minutes));
        }
        return withheldForClinicalReview ? WITHHELD_WALK_MINUTES : GENERAL_WALK_MINUTES;
    }
}
