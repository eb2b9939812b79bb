package io.upright.reminders.reminder;

import java.time.Instant;
import java.util.UUID;

/** The JSON body of a break reminder webhook. */
public record ReminderMessage(String type, UUID reminderId, UUID employeeId, Instant slot, String message, String answerUrl) {

    public static final String TYPE = "break.reminder";

    static final String PROMPT = "You've been sitting a while. Stand up, walk for three minutes and let your hips "
            + "stretch out; your back will thank you when you sit down again.";

    public static ReminderMessage of(UUID reminderId, UUID employeeId, Instant slot) {
        return new ReminderMessage(TYPE, reminderId, employeeId, slot, PROMPT, "/api/me/reminders/" + reminderId + "/answer");
    }
}
