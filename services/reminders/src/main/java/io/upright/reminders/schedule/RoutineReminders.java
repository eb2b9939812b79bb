package io.upright.reminders.schedule;

import io.quarkus.scheduler.Scheduled;
import io.upright.reminders.RemindersConfig;
import io.upright.reminders.dose.RoutineTime;
import io.upright.reminders.queue.ReminderKind;
import io.upright.reminders.queue.ReminderQueue;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Routine reminders: the full routine once or twice a day, at the employee's routine times inside their working
 * window (breaks in between only suggest micro-breaks). Queued up to a day ahead, once per employee and instant (the
 * dedupe key), when they enrol, change their settings or resume, and by a periodic planner, which several instances
 * may run at once. An instant that working hours, lunch, a quiet window or a pause rule out is skipped that day, and
 * nothing is queued while the program is paused or ended, or before it starts.
 */
@ApplicationScoped
public class RoutineReminders {

    private static final Logger LOG = Logger.getLogger(RoutineReminders.class);

    /** How far ahead routine reminders are queued. */
    static final Duration HORIZON = Duration.ofHours(24);
    /** A routine reminder is still worth sending half an hour late; after that the moment has passed. */
    static final Duration TIME_TO_LIVE = Duration.ofMinutes(30);

    @Inject
    ReminderChain chain;

    @Inject
    ReminderQueue queue;

    @Inject
    DataSource dataSource;

    @Inject
    RemindersConfig config;

    @Inject
    Clock clock;

    /** Queues the employee's routine reminders of the next day. */
    @Transactional(Transactional.TxType.MANDATORY)
    public int plan(String tenant, UUID employeeId, Instant now) {
        if (!config.routineReminders()) {
            return 0;
        }
        Optional<ReminderChain.Planned> planned = chain.scheduleOf(tenant, employeeId);
        if (planned.isEmpty()) {
            return 0; // left, no schedule, or the program is paused or ended
        }
        ReminderChain.Planned p = planned.get();
        int queued = 0;
        for (RoutineTime.Occurrence o : RoutineTime.between(p.routineTimes(), p.hours(), p.breaks().zone(), now, HORIZON)) {
            boolean started = p.startsAt() == null || !o.at().isBefore(p.startsAt());
            if (started && p.breaks().allows(o.at()) && queue.queue(tenant, employeeId, o.at(), o.at().plus(TIME_TO_LIVE),
                    ReminderKind.ROUTINE, employeeId + "@" + o.at() + "#routine", null, null, o.time().name())) {
                queued++;
            }
        }
        return queued;
    }

    /**
     * Queues the next day of every active employee's routine reminders. Someone whose furthest queued routine reminder
     * is more than two planning rounds away is passed over: nothing new can enter their day-ahead horizon before that
     * one comes close (found by the 100 000-employee benchmark, where planning everyone every five minutes took a
     * query per employee per round from the engine).
     */
    @Transactional
    public int planAll(Instant now) {
        List<Object[]> employees = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("select s.tenant_id, s.employee_id from schedule s where s.status = 'active' "
                     + "and not exists (select 1 from due_reminder d where d.tenant_id = s.tenant_id and d.employee_id = s.employee_id "
                     + "and d.kind = 'routine' and d.status = 'pending' and d.slot > ?)")) {
            ps.setTimestamp(1, java.sql.Timestamp.from(now.plus(config.routinePlanningEvery().multipliedBy(2))));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    employees.add(new Object[]{rs.getString(1), rs.getObject(2, UUID.class)});
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read schedules", e);
        }
        int queued = 0;
        for (Object[] e : employees) {
            queued += plan((String) e[0], (UUID) e[1], now);
        }
        return queued;
    }

    @Scheduled(identity = "routine-planning", every = "{upright.reminders.routine-planning-every}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void planPeriodically() {
        if (!config.engineEnabled()) {
            return; // planning goes with the engine: an instance that sends nothing queues nothing either
        }
        try {
            planAll(Instant.now(clock));
        } catch (RuntimeException e) {
            LOG.warnf("Cannot plan routine reminders: %s", e.toString());
        }
    }
}
