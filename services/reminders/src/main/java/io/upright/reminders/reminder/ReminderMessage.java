package io.upright.reminders.reminder;

import io.upright.reminders.queue.ReminderKind;
import java.time.Instant;
import java.util.Locale;
import java.util.UUID;

/**
 * The JSON body of a break reminder webhook, and the text every channel shows. {@code routineId} and
 * {@code routineTitle} are set only when the message suggests the employee's recommended routine.
 */
public record ReminderMessage(String type, UUID reminderId, UUID employeeId, Instant slot, String message,
                              String routineId, String routineTitle, String answerUrl, String kind) {

    public static final String TYPE = "break.reminder";
    /** An assessment-campaign nudge: not a break, no answer buttons. */
    public static final String NUDGE_TYPE = "assessment.nudge";

    // the queue's kinds (ReminderKind), named here too because each selects a message
    public static final String BREAK = ReminderKind.BREAK;
    public static final String SIT_STAND = ReminderKind.SIT_STAND;
    public static final String TEAM_BREAK = ReminderKind.TEAM_BREAK;
    public static final String ASSESSMENT_NUDGE = ReminderKind.ASSESSMENT_NUDGE;

    static final String SIT_STAND_PROMPT = "Time to switch: raise your desk and stand for a while. Shift your weight now "
            + "and then, and lower it again when your legs ask you to.";

    static final String TEAM_BREAK_PROMPT = "It's your team's break: everyone up at once. Stand, stretch, walk to the "
            + "window or the kitchen together for a few minutes.";

    /** A nudge, given the due date ({@code yyyy-MM-dd}) of the campaign. */
    static String nudgePrompt(java.time.LocalDate dueDate) {
        return "Your team has been asked to check their desk set-up by " + dueDate + ". It takes about five minutes: "
                + "open Upright and start the desk check when you have a moment.";
    }

    /** The message of a reminder of any kind; {@code dueDate} only for an assessment nudge. */
    public static ReminderMessage of(UUID reminderId, UUID employeeId, Instant slot, BreakSuggestion suggestion, String kind,
                                     java.time.LocalDate dueDate) {
        String answerUrl = "/api/me/reminders/" + reminderId + "/answer";
        if (ASSESSMENT_NUDGE.equals(kind)) {
            return new ReminderMessage(NUDGE_TYPE, reminderId, employeeId, slot, nudgePrompt(dueDate), null, null, null, kind);
        }
        if (SIT_STAND.equals(kind)) {
            return new ReminderMessage(TYPE, reminderId, employeeId, slot, SIT_STAND_PROMPT, null, null, answerUrl, kind);
        }
        if (TEAM_BREAK.equals(kind)) {
            return new ReminderMessage(TYPE, reminderId, employeeId, slot, TEAM_BREAK_PROMPT, null, null, answerUrl, kind);
        }
        return of(reminderId, employeeId, slot, suggestion);
    }

    /** What Done records for a reminder of this kind. */
    public static BreakSuggestion suggestionFor(String kind, BreakSuggestion suggestion) {
        if (SIT_STAND.equals(kind)) {
            return BreakSuggestion.standUp();
        }
        if (TEAM_BREAK.equals(kind)) {
            return BreakSuggestion.general();
        }
        return suggestion == null ? BreakSuggestion.general() : suggestion;
    }

    public boolean answerable() {
        return TYPE.equals(type);
    }
    static final int GENERAL_WALK_MINUTES = 3;
    static final int WITHHELD_WALK_MINUTES = 2;
    static final int DEFAULT_ROUTINE_MINUTES = 5;

    static final String PROMPT = "You've been sitting a while. Stand up, walk for three minutes and let your hips "
            + "stretch out; your back will thank you when you sit down again.";

    /**
     * While exercises are held back for clinical review the message asks only for standing up and an easy walk:
     * no routine, no stretching. It says nothing about the review itself, since a channel may be shared.
     */
    static final String MOVE_ONLY_PROMPT = "You've been sitting a while. Stand up and walk for a couple of minutes, "
            + "at an easy pace; down the corridor and back is plenty.";

    public static ReminderMessage of(UUID reminderId, UUID employeeId, Instant slot) {
        return of(reminderId, employeeId, slot, BreakSuggestion.general());
    }

    public static ReminderMessage of(UUID reminderId, UUID employeeId, Instant slot, BreakSuggestion suggestion) {
        BreakSuggestion s = suggestion == null ? BreakSuggestion.general() : suggestion;
        String answerUrl = "/api/me/reminders/" + reminderId + "/answer";
        if (s.withheldForClinicalReview()) {
            return new ReminderMessage(TYPE, reminderId, employeeId, slot, MOVE_ONLY_PROMPT, null, null, answerUrl, BREAK);
        }
        if (s.suggestsRoutine()) {
            return new ReminderMessage(TYPE, reminderId, employeeId, slot, routinePrompt(s.routineTitle().strip(), s.durationMinutes()),
                    s.routineId(), s.routineTitle().strip(), answerUrl, BREAK);
        }
        return new ReminderMessage(TYPE, reminderId, employeeId, slot, PROMPT, null, null, answerUrl, BREAK);
    }

    static String routinePrompt(String title, Integer durationMinutes) {
        String what = durationMinutes != null && durationMinutes > 0
                ? "the " + durationMinutes + "-minute " + inSentence(title)
                : "your " + inSentence(title) + " routine";
        return "You've been sitting a while. Try " + what + ": stand up, follow it at an easy pace, "
                + "and sit back down looser than you got up.";
    }

    /** "Hip-flexor reset" reads "hip-flexor reset" mid-sentence; an acronym ("ROSA check") keeps its capitals. */
    static String inSentence(String title) {
        if (title.length() > 1 && Character.isUpperCase(title.charAt(0)) && !Character.isUpperCase(title.charAt(1))) {
            return title.substring(0, 1).toLowerCase(Locale.ROOT) + title.substring(1);
        }
        return title;
    }
}
