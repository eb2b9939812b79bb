package io.upright.reminders.reminder;

import io.upright.reminders.queue.ReminderKind;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * What employer systems receive: the JSON body of a reminder webhook, and the text every channel (Slack, Teams)
 * shows. It is made from the reminder's kind alone, never from what the employee's assessment found or what the
 * service suggests to them ({@link BreakSuggestion}): every employee's break reminder reads the same, with the same
 * fields, so a tenant's webhook receiver or a shared chat channel cannot tell who has a routine from their findings
 * or whose exercises are paused for clinical review. The personal part ({@link PersonalSuggestion}) is at
 * {@code suggestionUrl}, for the employee's own token only.
 *
 * @param answerUrl     where the employee's client answers ({@code POST}, employee token); null for a nudge
 * @param suggestionUrl where the employee's client reads what this break suggests to them ({@code GET}, employee
 *                      token); null for a nudge
 */
public record ReminderMessage(String type, UUID reminderId, UUID employeeId, Instant slot, String message, String answerUrl,
                              String suggestionUrl, String kind) {

    public static final String TYPE = "break.reminder";
    /** An assessment-campaign nudge: not a break, no answer buttons. */
    public static final String NUDGE_TYPE = "assessment.nudge";
    /** A sitting check-in ask: not a break, no answer buttons. */
    public static final String SITTING_CHECK_IN_TYPE = "sitting.check-in";

    /**
     * The one text of every sitting check-in ask, whoever gets it and whichever period it is: nothing in it varies with
     * anyone's answers or health.
     */
    static final String SITTING_CHECK_IN_PROMPT = "Sitting check-in: how much of your work time last week did you spend "
            + "sitting, standing and walking? It takes two minutes, and only you see your answers. Open Upright when you "
            + "have a moment; a late answer still counts. If you have answered this one already, there is nothing more to do.";

    /** The one text of every break reminder, whatever the employee's assessment found. */
    static final String BREAK_PROMPT = "You've been sitting a while. Time to stand up and move for a few minutes. "
            + "Your suggestion for this break is waiting for you in Upright.";

    /**
     * The one text of every routine reminder: everyone gets them at the times they picked, and what the routine is (or
     * that it is for home, a release, or paused) stays in the personal suggestion.
     */
    static final String ROUTINE_PROMPT = "Time for your longer movement break of the day. Your suggestion for it is "
            + "waiting for you in Upright.";

    static final String SIT_STAND_PROMPT = "Time to switch: raise your desk and stand for a while. Shift your weight now "
            + "and then, and lower it again when your legs ask you to.";

    static final String TEAM_BREAK_PROMPT = "It's your team's break: everyone up at once. Stand, stretch, walk to the "
            + "window or the kitchen together for a few minutes.";

    /** A nudge, given the due date ({@code yyyy-MM-dd}) of the campaign. */
    static String nudgePrompt(LocalDate dueDate) {
        return "Your team has been asked to check their desk set-up by " + dueDate + ". It takes about five minutes: "
                + "open Upright and start the desk check when you have a moment.";
    }

    /** The message of a reminder of any kind; {@code dueDate} only for an assessment nudge. */
    public static ReminderMessage of(UUID reminderId, UUID employeeId, Instant slot, String kind, LocalDate dueDate) {
        if (ReminderKind.ASSESSMENT_NUDGE.equals(kind)) {
            return new ReminderMessage(NUDGE_TYPE, reminderId, employeeId, slot, nudgePrompt(dueDate), null, null, kind);
        }
        if (ReminderKind.SITTING_CHECK_IN.equals(kind)) {
            return new ReminderMessage(SITTING_CHECK_IN_TYPE, reminderId, employeeId, slot, SITTING_CHECK_IN_PROMPT, null, null, kind);
        }
        String text;
        if (ReminderKind.SIT_STAND.equals(kind)) {
            text = SIT_STAND_PROMPT;
        } else if (ReminderKind.TEAM_BREAK.equals(kind)) {
            text = TEAM_BREAK_PROMPT;
        } else if (ReminderKind.ROUTINE.equals(kind)) {
            text = ROUTINE_PROMPT;
        } else {
            text = BREAK_PROMPT;
        }
        String mine = "/api/me/reminders/" + reminderId;
        return new ReminderMessage(TYPE, reminderId, employeeId, slot, text, mine + "/answer", mine,
                kind == null ? ReminderKind.BREAK : kind);
    }

    /** A break reminder. */
    public static ReminderMessage of(UUID reminderId, UUID employeeId, Instant slot) {
        return of(reminderId, employeeId, slot, ReminderKind.BREAK, null);
    }

    public boolean answerable() {
        return TYPE.equals(type);
    }
}
