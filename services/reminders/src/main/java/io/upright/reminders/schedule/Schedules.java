package io.upright.reminders.schedule;

import io.upright.contracts.programs.EmployeeEnrolled;
import io.upright.contracts.programs.EmployeeLeft;
import io.upright.platform.eventstore.AggregateStore;
import io.upright.platform.eventstore.Decision;
import io.upright.reminders.RemindersConfig;
import io.upright.reminders.queue.ReminderQueue;
import io.upright.reminders.schedule.ScheduleEvent.ScheduleCreated;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import javax.sql.DataSource;
import java.time.Clock;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Application service for break schedules: event store, read model and the due-reminder queue in one transaction. */
@ApplicationScoped
public class Schedules {

    @Inject
    Clock clock;



    @Inject
    AggregateStore aggregates;

    @Inject
    ReminderChain chain;

    @Inject
    ReminderQueue queue;

    @Inject
    RoutineReminders routineReminders;

    @Inject
    RemindersConfig config;

    @Inject
    DataSource dataSource;

    /** Creates the employee's schedule unless they have an active one (again after they left), and queues their first reminder. */
    @Transactional
    public void onEnrolled(String tenant, EmployeeEnrolled enrolled) {
        Instant now = Instant.now(clock);
        Duration cadence = config.defaultCadence();
        Decision<ScheduleDecider.Schedule, ScheduleEvent> decision = aggregates.handle(tenant, ScheduleDecider.SCHEDULE, enrolled.employeeId(),
                new ScheduleDecider.CreateSchedule(enrolled.employeeId(), enrolled.timeZone(), enrolled.workdayStart(), enrolled.workdayEnd(), cadence, now, enrolled.teamId(), enrolled.standingDesk()));
        if (decision.newEvents().isEmpty()) {
            return;
        }
        ScheduleCreated created = (ScheduleCreated) decision.newEvents().get(0);
        ScheduleRecord schedule = ScheduleRecord.find("tenantId = ?1 and id = ?2", tenant, created.employeeId()).firstResult();
        boolean isNew = schedule == null;
        if (isNew) {
            schedule = new ScheduleRecord();
            schedule.tenantId = tenant;
            schedule.id = created.employeeId(); // the schedule is keyed by its employee
        }
        schedule.timeZone = created.timeZone();
        schedule.workdayStart = created.workdayStart();
        schedule.workdayEnd = created.workdayEnd();
        schedule.cadenceSeconds = created.cadenceSeconds();
        schedule.createdAt = created.createdAt();
        schedule.teamId = created.teamId();
        schedule.standingDesk = Boolean.TRUE.equals(created.standingDesk());
        schedule.status = "active";
        schedule.version = decision.version();
        if (isNew) {
            schedule.persist();
        }
        ScheduleRecord.getEntityManager().flush(); // the queue reads the schedule (and its team's program) over JDBC
        Instant enrolledAt = enrolled.enrolledAt() == null ? now : enrolled.enrolledAt();
        chain.queueNext(tenant, created.employeeId(), enrolledAt.isAfter(now) ? now : enrolledAt, now);
        routineReminders.plan(tenant, created.employeeId(), now);
    }

    /** The employee left: their schedule ends and nothing queued for them is sent. */
    @Transactional
    public void onLeft(String tenant, EmployeeLeft left) {
        Instant at = left.leftAt() == null ? Instant.now(clock) : left.leftAt();
        Decision<ScheduleDecider.Schedule, ScheduleEvent> decision = aggregates.handle(tenant, ScheduleDecider.SCHEDULE, left.employeeId(),
                new ScheduleDecider.EndSchedule(left.employeeId(), "left", at));
        ScheduleRecord schedule = ScheduleRecord.find("tenantId = ?1 and id = ?2", tenant, left.employeeId()).firstResult();
        if (schedule != null && !decision.newEvents().isEmpty()) {
            schedule.status = "left";
            schedule.version = decision.version();
        }
        queue.cancelPending(tenant, List.of(left.employeeId()));
    }

    /** Active employees of these teams (in this tenant). */
    public List<UUID> activeMembers(String tenant, List<UUID> teamIds) {
        if (teamIds == null || teamIds.isEmpty()) {
            return List.of();
        }
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("select employee_id from schedule where tenant_id = ? and team_id = any (?) "
                     + "and status = 'active'")) {
            ps.setString(1, tenant);
            ps.setArray(2, c.createArrayOf("uuid", teamIds.toArray()));
            List<UUID> members = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    members.add(rs.getObject(1, UUID.class));
                }
            }
            return members;
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read team members", e);
        }
    }
}
