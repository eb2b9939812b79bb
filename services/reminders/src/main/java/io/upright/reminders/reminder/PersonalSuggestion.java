package io.upright.reminders.reminder;

import io.upright.reminders.queue.ReminderKind;

import java.util.Locale;

/**
 * The personal part of a reminder: what this break suggests to this employee and why, in words meant for them
 * alone. It can name a routine picked from their assessment's findings, or say that exercises are paused until a
 * clinician has seen them, so it is served only behind the employee's own token ({@code GET /api/me/reminders/{id}})
 * and never goes to a webhook, Slack or Teams.
 *
 * @param type            {@code micro-break} (a break), {@code routine} (a routine reminder), {@code routine-at-home}
 *                        (a floor or equipment routine named for outside working hours), {@code walk},
 *                        {@code exercises-paused}, {@code stand} (sit/stand prompt) or {@code team-break}
 * @param exerciseId      the micro-break to do now, with {@code exerciseTitle}; null without one
 * @param activity        what one-click Done records ({@code routine}, {@code walk}, {@code stretch}, {@code stand})
 * @param activeMinutes   and for how long
 * @param rescreen        the ask to take the safety check again, when a clinician's clearance set a date that has come;
 *                        null otherwise
 */
public record PersonalSuggestion(String type, String message, String routineId, String routineTitle, Integer durationMinutes,
                                 String exerciseId, String exerciseTitle, String activity, int activeMinutes, String rescreen) {

    public PersonalSuggestion(String type, String message, String routineId, String routineTitle, Integer durationMinutes,
                              String exerciseId, String exerciseTitle, String activity, int activeMinutes) {
        this(type, message, routineId, routineTitle, durationMinutes, exerciseId, exerciseTitle, activity, activeMinutes, null);
    }

    /**
     * After a clinician's clearance the employee is asked to answer the safety questions again after some weeks:
     * symptoms change, and a clearance is for what the clinician saw then. Shown only here, to the employee.
     */
    static final String RESCREEN_PROMPT = "It is time to take your back-safety check again: a clinician cleared you some "
            + "weeks ago, and a fresh check keeps your exercises right for how you are now. It takes two minutes.";

    /** The same suggestion with the re-screen ask. */
    public PersonalSuggestion withRescreenPrompt() {
        return new PersonalSuggestion(type, message, routineId, routineTitle, durationMinutes, exerciseId, exerciseTitle,
                activity, activeMinutes, RESCREEN_PROMPT);
    }

    public static final String MICRO_BREAK = "micro-break";
    public static final String ROUTINE = "routine";
    public static final String ROUTINE_AT_HOME = "routine-at-home";
    public static final String WALK = "walk";
    public static final String EXERCISES_PAUSED = "exercises-paused";
    public static final String STAND = "stand";
    public static final String TEAM_BREAK = "team-break";

    static final String WALK_PROMPT = "Stand up, walk for three minutes and let your hips stretch out; your back will "
            + "thank you when you sit down again.";

    /** For the employee only: the reason (a clinical review) and what is safe meanwhile. */
    static final String EXERCISES_PAUSED_PROMPT = "Your exercises are paused until a clinician has seen your assessment. "
            + "Until then, just stand up and walk for a couple of minutes at an easy pace; down the corridor and back is "
            + "plenty. If anything hurts or tingles, stop and mention it to the clinician.";

    /** What a reminder of {@code kind} suggests to its employee; null for a nudge (nothing to do but the desk check). */
    public static PersonalSuggestion of(String kind, BreakSuggestion suggestion) {
        if (ReminderKind.nudge(kind)) {
            return null;
        }
        BreakSuggestion s = BreakSuggestion.forKind(kind, suggestion);
        if (ReminderKind.SIT_STAND.equals(kind)) {
            return plain(STAND, ReminderMessage.SIT_STAND_PROMPT, s);
        }
        if (ReminderKind.TEAM_BREAK.equals(kind)) {
            return plain(TEAM_BREAK, ReminderMessage.TEAM_BREAK_PROMPT, s);
        }
        if (s.withheldForClinicalReview()) {
            return plain(EXERCISES_PAUSED, EXERCISES_PAUSED_PROMPT, s);
        }
        if (s.suggestsRoutine()) {
            String title = s.routineTitle().strip();
            String prompt = routinePrompt(title, s.durationMinutes()) + (s.softTissueRelease() ? RELEASE_NOTE : "");
            return new PersonalSuggestion(ROUTINE, prompt, s.routineId(), title, s.durationMinutes(), null, null,
                    s.doneActivity(), s.doneMinutes());
        }
        if (s.suggestsRoutineAtHome()) {
            String title = s.routineTitle().strip();
            return new PersonalSuggestion(ROUTINE_AT_HOME, atHomePrompt(title, s.durationMinutes(), s.microBreak().title()),
                    s.routineId(), title, s.durationMinutes(), s.microBreak().exerciseId(), s.microBreak().title(),
                    s.doneActivity(), s.doneMinutes());
        }
        if (s.suggestsMicroBreak()) {
            return new PersonalSuggestion(MICRO_BREAK, microBreakPrompt(s.microBreak().title().strip()), null, null,
                    s.microBreak().minutes(), s.microBreak().exerciseId(), s.microBreak().title().strip(), s.doneActivity(),
                    s.doneMinutes());
        }
        return plain(WALK, WALK_PROMPT, s);
    }

    private static PersonalSuggestion plain(String type, String message, BreakSuggestion s) {
        return new PersonalSuggestion(type, message, null, null, null, null, null, s.doneActivity(), s.doneMinutes());
    }

    /** Release routines are capped per week; saying so keeps the employee from doing them daily on their own. */
    static final String RELEASE_NOTE = " A release like this is for two or three days a week, not every day.";

    /** A micro-break: short, by the desk, often. */
    static String microBreakPrompt(String title) {
        return title + ": a minute or two by your desk, then back to it. Little and often is what loosens sitting hips.";
    }

    /** A floor or equipment routine during working hours: named for home; something small for now. */
    static String atHomePrompt(String title, Integer durationMinutes, String now) {
        String what = durationMinutes != null && durationMinutes > 0
                ? "The " + durationMinutes + "-minute " + inSentence(title)
                : "Your " + inSentence(title) + " routine";
        return what + " needs the floor or some equipment, so it is one for home: this evening, or tomorrow morning "
                + "before work. Right now: " + inSentence(now) + ", a minute is enough.";
    }

    static String routinePrompt(String title, Integer durationMinutes) {
        String what = durationMinutes != null && durationMinutes > 0
                ? "the " + durationMinutes + "-minute " + inSentence(title)
                : "your " + inSentence(title) + " routine";
        return "Try " + what + ": stand up, follow it at an easy pace, and sit back down looser than you got up.";
    }

    /** "Hip-flexor reset" reads "hip-flexor reset" mid-sentence; an acronym ("ROSA check") keeps its capitals. */
    static String inSentence(String title) {
        if (title.length() > 1 && Character.isUpperCase(title.charAt(0)) && !Character.isUpperCase(title.charAt(1))) {
            return title.substring(0, 1).toLowerCase(Locale.ROOT) + title.substring(1);
        }
        return title;
    }
}
