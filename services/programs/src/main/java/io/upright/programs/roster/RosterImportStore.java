package io.upright.programs.roster;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import java.util.Optional;
import java.util.UUID;

/**
 * The {@code roster_import} rows: an import's status, progress and outcome. Every write is a transaction of its own,
 * so progress shows while the import's own (single, long) transaction is still open.
 */
@ApplicationScoped
public class RosterImportStore {

    @Inject
    DataSource dataSource;

    @Inject
    ObjectMapper json;

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void insert(String tenant, UUID id, boolean markLeavers, int totalRows, String requestedBy, Instant at) {
        update("insert into roster_import (tenant_id, id, status, mark_leavers, total_rows, rows_done, requested_by, "
                + "created_at, updated_at) values (?, ?, 'queued', ?, ?, 0, ?, ?, ?)", ps -> {
            ps.setString(1, tenant);
            ps.setObject(2, id);
            ps.setBoolean(3, markLeavers);
            ps.setInt(4, totalRows);
            ps.setString(5, requestedBy == null ? "" : requestedBy);
            ps.setTimestamp(6, Timestamp.from(at));
            ps.setTimestamp(7, Timestamp.from(at));
        });
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void progress(String tenant, UUID id, String status, int rowsDone, Instant at) {
        update("update roster_import set status = ?, rows_done = ?, updated_at = ? where tenant_id = ? and id = ?", ps -> {
            ps.setString(1, status);
            ps.setInt(2, rowsDone);
            ps.setTimestamp(3, Timestamp.from(at));
            ps.setString(4, tenant);
            ps.setObject(5, id);
        });
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void finish(String tenant, UUID id, String status, int rowsDone, RosterImportView.Outcome outcome, Instant at) {
        String body;
        try {
            body = json.writeValueAsString(outcome);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write the outcome of roster import " + id, e);
        }
        update("update roster_import set status = ?, rows_done = ?, updated_at = ?, finished_at = ?, "
                + "outcome = cast(? as jsonb) where tenant_id = ? and id = ?", ps -> {
            ps.setString(1, status);
            ps.setInt(2, rowsDone);
            ps.setTimestamp(3, Timestamp.from(at));
            ps.setTimestamp(4, Timestamp.from(at));
            ps.setString(5, body);
            ps.setString(6, tenant);
            ps.setObject(7, id);
        });
    }

    /** The import as stored; one that stopped reporting progress is {@code interrupted} (its transaction is gone). */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Optional<RosterImportView> find(String tenant, UUID id, Instant now) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("select status, mark_leavers, total_rows, rows_done, created_at, "
                     + "updated_at, finished_at, outcome from roster_import where tenant_id = ? and id = ?")) {
            ps.setString(1, tenant);
            ps.setObject(2, id);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                String status = rs.getString(1);
                Instant updatedAt = rs.getTimestamp(6).toInstant();
                if (RosterImportView.unfinished(status) && updatedAt.plus(RosterImports.STALE_AFTER).isBefore(now)) {
                    status = RosterImportView.INTERRUPTED;
                }
                Timestamp finished = rs.getTimestamp(7);
                String outcome = rs.getString(8);
                return Optional.of(new RosterImportView(id, status, rs.getBoolean(2), rs.getInt(3), rs.getInt(4),
                        rs.getTimestamp(5).toInstant(), finished == null ? null : finished.toInstant(),
                        outcome == null ? null : json.readValue(outcome, RosterImportView.Outcome.class)));
            }
        } catch (SQLException | JsonProcessingException e) {
            throw new IllegalStateException("Cannot read roster import " + id, e);
        }
    }

    /**
     * On an employee's erasure: their id leaves every import's outcome of the tenant (and, for a leaver, the team with
     * it). The outcome names rows by their line in a file the admin still has, so the id next to a line would tie the
     * erased id to a name again. Runs in the erasure's transaction.
     *
     * @return how many imports named them
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public int forget(String tenant, UUID employeeId) {
        String id = employeeId.toString();
        int changed = 0;
        try (Connection c = dataSource.getConnection();
             PreparedStatement select = c.prepareStatement("select id, outcome from roster_import where tenant_id = ? "
                     + "and position(? in coalesce(outcome::text, '')) > 0")) {
            select.setString(1, tenant);
            select.setString(2, id);
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    RosterImportView.Outcome outcome = json.readValue(rs.getString(2), RosterImportView.Outcome.class);
                    try (PreparedStatement update = c.prepareStatement(
                            "update roster_import set outcome = cast(? as jsonb) where tenant_id = ? and id = ?")) {
                        update.setString(1, json.writeValueAsString(without(outcome, employeeId)));
                        update.setString(2, tenant);
                        update.setObject(3, rs.getObject(1, UUID.class));
                        changed += update.executeUpdate();
                    }
                }
            }
        } catch (SQLException | JsonProcessingException e) {
            throw new IllegalStateException("Cannot remove an erased employee from the roster imports", e);
        }
        return changed;
    }

    /** The outcome with the employee's id (and, as a leaver, their team) left out; every count stays as it was. */
    static RosterImportView.Outcome without(RosterImportView.Outcome outcome, UUID employeeId) {
        return new RosterImportView.Outcome(outcome.summary(), outcome.teams(),
                outcome.rows() == null ? null : outcome.rows().stream()
                        .map(r -> employeeId.equals(r.employeeId())
                                ? new RosterImportView.RowOutcome(r.line(), r.action(), null, r.createsTeam(), r.changes())
                                : r).toList(),
                outcome.leavers() == null ? null : outcome.leavers().stream()
                        .map(l -> employeeId.equals(l.employeeId())
                                ? new RosterImportView.LeaverOutcome(null, null, null, l.markedLeft())
                                : l).toList(),
                outcome.failure(), outcome.errors());
    }

    private interface Binder {
        void bind(PreparedStatement ps) throws SQLException;
    }

    private void update(String sql, Binder binder) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            binder.bind(ps);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot record a roster import", e);
        }
    }
}
