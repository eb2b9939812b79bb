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
