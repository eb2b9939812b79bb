package io.upright.reminders.schedule;

import io.upright.contracts.programs.EmployeeEnrolled;
import io.upright.platform.eventstore.AggregateStore;
import io.upright.platform.eventstore.Decision;
import io.upright.reminders.RemindersConfig;
import io.upright.reminders.reminder.DueReminders;
import io.upright.reminders.schedule.ScheduleEvent.ScheduleCreated;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.Duration;
import java.time.Instant;
import java.util.OptionalLong;

/** Application service for break schedules: event store, read model and the first due reminder in one transaction. */
@ApplicationScoped
public class Schedules {

    static final String STREAM_TYPE = "schedule";

    private final ScheduleDecider decider = new ScheduleDecider();

    @Inject
    AggregateStore aggregates;

    @Inject
    DueReminders dueReminders;

    @Inject
    RemindersConfig config;

    /** Creates the employee's schedule unless they have one, and queues their first reminder. */
    @Transactional
    public void onEnrolled(String tenant, EmployeeEnrolled enrolled) {
        Instant now = Instant.now();
        Duration cadence = config.defaultCadence();
        Decision<ScheduleDecider.Schedule, ScheduleEvent> decision = aggregates.handle(tenant, STREAM_TYPE,
                enrolled.employeeId(), ScheduleEvent.class, decider,
                new ScheduleDecider.CreateSchedule(enrolled.employeeId(), enrolled.timeZone(), enrolled.workdayStart(),
                        enrolled.workdayEnd(), cadence, now, enrolled.teamId()), OptionalLong.empty());
        if (decision.newEvents().isEmpty()) {
            return;
        }
        ScheduleCreated created = (ScheduleCreated) decision.newEvents().get(0);
        ScheduleRecord schedule = new ScheduleRecord();
        schedule.tenantId = tenant;
        schedule.id = created.employeeId(); // the schedule is keyed by its employee
        schedule.timeZone = created.timeZone();
        schedule.workdayStart = created.workdayStart();
        schedule.workdayEnd = created.workdayEnd();
        schedule.cadenceSeconds = created.cadenceSeconds();
        schedule.createdAt = created.createdAt();
        schedule.teamId = created.teamId();
        schedule.version = decision.version();
        schedule.persist();
        Instant enrolledAt = enrolled.enrolledAt() == null ? now : enrolled.enrolledAt();
        dueReminders.queueNext(tenant, created.employeeId(), decision.state().breaks(), enrolledAt, now);
    }
}
