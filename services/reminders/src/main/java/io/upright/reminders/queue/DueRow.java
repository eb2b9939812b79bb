package io.upright.reminders.queue;

import io.upright.reminders.dose.Recommendation;

import java.time.LocalDate;
import java.util.UUID;

/**
 * A due row locked for this engine round, with what comes along: the employee's team (for team chat channels), their
 * current recommendation ({@link Recommendation#none()} without one), and what the dose rules need: how many
 * reminders of this kind came before (the micro-break rotation's turn), the routine time a routine reminder stands
 * for, the employee's floor-at-work choice and zone (for the ISO week of the release cap).
 */
public record DueRow(QueuedReminder reminder, UUID teamId, Recommendation recommendation, LocalDate dueDate, long turn,
                     String routineTime, boolean floorExercisesAtWork, String timeZone) {
}
