package io.upright.reminders.schedule;

import io.upright.platform.domain.Rejection;
import io.upright.platform.eventstore.Aggregate;
import io.upright.platform.eventstore.Decider;
import io.upright.reminders.schedule.ScheduleEvent.ScheduleCreated;
import io.upright.reminders.schedule.ScheduleEvent.ScheduleEnded;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * An employee gets one break schedule, created when they enrol; hearing about the enrolment again changes nothing.
 * Leaving ends it (hearing that again changes nothing); enrolling after leaving creates it anew.
 */
public class ScheduleDecider implements Decider<ScheduleDecider.Command, ScheduleDecider.Schedule, ScheduleEvent> {

    /** An employee's schedule: one stream per employee, keyed by their id. */
    public static final Aggregate<Command, Schedule, ScheduleEvent> SCHEDULE =
            Aggregate.of("schedule", ScheduleEvent.class, new ScheduleDecider());

    public sealed interface Command {
    }

    public record CreateSchedule(UUID employeeId, String timeZone, String workdayStart, String workdayEnd,
                                 Duration cadence, Instant at, UUID teamId, boolean standingDesk) implements Command {
    }

    public record EndSchedule(UUID employeeId, String reason, Instant at) implements Command {
    }

    /** New personal settings; the preferred cadence must lie within {@code [minMinutes, maxMinutes]}. */
    public record ChangeSettings(UUID employeeId, ReminderSettings settings, int minMinutes, int maxMinutes, String boundsSource,
                                 Instant at) implements Command {
    }

    public record Pause(UUID employeeId, Instant until, Instant at) implements Command {
    }

    public record Resume(UUID employeeId, Instant at) implements Command {
    }

    public record Schedule(UUID employeeId, BreakSchedule breaks, boolean active) {
        public boolean exists() {
            return employeeId != null;
        }
    }

    @Override
    public Schedule initialState() {
        return new Schedule(null, null, false);
    }

    @Override
    public List<ScheduleEvent> decide(Command command, Schedule schedule) {
        if (command instanceof EndSchedule end) {
            if (!schedule.active()) {
                return List.of(); // never enrolled here, or already left
            }
            return List.of(new ScheduleEnded(end.employeeId(), end.reason(), end.at()));
        }
        if (command instanceof ChangeSettings change) {
            requireActive(schedule);
            List<io.upright.platform.domain.FieldError> problems = change.settings().problems(change.minMinutes(),
                    change.maxMinutes(), change.boundsSource());
            if (!problems.isEmpty()) {
                throw Rejection.invalid(problems);
            }
            return List.of(new ScheduleEvent.SettingsChanged(change.employeeId(), change.settings(), change.at()));
        }
        if (command instanceof Pause pause) {
            requireActive(schedule);
            if (!pause.until().isAfter(pause.at())) {
                throw Rejection.invalid("minutes", "must pause into the future");
            }
            return List.of(new ScheduleEvent.RemindersPaused(pause.employeeId(), pause.until(), pause.at()));
        }
        if (command instanceof Resume resume) {
            requireActive(schedule);
            return List.of(new ScheduleEvent.RemindersResumed(resume.employeeId(), resume.at()));
        }
        CreateSchedule create = (CreateSchedule) command;
        if (schedule.active()) {
            return List.of(); // a replayed or re-sent enrolment: the schedule is already there
        }
        try {
            BreakSchedule.of(create.timeZone(), create.workdayStart(), create.workdayEnd(), create.cadence());
        } catch (DateTimeException | IllegalArgumentException e) {
            // programs validates the working day, so this is a broken record: let it go to the dead-letter topic
            throw new IllegalArgumentException("Enrolment of " + create.employeeId() + " has no usable working day: " + e.getMessage());
        }
        return List.of(new ScheduleCreated(create.employeeId(), create.timeZone(), create.workdayStart(),
                create.workdayEnd(), create.cadence().toSeconds(), create.at(), create.teamId(), create.standingDesk()));
    }

    private static void requireActive(Schedule schedule) {
        if (!schedule.active()) {
            throw Rejection.notFound("A reminder schedule for you");
        }
    }

    @Override
    public Schedule evolve(Schedule schedule, ScheduleEvent event) {
        if (event instanceof ScheduleCreated created) {
            return new Schedule(created.employeeId(), BreakSchedule.of(created.timeZone(), created.workdayStart(),
                    created.workdayEnd(), Duration.ofSeconds(created.cadenceSeconds())), true);
        }
        if (event instanceof ScheduleEnded) {
            return new Schedule(schedule.employeeId(), schedule.breaks(), false);
        }
        return schedule;
    }
}
