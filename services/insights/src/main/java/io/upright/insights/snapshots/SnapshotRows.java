package io.upright.insights.snapshots;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** Plain JDBC for the published tables (weeks, risk snapshots, sitting outcomes), on the connection of the caller's transaction. */
public final class SnapshotRows {

    public interface RowMapper<T> {
        T map(ResultSet rs) throws SQLException;
    }

    private SnapshotRows() {
    }

    public static <T> List<T> query(DataSource dataSource, String sql, RowMapper<T> mapper, Object... params) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, params);
            List<T> rows = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(mapper.map(rs));
                }
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read insights snapshots", e);
        }
    }

    public static void bind(PreparedStatement ps, Object... params) throws SQLException {
        for (int i = 0; i < params.length; i++) {
            ps.setObject(i + 1, params[i]);
        }
    }

    /** Serialises publication per tenant: a scheduled round and a read never publish the same week twice. */
    public static void lockTenant(DataSource dataSource, String tenant) {
        query(dataSource, "select pg_advisory_xact_lock(hashtext('insights-snapshot:' || ?))", rs -> 1, tenant);
    }

    /** Runs one insert, update or delete; returns the rows it changed. */
    public static int update(DataSource dataSource, String sql, Object... params) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, params);
            return ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot write insights snapshots", e);
        }
    }
}
