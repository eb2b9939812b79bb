package io.upright.reminders.reminder;

import io.upright.contracts.exercises.MicroBreak;
import io.upright.reminders.dose.MicroBreaks;
import io.upright.reminders.dose.Recommendation;
import io.upright.reminders.dose.ReleaseCap;
import io.upright.reminders.dose.RoutineTime;
import io.upright.reminders.queue.ReminderKind;

/**
 * What a reminder suggests to one employee (dose by design): a break a desk-friendly micro-break, taken in turn from
 * their recommendation's (or built-in ones); a routine reminder their full routine, unless it needs the floor or
 * equipment during working hours (then for home, or a micro-break) or it is a soft-tissue release already suggested
 * {@link ReleaseCap#PER_ISO_WEEK} times this week; only standing up and walking while exercises are withheld for
 * clinical review. This is health information: it is kept on the reminder and shown only to the employee
 * ({@link PersonalSuggestion}); the message employer systems receive ({@link ReminderMessage}) is made without it.
 *
 * @param microBreak        the micro-break to do now (for a routine at home: the desk part of it)
 * @param atHome            the routine is named for home, outside working hours, not to do now
 * @param softTissueRelease the named routine is a soft-tissue release (counted against the weekly cap)
 */
public record BreakSuggestion(String routineId, String routineTitle, Integer durationMinutes, boolean withheldForClinicalReview,
                              boolean sitStand, MicroBreak microBreak, boolean atHome, boolean softTissueRelease) {

    /** How long a Done on a sit/stand prompt counts: standing is the activity, ten minutes a modest first stretch of it. */
    static final int SIT_STAND_MINUTES = 10;
    static final int GENERAL_WALK_MINUTES = 3;
    static final int WITHHELD_WALK_MINUTES = 2;
    static final int DEFAULT_ROUTINE_MINUTES = 5;

    private static final BreakSuggestion GENERAL = new BreakSuggestion(null, null, null, false, false);

    public BreakSuggestion(String routineId, String routineTitle, Integer durationMinutes, boolean withheldForClinicalReview,
                           boolean sitStand) {
        this(routineId, routineTitle, durationMinutes, withheldForClinicalReview, sitStand, null, false, false);
    }

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

    /** What a break suggests: never the full routine, a micro-break in turn; only walking while exercises are withheld. */
    public static BreakSuggestion forBreak(Recommendation recommendation, long turn) {
        if (recommendation.withheldForClinicalReview()) {
            return withheld();
        }
        return microBreak(MicroBreaks.pick(recommendation.microBreaks(), turn));
    }

    /**
     * What a routine reminder at {@code time} suggests (the dose rules, pure). A routine reminder always falls in
     * working hours, so a floor or equipment routine is named for home at the day's edges and swapped for a
     * micro-break at lunchtime, unless the employee opted in to floor exercises at work.
     *
     * @param releasesThisWeek how many release routines were suggested to the employee this ISO week already
     */
    public static BreakSuggestion forRoutine(Recommendation recommendation, RoutineTime time, boolean floorExercisesAtWork,
                                             int releasesThisWeek, long turn) {
        if (recommendation.withheldForClinicalReview()) {
            return withheld();
        }
        MicroBreak instead = MicroBreaks.pick(recommendation.microBreaks(), turn);
        if (!recommendation.hasRoutine()) {
            return microBreak(instead);
        }
        boolean release = recommendation.softTissueRelease();
        if (release && !ReleaseCap.allowsAnother(releasesThisWeek)) {
            return microBreak(instead);
        }
        String id = recommendation.routineId();
        String title = recommendation.routineTitle().strip();
        Integer minutes = recommendation.durationMinutes();
        if (recommendation.floorOrEquipment() && !floorExercisesAtWork) {
            return time.bordersTimeOffWork()
                    ? new BreakSuggestion(id, title, minutes, false, false, MicroBreaks.STRETCH_TALL, true, release)
                    : microBreak(instead);
        }
        return new BreakSuggestion(id, title, minutes, false, false, null, false, release);
    }

    /** What a reminder of this kind suggests, given the employee's recommendation. */
    public static BreakSuggestion forKind(String kind, BreakSuggestion recommendation) {
        if (ReminderKind.SIT_STAND.equals(kind)) {
            return standUp();
        }
        if (ReminderKind.TEAM_BREAK.equals(kind) || ReminderKind.nudge(kind)) {
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

    /**
     * What a reminder row kept when it was claimed, with the dose columns: {@code type} is the personal suggestion's
     * type (null on rows claimed before dose by design: read as they always were).
     */
    public static BreakSuggestion kept(String kind, String type, String routineId, String routineTitle, Integer minutes,
                                       Boolean withheld, String exerciseId, String exerciseTitle, Integer exerciseMinutes,
                                       boolean release) {
        if (type == null) {
            return kept(kind, routineId, routineTitle, minutes, withheld);
        }
        MicroBreak micro = exerciseId == null ? null
                : new MicroBreak(exerciseId, exerciseTitle, exerciseMinutes == null ? 1 : exerciseMinutes);
        BreakSuggestion suggestion;
        if (Boolean.TRUE.equals(withheld)) {
            suggestion = withheld();
        } else if (PersonalSuggestion.ROUTINE.equals(type) && routineId != null) {
            suggestion = new BreakSuggestion(routineId, routineTitle, minutes, false, false, null, false, release);
        } else if (PersonalSuggestion.ROUTINE_AT_HOME.equals(type) && routineId != null) {
            suggestion = new BreakSuggestion(routineId, routineTitle, minutes, false, false, micro, true, release);
        } else if (micro != null) {
            suggestion = microBreak(micro);
        } else {
            suggestion = general();
        }
        return forKind(kind, suggestion);
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

    public static BreakSuggestion microBreak(MicroBreak microBreak) {
        return new BreakSuggestion(null, null, null, false, false, microBreak, false, false);
    }

    /**
     * A clinical-review hold that began after the reminder was sent wins over the routine or micro-break it suggested:
     * the employee is never shown, nor credited with, an exercise while exercises are withheld.
     */
    public BreakSuggestion heldNow(boolean withheldNow) {
        return withheldNow && (suggestsRoutine() || suggestsRoutineAtHome() || suggestsMicroBreak()) ? withheld() : this;
    }

    private boolean namesRoutine() {
        return !sitStand && !withheldForClinicalReview && routineId != null && routineTitle != null && !routineTitle.isBlank();
    }

    /** The full routine, to do now: only when there is one and nothing holds exercises back. */
    public boolean suggestsRoutine() {
        return namesRoutine() && !atHome;
    }

    /** The full routine named for home (it needs the floor or equipment), with a desk micro-break for now. */
    public boolean suggestsRoutineAtHome() {
        return namesRoutine() && atHome;
    }

    public boolean suggestsMicroBreak() {
        return !sitStand && !withheldForClinicalReview && microBreak != null;
    }

    /**
     * What a one-click "Done" records: the activity suggested for now and its length. A routine counts with its own
     * duration (kept within what an answer may say); a micro-break with its own; otherwise the walk suggested.
     */
    public String doneActivity() {
        if (sitStand) {
            return "stand";
        }
        if (suggestsRoutine()) {
            return "routine";
        }
        return suggestsMicroBreak() ? MicroBreaks.activity(microBreak) : "walk";
    }

    public int doneMinutes() {
        if (sitStand) {
            return SIT_STAND_MINUTES;
        }
        if (suggestsRoutine()) {
            int minutes = durationMinutes == null ? DEFAULT_ROUTINE_MINUTES : durationMinutes;
            return Math.max(ReminderDecider.MIN_ACTIVE_MINUTES, Math.min(ReminderDecider.MAX_ACTIVE_MINUTES, minutes));
        }
        if (suggestsMicroBreak()) {
            return Math.max(ReminderDecider.MIN_ACTIVE_MINUTES, Math.min(MicroBreaks.MAX_MINUTES, microBreak.minutes()));
        }
        return withheldForClinicalReview ? WITHHELD_WALK_MINUTES : GENERAL_WALK_MINUTES;
    }

    /** The personal suggestion's type for a reminder of an ordinary kind (break or routine), kept on the row. */
    public String type() {
        if (sitStand) {
            return PersonalSuggestion.STAND;
        }
        if (withheldForClinicalReview) {
            return PersonalSuggestion.EXERCISES_PAUSED;
        }
        if (suggestsRoutine()) {
            return PersonalSuggestion.ROUTINE;
        }
        if (suggestsRoutineAtHome()) {
            return PersonalSuggestion.ROUTINE_AT_HOME;
        }
        return suggestsMicroBreak() ? PersonalSuggestion.MICRO_BREAK : PersonalSuggestion.WALK;
    }
}
