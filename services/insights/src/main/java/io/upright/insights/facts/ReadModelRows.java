package io.upright.insights.facts;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/** One read-model write as a prepared statement, on the connection of the caller's transaction. */
public final class ReadModelRows {

    private ReadModelRows() {
    }

    /** @return how many rows the statement changed */
    public static int update(DataSource dataSource, String sql, Object... values) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                ps.setObject(i + 1, values[i]);
            }
            return ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot write an insights read model", e);
        }
    }
}
