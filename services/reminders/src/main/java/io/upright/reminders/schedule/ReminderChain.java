package io.upright.reminders.schedule;

import io.upright.reminders.RemindersConfig;
import io.upright.reminders.dose.RoutineTime;
import io.upright.reminders.queue.ReminderKind;
import io.upright.reminders.queue.ReminderQueue;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * An employee's chain of reminders: puts their next slot into the due-reminder queue, from what the service knows
 * about them now. The dedupe key makes doing it twice harmless.
 */
@ApplicationScoped
public class ReminderChain {

    @Inject
    DataSource dataSource;

    @Inject
    SettingsStore settings;

    @Inject
    RemindersConfig config;

    @Inject
    ReminderQueue queue;

    /**
     * An employee's schedule as it applies now, and when their program starts (null: no program); their working hours
     * per weekday and routine times place their routine reminders.
     */
    public record Planned(BreakSchedule breaks, boolean standingDesk, Instant startsAt, Map<DayOfWeek, LocalTime[]> hours,
                          List<RoutineTime> routineTimes) {
    }

    /**
     * Queues the slot following {@code after}; if that is already past (the service was down, or a retry ran
     * long), the first slot after {@code now} instead, so an outage never turns into a burst of reminders.
     *
     * @param standingDesk alternate: after a break comes a sit/stand prompt, after that a break again
     * @return whether a row was inserted (false: that slot was queued before)
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean queueNext(String tenant, UUID employeeId, BreakSchedule breaks, Instant after, Instant now, boolean standingDesk) {
        return queue.queueAll(List.of(nextRow(tenant, employeeId, breaks, after, now, standingDesk)))[0];
    }

    /** The chain row following {@code after} (see {@link #queueNext(String, UUID, BreakSchedule, Instant, Instant, boolean)}). */
    private ReminderQueue.Row nextRow(String tenant, UUID employeeId, BreakSchedule breaks, Instant after, Instant now,
                                      boolean standingDesk) {
        // whole seconds: the slot is part of the dedupe key and must read back from the database unchanged
        Instant slot = breaks.nextSlotAfter(after).truncatedTo(ChronoUnit.SECONDS);
        if (!slot.isAfter(now)) {
            slot = breaks.nextSlotAfter(now).truncatedTo(ChronoUnit.SECONDS);
        }
        String kind = standingDesk && ReminderKind.BREAK.equals(queue.lastChainKind(tenant, employeeId))
                ? ReminderKind.SIT_STAND : ReminderKind.BREAK;
        return new ReminderQueue.Row(tenant, employeeId, slot, breaks.expiresAt(slot), kind,
                ReminderQueue.chainKey(employeeId, slot), null, null, null);
    }

    /** Where the chain continues from: the previous slot, but never more than a cadence before the program starts. */
    private static Instant after(Planned p, Instant previousSlot) {
        if (p.startsAt() != null && previousSlot.isBefore(p.startsAt().minus(p.breaks().cadence()))) {
            // no reminder before the program's first day, in the employee's own zone
            return p.startsAt().minus(p.breaks().cadence());
        }
        return previousSlot;
    }

    /**
     * Queues the slot after {@code previousSlot} from what the service knows about the employee now: their
     * schedule, their team's program (current phase and bounds; none queued while it is paused or ended, or before
     * it starts), their latest risk reading. Nothing is queued for an employee who left or has no schedule: the
     * chain of reminders ends there and is restarted by {@link #restart}.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void queueNext(String tenant, UUID employeeId, Instant previousSlot, Instant now) {
        Optional<Planned> planned = scheduleOf(tenant, employeeId);
        if (planned.isEmpty()) {
            return; // no schedule (any more), the employee left, or the program is paused or ended: the chain ends here
        }
        Planned p = planned.get();
        queueNext(tenant, employeeId, p.breaks(), after(p, previousSlot), now, p.standingDesk());
    }

    /**
     * Starts the chain again from now (a program resumed or launched, a pause ended) unless the employee already
     * has a regular slot waiting; a snoozed reminder's one redelivery does not count as one.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void restart(String tenant, UUID employeeId, Instant now) {
        if (!queue.hasChainSlotWaiting(tenant, employeeId)) {
            queueNext(tenant, employeeId, now, now);
        }
    }

    /**
     * Everything the service knows about the employee now, assembled: their schedule and own settings, their team's
     * program (current phase and bounds), their latest risk reading, a pause. Empty when nothing may be sent to
     * them: no schedule, they left, or their program is paused or ended.
     */
    public Optional<Planned> scheduleOf(String tenant, UUID employeeId) {
        return scheduleOf(tenant, employeeId, false);
    }

    /**
     * @param evenIfProgramStopped plan by the person's hours even when their program is paused or ended (an ask that
     *                             belongs to the end of a program, not a break)
     */
    public Optional<Planned> scheduleOf(String tenant, UUID employeeId, boolean evenIfProgramStopped) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement(SCHEDULE + "where s.tenant_id = ? and s.employee_id = ?")) {
            ps.setString(1, tenant);
            ps.setObject(2, employeeId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? planned(rs, evenIfProgramStopped) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the schedule", e);
        }
    }

    /** An employee whose chain goes on after {@code previousSlot}, as of {@code now}. */
    public record Next(UUID employeeId, Instant previousSlot, Instant now) {
    }

    /**
     * {@link #queueNext(String, UUID, Instant, Instant)} for many employees of one tenant: their schedules read in one
     * query and their next slots queued in one batch, so an engine round settles its chain in two round trips
     * instead of two per reminder. Each employee's slot, kind and dedupe key are exactly what queueNext would queue.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void queueNextAll(String tenant, List<Next> next) {
        if (next.isEmpty()) {
            return;
        }
        Map<UUID, Planned> schedules = new HashMap<>();
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement(SCHEDULE + "where s.tenant_id = ? and s.employee_id = any (?)")) {
            ps.setString(1, tenant);
            ps.setArray(2, c.createArrayOf("uuid", next.stream().map(Next::employeeId).distinct().toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    UUID employeeId = rs.getObject("employee_id", UUID.class);
                    planned(rs, false).ifPresent(p -> schedules.put(employeeId, p));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the schedules", e);
        }
        Map<UUID, Long> times = next.stream().collect(Collectors.groupingBy(Next::employeeId, Collectors.counting()));
        List<ReminderQueue.Row> rows = new ArrayList<>();
        for (Next n : next) {
            Planned p = schedules.get(n.employeeId());
            if (p == null) {
                continue; // as queueNext: no schedule, left, or the program is paused or ended: the chain ends here
            }
            if (p.standingDesk() || times.get(n.employeeId()) > 1) {
                // the kind follows the latest chain row, which an earlier row of this batch may be: one at a time
                queueNext(tenant, n.employeeId(), p.breaks(), after(p, n.previousSlot()), n.now(), p.standingDesk());
            } else {
                rows.add(nextRow(tenant, n.employeeId(), p.breaks(), after(p, n.previousSlot()), n.now(), false));
            }
        }
        queue.queueAll(rows);
    }

    /** The schedule query up to its where clause: one employee's or many (the row carries {@code employee_id}). */
    private static final String SCHEDULE =
            "select s.employee_id, s.time_zone, s.workday_start, s.workday_end, s.cadence_seconds, s.status as schedule_status, p.status as program_status, "
                    + "p.break_every_minutes, p.min_break_every_minutes, p.max_break_every_minutes, p.starts_on, "
                    + "coalesce(k.high_risk, false) as high_risk, s.working_hours, s.lunch_start, s.lunch_end, "
                    + "s.quiet_windows, s.preferred_minutes, s.paused_until, s.standing_desk, s.routine_times from schedule s "
                    + "left join program_team pt on pt.tenant_id = s.tenant_id and pt.team_id = s.team_id "
                    + "left join program p on p.tenant_id = pt.tenant_id and p.program_id = pt.program_id "
                    + "left join employee_risk k on k.tenant_id = s.tenant_id and k.employee_id = s.employee_id ";

    /** One row of {@link #SCHEDULE} as a plan; empty when nothing may be sent (see {@link #scheduleOf}). */
    private Optional<Planned> planned(ResultSet rs, boolean evenIfProgramStopped) throws SQLException {
        if (!"active".equals(rs.getString("schedule_status"))) {
            return Optional.empty();
        }
        String programStatus = rs.getString("program_status");
        if (programStatus != null && !"active".equals(programStatus) && !evenIfProgramStopped) {
            return Optional.empty(); // paused or ended: a resumed program restarts the chain
        }
        Cadence.Program program = programStatus == null ? null
                : new Cadence.Program(rs.getInt("break_every_minutes"), rs.getInt("min_break_every_minutes"),
                rs.getInt("max_break_every_minutes"));
        Duration cadence = config.cadenceOverride().orElse(Cadence.effective(program,
                (Integer) rs.getObject("preferred_minutes"), rs.getBoolean("high_risk"),
                Duration.ofSeconds(rs.getLong("cadence_seconds"))));
        String hoursJson = rs.getString("working_hours");
        Map<DayOfWeek, LocalTime[]> hours = hoursJson == null
                ? BreakSchedule.everyDay(LocalTime.parse(rs.getString("workday_start")), LocalTime.parse(rs.getString("workday_end")))
                : ReminderSettings.hours(settings.hours(hoursJson));
        Window lunch = rs.getString("lunch_start") == null ? null
                : new Window(rs.getString("lunch_start"), rs.getString("lunch_end"));
        Timestamp pausedUntil = rs.getTimestamp("paused_until");
        ZoneId zone = ZoneId.of(rs.getString("time_zone"));
        BreakSchedule breaks = new BreakSchedule(zone, hours,
                ReminderSettings.blocked(lunch, settings.windows(rs.getString("quiet_windows"))), cadence,
                pausedUntil == null ? null : pausedUntil.toInstant());
        Instant startsAt = program == null ? null : rs.getDate("starts_on").toLocalDate().atStartOfDay(zone).toInstant();
        List<String> routineTimes = SettingsStore.routineTimes(rs.getString("routine_times"));
        List<RoutineTime> times = routineTimes == null ? RoutineTime.DEFAULT
                : routineTimes.stream().flatMap(t -> RoutineTime.parse(t).stream()).toList();
        return Optional.of(new Planned(breaks, rs.getBoolean("standing_desk"), startsAt, hours, times));
    }
}
