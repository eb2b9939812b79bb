package io.upright.reminders.queue;

import java.time.LocalDate;
import java.util.UUID;

/**
 * A due row locked for this engine round, with what comes along: the employee's team (for team chat channels) and
 * their current recommendation (routine columns, all null without one).
 */
public record DueRow(QueuedReminder reminder, UUID teamId, String routineId, String routineTitle, Integer durationMinutes,
                     Boolean withheld, LocalDate dueDate) {
}
