package io.upright.reminders.reminder;

import io.upright.reminders.schedule.BreakSchedule;
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
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/** Puts an employee's next slot into the due-reminder queue; the dedupe key makes doing it twice harmless. */
@ApplicationScoped
public class DueReminders {

    @Inject
    DataSource dataSource;

    /**
     * Queues the slot following {@code after}; if that is already past (the service was down, or a retry ran
     * long), the first slot after {@code now} instead, so an outage never turns into a burst of reminders.
     *
     * @return whether a row was inserted (false: that slot was queued before)
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean queueNext(String tenant, UUID employeeId, BreakSchedule breaks, Instant after, Instant now) {
        // whole seconds: the slot is part of the dedupe key and must read back from the database unchanged
        Instant slot = breaks.nextSlotAfter(after).truncatedTo(ChronoUnit.SECONDS);
        if (!slot.isAfter(now)) {
            slot = breaks.nextSlotAfter(now).truncatedTo(ChronoUnit.SECONDS);
        }
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement(
                     "insert into due_reminder (tenant_id, id, employee_id, slot, due_at, expires_at, dedupe_key, status, attempts) "
                             + "values (?, ?, ?, ?, ?, ?, ?, 'pending', 0) on conflict (dedupe_key) do nothing")) {
            ps.setString(1, tenant);
            ps.setObject(2, UUID.randomUUID());
            ps.setObject(3, employeeId);
            ps.setTimestamp(4, Timestamp.from(slot));
            ps.setTimestamp(5, Timestamp.from(slot));
            ps.setTimestamp(6, Timestamp.from(breaks.expiresAt(slot)));
            ps.setString(7, dedupeKey(employeeId, slot));
            return ps.executeUpdate() == 1;
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot queue the next reminder", e);
        }
    }

    /** Queues the slot after {@code previousSlot} using the employee's stored schedule. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void queueNext(String tenant, UUID employeeId, Instant previousSlot, Instant now) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement(
                     "select time_zone, workday_start, workday_end, cadence_seconds from schedule "
                             + "where tenant_id = ? and employee_id = ?")) {
            ps.setString(1, tenant);
            ps.setObject(2, employeeId);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return; // no schedule (any more): the chain of reminders ends here
                }
                BreakSchedule breaks = BreakSchedule.of(rs.getString(1), rs.getString(2), rs.getString(3),
                        Duration.ofSeconds(rs.getLong(4)));
                queueNext(tenant, employeeId, breaks, previousSlot, now);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the schedule", e);
        }
    }

    static String dedupeKey(UUID employeeId, Instant slot) {
        return employeeId + "@" + slot;
    }
}
