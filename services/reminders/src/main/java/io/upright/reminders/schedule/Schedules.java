package io.upright.reminders.schedule;

import io.upright.contracts.programs.EmployeeEnrolled;
import io.upright.contracts.programs.EmployeeErased;
import io.upright.contracts.programs.EmployeeLeft;
import io.upright.platform.eventstore.AggregateStore;
import io.upright.platform.eventstore.Decision;
import io.upright.platform.eventstore.EventStore;
import io.upright.reminders.RemindersConfig;
import io.upright.reminders.reminder.DueReminders;
import io.upright.reminders.schedule.ScheduleEvent.ScheduleCreated;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.UUID;

/** Application service for break schedules: event store, read model and the due-reminder queue in one transaction. */
@ApplicationScoped
public class Schedules {

    private static final Logger LOG = Logger.getLogger(Schedules.class);

    static final String STREAM_TYPE = "schedule";
    static final String REMINDER_STREAM_TYPE = "reminder";

    private final ScheduleDecider decider = new ScheduleDecider();

    @Inject
    AggregateStore aggregates;

    @Inject
    EventStore eventStore;

    @Inject
    DueReminders dueReminders;

    @Inject
    RemindersConfig config;

    @Inject
    DataSource dataSource;

    /** Creates the employee's schedule unless they have an active one (again after they left), and queues their first reminder. */
    @Transactional
    public void onEnrolled(String tenant, EmployeeEnrolled enrolled) {
        Instant now = Instant.now();
        Duration cadence = config.defaultCadence();
        Decision<ScheduleDecider.Schedule, ScheduleEvent> decision = aggregates.handle(tenant, STREAM_TYPE,
                enrolled.employeeId(), ScheduleEvent.class, decider,
                new ScheduleDecider.CreateSchedule(enrolled.employeeId(), enrolled.timeZone(), enrolled.workdayStart(),
                        enrolled.workdayEnd(), cadence, now, enrolled.teamId(), enrolled.standingDesk()), OptionalLong.empty());
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
        dueReminders.queueNext(tenant, created.employeeId(), enrolledAt.isAfter(now) ? now : enrolledAt, now);
    }

    /** The employee left: their schedule ends and nothing queued for them is sent. */
    @Transactional
    public void onLeft(String tenant, EmployeeLeft left) {
        Instant at = left.leftAt() == null ? Instant.now() : left.leftAt();
        Decision<ScheduleDecider.Schedule, ScheduleEvent> decision = aggregates.handle(tenant, STREAM_TYPE, left.employeeId(),
                ScheduleEvent.class, decider, new ScheduleDecider.EndSchedule(left.employeeId(), "left", at), OptionalLong.empty());
        ScheduleRecord schedule = ScheduleRecord.find("tenantId = ?1 and id = ?2", tenant, left.employeeId()).firstResult();
        if (schedule != null && !decision.newEvents().isEmpty()) {
            schedule.status = "left";
            schedule.version = decision.version();
        }
        dueReminders.cancelPending(tenant, List.of(left.employeeId()));
    }

    /**
     * Erasure (GDPR Art. 17): everything this service holds about the employee goes. The schedule stream and the
     * streams of their reminders (answers, activities) are deleted from the event store; the read models (schedule,
     * reminder queue and history, suggestion, risk reading, personal settings and pause, stored idempotent answers)
     * are deleted. Channels are a tenant's or a team's, never an employee's, so none is touched. Integration events
     * already published (pseudonymous ids only) stay with their consumers, who handle EmployeeErased themselves.
     */
    @Transactional
    public void onErased(String tenant, EmployeeErased erased) {
        UUID employee = erased.employeeId();
        List<UUID> reminders = new ArrayList<>();
        try (Connection c = dataSource.getConnection()) {
            try (PreparedStatement ps = c.prepareStatement("select id from due_reminder where tenant_id = ? and employee_id = ?")) {
                ps.setString(1, tenant);
                ps.setObject(2, employee);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        reminders.add(rs.getObject(1, UUID.class));
                    }
                }
            }
            for (String table : ErasedTables.BY_EMPLOYEE) {
                try (PreparedStatement ps = c.prepareStatement("delete from " + table + " where tenant_id = ? and employee_id = ?")) {
                    ps.setString(1, tenant);
                    ps.setObject(2, employee);
                    ps.executeUpdate();
                }
            }
            // answers given with an Idempotency-Key keep the response body under the employee's subject
            try (PreparedStatement ps = c.prepareStatement("delete from idempotency_key where tenant_id = ? and principal = ?")) {
                ps.setString(1, tenant);
                ps.setString(2, employee.toString());
                ps.executeUpdate();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot erase the employee's reminders data", e);
        }
        int events = eventStore.erase(tenant, STREAM_TYPE, List.of(employee));
        events += eventStore.erase(tenant, REMINDER_STREAM_TYPE, reminders);
        LOG.infof("Erased employee %s of tenant %s: %d reminders, %d stored events", employee, tenant, reminders.size(), events);
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
