package io.upright.reminders.reminder;

/**
 * What about the employee right now changes what their own reminders show them, whatever was kept when a reminder
 * was sent: a clinical-review hold, and a re-screen that a clinician's clearance asked for and that is due.
 */
public record EmployeeNow(boolean exercisesWithheld, boolean rescreenDue) {
}
