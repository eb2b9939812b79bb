package io.upright.reminders.testing;

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

/**
 * Puts schedules and reminder rows straight into the real database, as the service writes them, so a test controls
 * slot, expiry and status; and reads the queue back.
 */
public final class Queue {

    private final DataSource dataSource;
    private final String tenant;

    public Queue(DataSource dataSource, String tenant) {
        this.dataSource = dataSource;
        this.tenant = tenant;
    }

    /** One employee (hourly schedule, so no follow-up slot is due during a test) with a reminder due now. */
    public UUID dueNow(UUID employee, Duration ttl) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        return due(employee, now, now.plus(ttl));
    }

    public UUID due(UUID employee, Instant slot, Instant expiresAt) {
        return due(employee, null, slot, expiresAt, "break");
    }

    /** A team break of {@code team} for one of its members, due at {@code slot}. */
    public UUID teamBreak(UUID employee, UUID team, Instant slot, Duration ttl) {
        return due(employee, team, slot, slot.plus(ttl), "team-break");
    }

    private UUID due(UUID employee, UUID team, Instant slot, Instant expiresAt, String kind) {
        try (Connection c = dataSource.getConnection()) {
            try (PreparedStatement ps = c.prepareStatement(
                    "insert into schedule (tenant_id, employee_id, time_zone, workday_start, workday_end, cadence_seconds, created_at, version, team_id) "
                            + "values (?, ?, 'Etc/UTC', '00:00', '23:59', 3600, now(), 1, ?) on conflict do nothing")) {
                ps.setString(1, tenant);
                ps.setObject(2, employee);
                ps.setObject(3, team);
                ps.executeUpdate();
            }
            UUID id = UUID.randomUUID();
            try (PreparedStatement ps = c.prepareStatement(
                    "insert into due_reminder (tenant_id, id, employee_id, slot, due_at, expires_at, dedupe_key, status, attempts, kind) "
                            + "values (?, ?, ?, ?, ?, ?, ?, 'pending', 0, '" + kind + "')")) {
                ps.setString(1, tenant);
                ps.setObject(2, id);
                ps.setObject(3, employee);
                ps.setTimestamp(4, Timestamp.from(slot));
                ps.setTimestamp(5, Timestamp.from(slot));
                ps.setTimestamp(6, Timestamp.from(expiresAt));
                ps.setString(7, employee + "@" + slot);
                ps.executeUpdate();
            }
            return id;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public String status(UUID reminderId) {
        return string("select status from due_reminder where id = ?", reminderId);
    }

    public String string(String sql, Object parameter) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setObject(1, parameter);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public java.util.List<String> strings(String sql, Object parameter) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setObject(1, parameter);
            java.util.List<String> found = new java.util.ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    found.add(rs.getString(1));
                }
            }
            return found;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public long count(String sql, Object... parameters) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                ps.setObject(i + 1, parameters[i] instanceof Instant instant ? Timestamp.from(instant) : parameters[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The one instant a query selects (null when none). */
    public Instant instant(String sql, Object... parameters) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                ps.setObject(i + 1, parameters[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                Timestamp at = rs.next() ? rs.getTimestamp(1) : null;
                return at == null ? null : at.toInstant();
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public void execute(String sql, Object... parameters) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                ps.setObject(i + 1, parameters[i] instanceof Instant instant ? Timestamp.from(instant) : parameters[i]);
            }
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Reminder domain events of this type on the reminder's stream. */
    public long events(UUID reminderId, String type) {
        return count("select count(*) from event_store where stream_type = 'reminder' and stream_id = ? and event_type = ?",
                reminderId, type);
    }
}
