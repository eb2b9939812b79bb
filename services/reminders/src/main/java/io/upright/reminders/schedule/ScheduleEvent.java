package io.upright.reminders.schedule;

import java.time.Instant;
import java.util.UUID;

/** What happened to an employee's break schedule (one stream per employee). */
public sealed interface ScheduleEvent {

    /**
     * Working day as local {@code HH:mm} times in an IANA zone; one reminder every {@code cadenceSeconds} inside it.
     * {@code teamId} (the team at enrolment, routes reminders to a team's Slack channel) is null in events
     * stored before it was recorded.
     */
    record ScheduleCreated(UUID employeeId, String timeZone, String workdayStart, String workdayEnd,
                           long cadenceSeconds, Instant createdAt, UUID teamId) implements ScheduleEvent {
    }
}
