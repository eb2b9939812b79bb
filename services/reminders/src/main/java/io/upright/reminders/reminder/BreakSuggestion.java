package io.upright.reminders.reminder;

/**
 * What a break reminder suggests, from the employee's latest recommendation: their routine, only standing up
 * and walking (exercises are withheld while a clinician reviews their assessment), or, with no
 * recommendation yet, the general prompt.
 */
public record BreakSuggestion(String routineId, String routineTitle, Integer durationMinutes, boolean withheldForClinicalReview,
                              boolean sitStand) {

    /** How long a Done on a sit/stand prompt counts: standing is the activity, ten minutes a modest first stretch of it. */
    static final int SIT_STAND_MINUTES = 10;

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

    public static BreakSuggestion general() {
        return GENERAL;
    }

    public static BreakSuggestion withheld() {
        return new BreakSuggestion(null, null, null, true);
    }

    public static BreakSuggestion routine(String routineId, String routineTitle, Integer durationMinutes) {
        return new BreakSuggestion(routineId, routineTitle, durationMinutes, false);
    }

    /** A routine is suggested only when there is one and nothing holds exercises back. */
    public boolean suggestsRoutine() {
        return !sitStand && !withheldForClinicalReview && routineId != null && routineTitle != null && !routineTitle.isBlank();
    }

    /**
     * What a one-click "Done" records: the activity the message asked for and its length. A routine counts
     * with its own duration (kept within what an answer may say); otherwise the walk the message proposes.
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
            int minutes = durationMinutes == null ? ReminderMessage.DEFAULT_ROUTINE_MINUTES : durationMinutes;
            return Math.max(ReminderDecider.MIN_ACTIVE_MINUTES, Math.min(ReminderDecider.MAX_ACTIVE_MINUTES, minutes));
        }
        return withheldForClinicalReview ? ReminderMessage.WITHHELD_WALK_MINUTES : ReminderMessage.GENERAL_WALK_MINUTES;
    }
}
