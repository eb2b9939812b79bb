package io.upright.reminders.schedule;

import io.upright.platform.eventstore.EventName;

import java.time.Instant;
import java.util.UUID;

/** What happened to an employee's break schedule (one stream per employee). */
public sealed interface ScheduleEvent {

    /**
     * Working day as local {@code HH:mm} times in an IANA zone; one reminder every {@code cadenceSeconds} inside it.
     * {@code teamId} (the team at enrolment, routes reminders to a team's Slack channel) is null in events
     * stored before it was recorded; so is {@code standingDesk} (read as false). {@code cadenceSeconds} is the
     * service default at enrolment: under a program the cadence is computed per slot (see {@link Cadence}).
     */
    @EventName("ScheduleCreated")
    record ScheduleCreated(UUID employeeId, String timeZone, String workdayStart, String workdayEnd,
                           long cadenceSeconds, Instant createdAt, UUID teamId, Boolean standingDesk) implements ScheduleEvent {
    }

    /** The employee left the program: no more reminders. A later enrolment creates the schedule again. */
    @EventName("ScheduleEnded")
    record ScheduleEnded(UUID employeeId, String reason, Instant endedAt) implements ScheduleEvent {
    }

    /** The employee changed their own settings (zone, hours, lunch, quiet windows, preferred cadence). */
    @EventName("SettingsChanged")
    record SettingsChanged(UUID employeeId, ReminderSettings settings, Instant changedAt) implements ScheduleEvent {
    }

    /** No reminders until {@code until}. */
    @EventName("RemindersPaused")
    record RemindersPaused(UUID employeeId, Instant until, Instant pausedAt) implements ScheduleEvent {
    }

    @EventName("RemindersResumed")
    record RemindersResumed(UUID employeeId, Instant resumedAt) implements ScheduleEvent {
    }
}
