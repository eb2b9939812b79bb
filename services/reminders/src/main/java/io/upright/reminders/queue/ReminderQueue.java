package io.upright.reminders.queue;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.upright.contracts.exercises.MicroBreak;
import io.upright.reminders.dose.Recommendation;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

import static io.upright.reminders.queue.ReminderStatus.PENDING;
import static io.upright.reminders.queue.ReminderStatus.SENDING;
import static io.upright.reminders.queue.ReminderStatus.SENT;

/**
 * The due-reminder queue ({@code due_reminder}): every write of the engine, the chain and the extras (team breaks,
 * nudges) goes through here, in the caller's transaction. Rows are keyed for deduplication, so queueing a slot twice
 * is harmless. (The answer API writes only its own columns through {@code DueReminderRecord}.)
 */
@ApplicationScoped
public class ReminderQueue {

    @Inject
    DataSource dataSource;

    @Inject
    ObjectMapper json;

    private static final TypeReference<List<MicroBreak>> MICRO_BREAKS = new TypeReference<>() {
    };

    /**
     * Queues one reminder, once per dedupe key.
     *
     * @return whether a row was inserted (false: queued before)
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean queue(String tenant, UUID employeeId, Instant slot, Instant expiresAt, String kind, String dedupeKey,
                         UUID campaignId, LocalDate dueDate) {
        return queue(tenant, employeeId, slot, expiresAt, kind, dedupeKey, campaignId, dueDate, null);
    }

    /** Whether a reminder with this dedupe key was ever queued (and not taken back). */
    public boolean exists(String dedupeKey) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("select 1 from due_reminder where dedupe_key = ?")) {
            ps.setString(1, dedupeKey);
            try (java.sql.ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot look up a reminder", e);
        }
    }

    /** @param routineTime for a routine reminder: the chosen time it stands for ({@code MORNING} ...) */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean queue(String tenant, UUID employeeId, Instant slot, Instant expiresAt, String kind, String dedupeKey,
                         UUID campaignId, LocalDate dueDate, String routineTime) {
        return queueAll(List.of(new Row(tenant, employeeId, slot, expiresAt, kind, dedupeKey, campaignId, dueDate, routineTime)))[0];
    }

    /** One reminder to queue (see {@link #queue}). */
    public record Row(String tenant, UUID employeeId, Instant slot, Instant expiresAt, String kind, String dedupeKey,
                      UUID campaignId, LocalDate dueDate, String routineTime) {
    }

    /**
     * Queues many reminders in one JDBC batch (an engine round's next slots: one round trip, not one per reminder),
     * each once per dedupe key.
     *
     * @return per row, in order, whether it was inserted (false: queued before)
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean[] queueAll(List<Row> rows) {
        boolean[] inserted = new boolean[rows.size()];
        if (rows.isEmpty()) {
            return inserted;
        }
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement(
                     "insert into due_reminder (tenant_id, id, employee_id, slot, due_at, expires_at, dedupe_key, status, attempts, "
                             + "kind, campaign_id, due_date, routine_time) values (?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?, ?, ?) "
                             + "on conflict (dedupe_key) do nothing")) {
            for (Row row : rows) {
                ps.setString(1, row.tenant());
                ps.setObject(2, UUID.randomUUID());
                ps.setObject(3, row.employeeId());
                ps.setTimestamp(4, Timestamp.from(row.slot()));
                ps.setTimestamp(5, Timestamp.from(row.slot()));
                ps.setTimestamp(6, Timestamp.from(row.expiresAt()));
                ps.setString(7, row.dedupeKey());
                ps.setString(8, PENDING.stored());
                ps.setString(9, row.kind());
                ps.setObject(10, row.campaignId());
                ps.setObject(11, row.dueDate() == null ? null : java.sql.Date.valueOf(row.dueDate()));
                ps.setString(12, row.routineTime());
                ps.addBatch();
            }
            int[] counts = ps.executeBatch();
            for (int i = 0; i < counts.length; i++) {
                inserted[i] = counts[i] == 1;
            }
            return inserted;
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot queue a reminder", e);
        }
    }

    /** The dedupe key of a chain slot. */
    public static String chainKey(UUID employeeId, Instant slot) {
        return employeeId + "@" + slot;
    }

    /** The kind of the employee's latest chain row (break or sit-stand), null before the first. */
    public String lastChainKind(String tenant, UUID employeeId) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("select kind from due_reminder where tenant_id = ? and employee_id = ? "
                     + "and kind in ('break', 'sit-stand') order by slot desc limit 1")) {
            ps.setString(1, tenant);
            ps.setObject(2, employeeId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString("kind") : null;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the queue", e);
        }
    }

    /** Whether a regular chain slot waits (pending or being sent); a snoozed reminder's one redelivery does not count. */
    public boolean hasChainSlotWaiting(String tenant, UUID employeeId) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("select count(*) from due_reminder where tenant_id = ? and employee_id = ? "
                     + "and status in (?, ?) and snoozed_until is null and kind in ('break', 'sit-stand')")) {
            ps.setString(1, tenant);
            ps.setObject(2, employeeId);
            ps.setString(3, PENDING.stored());
            ps.setString(4, SENDING.stored());
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1) > 0;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the queue", e);
        }
    }

    /**
     * Takes back what is queued for these employees and not yet being sent: regular slots are deleted (they were
     * never delivered, so there is nothing to record), a snoozed reminder's redelivery is called off.
     *
     * @return how many rows were taken back
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public int cancelPending(String tenant, Collection<UUID> employeeIds) {
        return cancelPending(tenant, employeeIds, true);
    }

    /**
     * @param allKinds also team breaks and assessment nudges (a program stops, the employee leaves); false: only
     *                 the chain, which a settings change or a pause re-plans
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public int cancelPending(String tenant, Collection<UUID> employeeIds, boolean allKinds) {
        if (employeeIds.isEmpty()) {
            return 0;
        }
        String kinds = allKinds ? "" : " and kind in ('break', 'sit-stand')";
        try (Connection c = dataSource.getConnection()) {
            Object[] ids = employeeIds.toArray();
            int n;
            try (PreparedStatement ps = c.prepareStatement("delete from due_reminder where tenant_id = ? and employee_id = any (?) "
                    + "and status = ? and snoozed_until is null" + kinds)) {
                ps.setString(1, tenant);
                ps.setArray(2, c.createArrayOf("uuid", ids));
                ps.setString(3, PENDING.stored());
                n = ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("update due_reminder set status = ? where tenant_id = ? "
                    + "and employee_id = any (?) and status = ? and snoozed_until is not null")) {
                ps.setString(1, SENT.stored());
                ps.setString(2, tenant);
                ps.setArray(3, c.createArrayOf("uuid", ids));
                ps.setString(4, PENDING.stored());
                n += ps.executeUpdate();
            }
            return n;
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot cancel queued reminders", e);
        }
    }

    /** Team breaks of this employee queued before {@code before} (they paused) are taken back. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void cancelTeamBreaks(String tenant, UUID employeeId, Instant before) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("delete from due_reminder where tenant_id = ? and employee_id = ? "
                     + "and kind = ? and status = ? and slot < ?")) {
            ps.setString(1, tenant);
            ps.setObject(2, employeeId);
            ps.setString(3, ReminderKind.TEAM_BREAK);
            ps.setString(4, PENDING.stored());
            ps.setTimestamp(5, Timestamp.from(before));
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot cancel team breaks", e);
        }
    }

    /**
     * Routine reminders of this employee still pending are taken back: their routine times, hours or zone changed,
     * or they paused (then only those before {@code before}; null: all).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void cancelRoutines(String tenant, UUID employeeId, Instant before) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("delete from due_reminder where tenant_id = ? and employee_id = ? "
                     + "and kind = ? and status = ? and snoozed_until is null" + (before == null ? "" : " and slot < ?"))) {
            ps.setString(1, tenant);
            ps.setObject(2, employeeId);
            ps.setString(3, ReminderKind.ROUTINE);
            ps.setString(4, PENDING.stored());
            if (before != null) {
                ps.setTimestamp(5, Timestamp.from(before));
            }
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot cancel routine reminders", e);
        }
    }

    /**
     * How many routine reminders of the employee in {@code [from, until)}, other than {@code except}, suggested a
     * soft-tissue release (the weekly cap counts them).
     */
    public int releasesSuggested(String tenant, UUID employeeId, Instant from, Instant until, UUID except) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("select count(*) from due_reminder where tenant_id = ? and employee_id = ? "
                     + "and soft_tissue_release and slot >= ? and slot < ? and id <> ?")) {
            ps.setString(1, tenant);
            ps.setObject(2, employeeId);
            ps.setTimestamp(3, Timestamp.from(from));
            ps.setTimestamp(4, Timestamp.from(until));
            ps.setObject(5, except);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot count release routines", e);
        }
    }

    /** Pending team breaks of these employees are taken back (their team's time changed). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void cancelTeamBreaks(String tenant, Collection<UUID> employeeIds) {
        if (employeeIds.isEmpty()) {
            return;
        }
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("delete from due_reminder where tenant_id = ? and employee_id = any (?) "
                     + "and kind = ? and status = ?")) {
            ps.setString(1, tenant);
            ps.setArray(2, c.createArrayOf("uuid", employeeIds.toArray()));
            ps.setString(3, ReminderKind.TEAM_BREAK);
            ps.setString(4, PENDING.stored());
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot cancel team breaks", e);
        }
    }

    /** Up to {@code limit} pending rows due by {@code now} that no other engine holds, locked until the transaction ends. */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<DueRow> lockDue(int limit, Instant now) {
        List<DueRow> due = new ArrayList<>();
        // the employee's team, current recommendation and dose settings come along; only the queue row is locked.
        // turn: how many reminders of this kind the employee had before this one (the micro-break rotation)
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement(
                     "select d.tenant_id, d.id, d.employee_id, d.slot, d.expires_at, d.attempts, s.team_id, "
                             + "r.routine_id, r.routine_title, r.duration_minutes, r.withheld, d.kind, d.snoozed_until, d.due_date, "
                             + "r.micro_breaks, coalesce(r.floor_or_equipment, false) as floor_or_equipment, "
                             + "coalesce(r.soft_tissue_release, false) as soft_tissue_release, d.routine_time, "
                             + "coalesce(s.floor_exercises_at_work, false) as floor_exercises_at_work, s.time_zone, "
                             + "(select count(*) from due_reminder p where p.tenant_id = d.tenant_id and p.employee_id = d.employee_id "
                             + "and p.kind = d.kind and p.slot < d.slot) as turn "
                             + "from due_reminder d "
                             + "left join schedule s on s.tenant_id = d.tenant_id and s.employee_id = d.employee_id "
                             + "left join employee_routine r on r.tenant_id = d.tenant_id and r.employee_id = d.employee_id "
                             + "where d.status = ? and d.due_at <= ? order by d.due_at limit ? for update of d skip locked")) {
            ps.setString(1, PENDING.stored());
            ps.setTimestamp(2, Timestamp.from(now));
            ps.setInt(3, limit);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    java.sql.Date dueDate = rs.getDate("due_date");
                    Recommendation recommendation = new Recommendation(rs.getString("routine_id"), rs.getString("routine_title"),
                            (Integer) rs.getObject("duration_minutes"), (Boolean) rs.getObject("withheld"),
                            microBreaks(rs.getString("micro_breaks")), rs.getBoolean("floor_or_equipment"),
                            rs.getBoolean("soft_tissue_release"));
                    due.add(new DueRow(queued(rs), rs.getObject("team_id", UUID.class), recommendation,
                            dueDate == null ? null : dueDate.toLocalDate(), rs.getLong("turn"), rs.getString("routine_time"),
                            rs.getBoolean("floor_exercises_at_work"), rs.getString("time_zone")));
                }
            }
            return due;
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot claim due reminders", e);
        }
    }

    /** Micro-breaks as {@code employee_routine.micro_breaks} holds them (JSON; null: none). */
    public List<MicroBreak> microBreaks(String column) {
        if (column == null) {
            return List.of();
        }
        try {
            return json.readValue(column, MICRO_BREAKS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Unreadable stored micro-breaks", e);
        }
    }

    /**
     * What a claim keeps on one row: the reminder's suggestion to its employee: its type, the routine (null without
     * one), the micro-break to do now (null without one), exercises withheld, and whether the routine is a soft-tissue
     * release. The employee's alone, never part of a delivered message.
     */
    public record Claim(String tenant, UUID id, String suggestionType, String routineId, String routineTitle,
                        Integer routineMinutes, boolean exercisesWithheld, MicroBreak exercise, boolean softTissueRelease) {
    }

    /**
     * pending → sending for every row of an engine round (locked by {@link #lockDue} in the same transaction): this
     * round owns them, and each keeps its {@link Claim}. One JDBC batch, so one round trip for the round instead of one
     * per reminder (the claim was a tenth of the engine's database round trips).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void claimAll(List<Claim> claims, Instant now) {
        if (claims.isEmpty()) {
            return;
        }
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "update due_reminder set status = ?, attempts = attempts + 1, claimed_at = ?, suggestion_type = ?, routine_id = ?, "
                        + "routine_title = ?, routine_minutes = ?, exercises_withheld = ?, exercise_id = ?, exercise_title = ?, "
                        + "exercise_minutes = ?, soft_tissue_release = ? where tenant_id = ? and id = ?")) {
            for (Claim claim : claims) {
                MicroBreak exercise = claim.exercise();
                Object[] parameters = {SENDING.stored(), Timestamp.from(now), claim.suggestionType(), claim.routineId(),
                        claim.routineTitle(), claim.routineMinutes(), claim.exercisesWithheld(),
                        exercise == null ? null : exercise.exerciseId(), exercise == null ? null : exercise.title(),
                        exercise == null ? null : exercise.minutes(), claim.softTissueRelease(), claim.tenant(), claim.id()};
                for (int i = 0; i < parameters.length; i++) {
                    ps.setObject(i + 1, parameters[i]);
                }
                ps.addBatch();
            }
            ps.executeBatch();
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot claim due reminders", e);
        }
    }

    /**
     * Whether the employee's exercises are withheld for clinical review right now (their {@code employee_routine}
     * row, the projection {@code EmployeeRoutines} keeps): such a hold wins over a routine a reminder suggested before.
     */
    public boolean exercisesWithheld(String tenant, UUID employeeId) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("select withheld from employee_routine where tenant_id = ? and employee_id = ?")) {
            ps.setString(1, tenant);
            ps.setObject(2, employeeId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() && rs.getBoolean(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read whether exercises are withheld", e);
        }
    }

    /**
     * Whether a clinician's clearance asked the employee to take the safety check again by a day that has come
     * ({@code today}) and no assessment has followed the clearance yet.
     */
    public boolean rescreenDue(String tenant, UUID employeeId, java.time.LocalDate today) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("select 1 from employee_routine where tenant_id = ? and employee_id = ? "
                     + "and rescreen_by <= ? and (screened_at is null or screened_at < cleared_at)")) {
            ps.setString(1, tenant);
            ps.setObject(2, employeeId);
            ps.setObject(3, today);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read whether a re-screen is due", e);
        }
    }

    /** @return whether the row was still {@code from} (and so is now {@code to}) */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean move(String tenant, UUID id, ReminderStatus from, ReminderStatus to) {
        return update("update due_reminder set status = ? where tenant_id = ? and id = ? and status = ?",
                to.stored(), tenant, id, from.stored()) == 1;
    }

    /** A reminder to mark sent: sending → sent at {@code sentAt}. */
    public record Sent(String tenant, UUID id, Instant sentAt) {
    }

    /**
     * sending → sent for each of a round's delivered reminders, in one JDBC batch (one round trip for the round).
     *
     * @return per reminder, in order, whether it was still 'sending' (false: settled elsewhere, its claim went stale)
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean[] markSentAll(List<Sent> sent) {
        boolean[] marked = new boolean[sent.size()];
        if (sent.isEmpty()) {
            return marked;
        }
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "update due_reminder set status = ?, sent_at = ? where tenant_id = ? and id = ? and status = ?")) {
            for (Sent s : sent) {
                ps.setString(1, SENT.stored());
                ps.setTimestamp(2, Timestamp.from(s.sentAt()));
                ps.setString(3, s.tenant());
                ps.setObject(4, s.id());
                ps.setString(5, SENDING.stored());
                ps.addBatch();
            }
            int[] counts = ps.executeBatch();
            for (int i = 0; i < counts.length; i++) {
                marked[i] = counts[i] == 1;
            }
            return marked;
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot mark reminders sent", e);
        }
    }

    /** sending → pending again, due at {@code retryAt}. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void retryAt(String tenant, UUID id, Instant retryAt) {
        update("update due_reminder set status = ?, due_at = ?, claimed_at = null where tenant_id = ? and id = ? and status = ?",
                PENDING.stored(), Timestamp.from(retryAt), tenant, id, SENDING.stored());
    }

    /**
     * A snoozed reminder goes back into the queue (sent → pending), due at {@code until} with a fresh time to live
     * and no attempts yet; false when it was not 'sent' (any more).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean requeueSnoozed(String tenant, UUID id, Instant until, Instant expiresAt) {
        return update("update due_reminder set status = ?, due_at = ?, expires_at = ?, snoozed_until = ?, attempts = 0, "
                        + "claimed_at = null where tenant_id = ? and id = ? and status = ?", PENDING.stored(), Timestamp.from(until),
                Timestamp.from(expiresAt), Timestamp.from(until), tenant, id, SENT.stored()) == 1;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void recordFailureReason(String tenant, UUID id, String reason) {
        update("update due_reminder set failure_reason = ? where tenant_id = ? and id = ?", reason, tenant, id);
    }

    /** Rows left 'sending' since before {@code claimedBefore}, at most {@code limit}, locked until the transaction ends. */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<QueuedReminder> lockAbandoned(Instant claimedBefore, int limit) {
        List<QueuedReminder> abandoned = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement(
                     "select tenant_id, id, employee_id, slot, expires_at, attempts, kind, snoozed_until from due_reminder "
                             + "where status = ? and claimed_at < ? limit ? for update skip locked")) {
            ps.setString(1, SENDING.stored());
            ps.setTimestamp(2, Timestamp.from(claimedBefore));
            ps.setInt(3, limit);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    abandoned.add(queued(rs));
                }
            }
            return abandoned;
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read abandoned reminders", e);
        }
    }

    private static QueuedReminder queued(ResultSet rs) throws SQLException {
        return new QueuedReminder(rs.getString("tenant_id"), rs.getObject("id", UUID.class), rs.getObject("employee_id", UUID.class),
                rs.getTimestamp("slot").toInstant(), rs.getTimestamp("expires_at").toInstant(), rs.getInt("attempts"),
                rs.getString("kind"), rs.getTimestamp("snoozed_until") != null);
    }

    private int update(String sql, Object... parameters) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                ps.setObject(i + 1, parameters[i]);
            }
            return ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot update the reminder queue", e);
        }
    }
}
