package io.upright.reminders.reminder;

import java.time.Instant;
import java.util.UUID;

/**
 * A CDI event, fired in the answer's transaction and observed after it commits: whatever showed the reminder (a Slack
 * DM) can then show the answer, wherever it was given (Slack, a Teams link, Upright's API).
 *
 * @param answer       {@code done}, {@code skip} or {@code snooze}
 * @param snoozedUntil when a snoozed reminder comes back (null otherwise)
 */
public record ReminderAnswered(String tenant, UUID reminderId, UUID employeeId, String kind, Instant slot, String answer,
                               Instant snoozedUntil) {
}
