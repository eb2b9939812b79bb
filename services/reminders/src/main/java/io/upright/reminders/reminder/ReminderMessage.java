package io.upright.reminders.reminder;

import java.time.Instant;
import java.util.Locale;
import java.util.UUID;

/**
 * The JSON body of a break reminder webhook, and the text every channel shows. {@code routineId} and
 * {@code routineTitle} are set only when the message suggests the employee's recommended routine.
 */
public record ReminderMessage(String type, UUID reminderId, UUID employeeId, Instant slot, String message,
                              String routineId, String routineTitle, String answerUrl) {

    public static final String TYPE = "break.reminder";
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
            return new ReminderMessage(TYPE, reminderId, employeeId, slot, MOVE_ONLY_PROMPT, null, null, answerUrl);
        }
        if (s.suggestsRoutine()) {
            return new ReminderMessage(TYPE, reminderId, employeeId, slot, routinePrompt(s.routineTitle().strip(), s.durationMinutes()),
                    s.routineId(), s.routineTitle().strip(), answerUrl);
        }
        return new ReminderMessage(TYPE, reminderId, employeeId, slot, PROMPT, null, null, answerUrl);
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
