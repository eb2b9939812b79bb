package io.upright.reminders.schedule;

import io.upright.platform.eventstore.Decider;
import io.upright.reminders.schedule.ScheduleEvent.ScheduleCreated;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.UUID;

/** An employee gets one break schedule, created when they enrol; hearing about the enrolment again changes nothing. */
public class ScheduleDecider implements Decider<ScheduleDecider.CreateSchedule, ScheduleDecider.Schedule, ScheduleEvent> {

    public record CreateSchedule(UUID employeeId, String timeZone, String workdayStart, String workdayEnd,
                                 Duration cadence, Instant at, UUID teamId) {
    }

    public record Schedule(UUID employeeId, BreakSchedule breaks) {
        public boolean exists() {
            return employeeId != null;
        }
    }

    @Override
    public Schedule initialState() {
        return new Schedule(null, null);
    }

    @Override
    public List<ScheduleEvent> decide(CreateSchedule command, Schedule schedule) {
        if (schedule.exists()) {
            return List.of(); // a replayed or re-sent enrolment: the schedule is already there
        }
        try {
            BreakSchedule.of(command.timeZone(), command.workdayStart(), command.workdayEnd(), command.cadence());
        } catch (DateTimeException | IllegalArgumentException e) {
            // programs validates the working day, so this is a broken record: let it go to the dead-letter topic
            throw new IllegalArgumentException("Enrolment of " + command.employeeId() + " has no usable working day: " + e.getMessage());
        }
        return List.of(new ScheduleCreated(command.employeeId(), command.timeZone(), command.workdayStart(),
                command.workdayEnd(), command.cadence().toSeconds(), command.at(), command.teamId()));
    }

    @Override
    public Schedule evolve(Schedule schedule, ScheduleEvent event) {
        if (event instanceof ScheduleCreated created) {
            return new Schedule(created.employeeId(), BreakSchedule.of(created.timeZone(), created.workdayStart(),
                    created.workdayEnd(), Duration.ofSeconds(created.cadenceSeconds())));
        }
        return schedule;
    }
}
