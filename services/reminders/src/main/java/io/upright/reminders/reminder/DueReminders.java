package io.upright.reminders.reminder;

import io.upright.reminders.schedule.BreakSchedule;
import io.upright.reminders.schedule.Cadence;
import io.upright.reminders.schedule.ReminderSettings;
import io.upright.reminders.schedule.SettingsStore;
import io.upright.reminders.schedule.Window;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.util.Map;
import java.util.Optional;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/** Puts an employee's next slot into the due-reminder queue; the dedupe key makes doing it twice harmless. */
@ApplicationScoped
public class DueReminders {

    @Inject
    DataSource dataSource;

    @Inject
    SettingsStore settings;

    @Inject
    io.upright.reminders.RemindersConfig config;

    /**
     * Queues the slot following {@code after}; if that is already past (the service was down, or a retry ran
     * long), the first slot after {@code now} instead, so an outage never turns into a burst of reminders.
     *
     * @return whether a row was inserted (false: that slot was queued before)
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean queueNext(String tenant, UUID employeeId, BreakSchedule breaks, Instant after, Instant now) {
        return queueNext(tenant, employeeId, breaks, after, now, false);
    }

    /**
     * @param standingDesk alternate: after a break comes a sit/stand prompt, after that a break again
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean queueNext(String tenant, UUID employeeId, BreakSchedule breaks, Instant after, Instant now, boolean standingDesk) {
        // whole seconds: the slot is part of the dedupe key and must read back from the database unchanged
        Instant slot = breaks.nextSlotAfter(after).truncatedTo(ChronoUnit.SECONDS);
        if (!slot.isAfter(now)) {
            slot = breaks.nextSlotAfter(now).truncatedTo(ChronoUnit.SECONDS);
        }
        String kind = standingDesk && ReminderMessage.BREAK.equals(lastChainKind(tenant, employeeId))
                ? ReminderMessage.SIT_STAND : ReminderMessage.BREAK;
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement(
                     "insert into due_reminder (tenant_id, id, employee_id, slot, due_at, expires_at, dedupe_key, status, attempts, kind) "
                             + "values (?, ?, ?, ?, ?, ?, ?, 'pending', 0, ?) on conflict (dedupe_key) do nothing")) {
            ps.setString(1, tenant);
            ps.setObject(2, UUID.randomUUID());
            ps.setObject(3, employeeId);
            ps.setTimestamp(4, Timestamp.from(slot));
            ps.setTimestamp(5, Timestamp.from(slot));
            ps.setTimestamp(6, Timestamp.from(breaks.expiresAt(slot)));
            ps.setString(7, dedupeKey(employeeId, slot));
            ps.setString(8, kind);
            return ps.executeUpdate() == 1;
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot queue the next reminder", e);
        }
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
        Instant after = previousSlot;
        if (p.startsAt() != null && after.isBefore(p.startsAt().minus(p.breaks().cadence()))) {
            // no reminder before the program's first day, in the employee's own zone
            after = p.startsAt().minus(p.breaks().cadence());
        }
        queueNext(tenant, employeeId, p.breaks(), after, now, p.standingDesk());
    }

    /** An employee's schedule as it applies now, and when their program starts (null: no program). */
    public record Planned(BreakSchedule breaks, boolean standingDesk, Instant startsAt) {
    }

    /**
     * Everything the service knows about the employee now, assembled: their schedule and own settings, their team's
     * program (current phase and bounds), their latest risk reading, a pause. Empty when nothing may be sent to
     * them: no schedule, they left, or their program is paused or ended.
     */
    public Optional<Planned> scheduleOf(String tenant, UUID employeeId) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement(
                     "select s.time_zone, s.workday_start, s.workday_end, s.cadence_seconds, s.status, p.status, "
                             + "p.break_every_minutes, p.min_break_every_minutes, p.max_break_every_minutes, p.starts_on, "
                             + "coalesce(k.high_risk, false), s.working_hours, s.lunch_start, s.lunch_end, s.quiet_windows, "
                             + "s.preferred_minutes, s.paused_until, s.standing_desk from schedule s "
                             + "left join program_team pt on pt.tenant_id = s.tenant_id and pt.team_id = s.team_id "
                             + "left join program p on p.tenant_id = pt.tenant_id and p.program_id = pt.program_id "
                             + "left join employee_risk k on k.tenant_id = s.tenant_id and k.employee_id = s.employee_id "
                             + "where s.tenant_id = ? and s.employee_id = ?")) {
            ps.setString(1, tenant);
            ps.setObject(2, employeeId);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next() || !"active".equals(rs.getString(5))) {
                    return Optional.empty();
                }
                String programStatus = rs.getString(6);
                if (programStatus != null && !"active".equals(programStatus)) {
                    return Optional.empty(); // paused or ended: a resumed program restarts the chain
                }
                Cadence.Program program = programStatus == null ? null
                        : new Cadence.Program(rs.getInt(7), rs.getInt(8), rs.getInt(9));
                Duration cadence = config.cadenceOverride().orElse(Cadence.effective(program, (Integer) rs.getObject(16),
                        rs.getBoolean(11), Duration.ofSeconds(rs.getLong(4))));
                String hoursJson = rs.getString(12);
                Map<DayOfWeek, LocalTime[]> hours = hoursJson == null
                        ? BreakSchedule.everyDay(LocalTime.parse(rs.getString(2)), LocalTime.parse(rs.getString(3)))
                        : ReminderSettings.hours(settings.hours(hoursJson));
                Window lunch = rs.getString(13) == null ? null : new Window(rs.getString(13), rs.getString(14));
                Timestamp pausedUntil = rs.getTimestamp(17);
                ZoneId zone = ZoneId.of(rs.getString(1));
                BreakSchedule breaks = new BreakSchedule(zone, hours,
                        ReminderSettings.blocked(lunch, settings.windows(rs.getString(15))), cadence,
                        pausedUntil == null ? null : pausedUntil.toInstant());
                Instant startsAt = program == null ? null : rs.getDate(10).toLocalDate().atStartOfDay(zone).toInstant();
                return Optional.of(new Planned(breaks, rs.getBoolean(18), startsAt));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the schedule", e);
        }
    }

    /**
     * Starts the chain again from now (a program resumed or launched, a pause ended) unless the employee already
     * has a regular slot waiting; a snoozed reminder's one redelivery does not count as one.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void restart(String tenant, UUID employeeId, Instant now) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("select count(*) from due_reminder where tenant_id = ? and employee_id = ? "
                     + "and status in ('pending', 'sending') and snoozed_until is null and kind in ('break', 'sit-stand')")) {
            ps.setString(1, tenant);
            ps.setObject(2, employeeId);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                if (rs.getLong(1) > 0) {
                    return;
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the queue", e);
        }
        queueNext(tenant, employeeId, now, now);
    }

    /**
     * Takes back what is queued for these employees and not yet being sent: regular slots are deleted (they were
     * never delivered, so there is nothing to record), a snoozed reminder's redelivery is called off.
     *
     * @return how many rows were taken back
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public int cancelPending(String tenant, java.util.Collection<UUID> employeeIds) {
        return cancelPending(tenant, employeeIds, true);
    }

    /**
     * @param allKinds also team breaks and assessment nudges (a program stops, the employee leaves); false: only
     *                 the chain, which a settings change or a pause re-plans
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public int cancelPending(String tenant, java.util.Collection<UUID> employeeIds, boolean allKinds) {
        if (employeeIds.isEmpty()) {
            return 0;
        }
        String kinds = allKinds ? "" : " and kind in ('break', 'sit-stand')";
        try (Connection c = dataSource.getConnection()) {
            Object[] ids = employeeIds.toArray();
            int n;
            try (PreparedStatement ps = c.prepareStatement("delete from due_reminder where tenant_id = ? and employee_id = any (?) "
                    + "and status = 'pending' and snoozed_until is null" + kinds)) {
                ps.setString(1, tenant);
                ps.setArray(2, c.createArrayOf("uuid", ids));
                n = ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("update due_reminder set status = 'sent' where tenant_id = ? "
                    + "and employee_id = any (?) and status = 'pending' and snoozed_until is not null")) {
                ps.setString(1, tenant);
                ps.setArray(2, c.createArrayOf("uuid", ids));
                n += ps.executeUpdate();
            }
            return n;
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot cancel queued reminders", e);
        }
    }

    /**
     * A reminder outside the chain (a team break, an assessment nudge), queued once per dedupe key.
     *
     * @return whether it was queued (false: queued before)
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean queueExtra(String tenant, UUID employeeId, Instant slot, Instant expiresAt, String kind, String dedupeKey,
                              UUID campaignId, java.time.LocalDate dueDate) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement(
                     "insert into due_reminder (tenant_id, id, employee_id, slot, due_at, expires_at, dedupe_key, status, attempts, "
                             + "kind, campaign_id, due_date) values (?, ?, ?, ?, ?, ?, ?, 'pending', 0, ?, ?, ?) "
                             + "on conflict (dedupe_key) do nothing")) {
            ps.setString(1, tenant);
            ps.setObject(2, UUID.randomUUID());
            ps.setObject(3, employeeId);
            ps.setTimestamp(4, Timestamp.from(slot));
            ps.setTimestamp(5, Timestamp.from(slot));
            ps.setTimestamp(6, Timestamp.from(expiresAt));
            ps.setString(7, dedupeKey);
            ps.setString(8, kind);
            ps.setObject(9, campaignId);
            ps.setObject(10, dueDate == null ? null : java.sql.Date.valueOf(dueDate));
            return ps.executeUpdate() == 1;
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot queue a reminder", e);
        }
    }

    /** Team breaks of this employee queued before {@code before} (they paused) are taken back. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void cancelTeamBreaks(String tenant, UUID employeeId, Instant before) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("delete from due_reminder where tenant_id = ? and employee_id = ? "
                     + "and kind = 'team-break' and status = 'pending' and slot < ?")) {
            ps.setString(1, tenant);
            ps.setObject(2, employeeId);
            ps.setTimestamp(3, Timestamp.from(before));
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot cancel team breaks", e);
        }
    }

    private String lastChainKind(String tenant, UUID employeeId) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("select kind from due_reminder where tenant_id = ? and employee_id = ? "
                     + "and kind in ('break', 'sit-stand') order by slot desc limit 1")) {
            ps.setString(1, tenant);
            ps.setObject(2, employeeId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the queue", e);
        }
    }

    static String dedupeKey(UUID employeeId, Instant slot) {
        return employeeId + "@" + slot;
    }
}
