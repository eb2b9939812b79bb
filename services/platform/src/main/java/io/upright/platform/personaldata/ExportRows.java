package io.upright.platform.personaldata;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Reads the rows of one person for an export part, column by column, as JSON-friendly values: exporting whole rows
 * means a column added later is exported too, without anyone remembering to.
 */
public final class ExportRows {

    private ExportRows() {
    }

    /** @param sql a query with exactly two parameters: the tenant, then the employee id */
    public static List<Map<String, Object>> of(Connection c, String sql, String tenant, UUID employeeId) throws SQLException {
        List<Map<String, Object>> rows = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, tenant);
            ps.setObject(2, employeeId);
            try (ResultSet rs = ps.executeQuery()) {
                ResultSetMetaData meta = rs.getMetaData();
                while (rs.next()) {
                    Map<String, Object> row = new LinkedHashMap<>();
                    for (int i = 1; i <= meta.getColumnCount(); i++) {
                        row.put(meta.getColumnLabel(i), plain(rs.getObject(i)));
                    }
                    rows.add(row);
                }
            }
        }
        return rows;
    }

    /** Instants as ISO-8601 text, arrays as lists, numbers, booleans and text as they are, anything else as text. */
    static Object plain(Object value) throws SQLException {
        if (value == null || value instanceof Number || value instanceof Boolean || value instanceof String) {
            return value;
        }
        if (value instanceof Timestamp timestamp) {
            return timestamp.toInstant().toString();
        }
        if (value instanceof Array array) {
            List<Object> items = new ArrayList<>();
            for (Object item : (Object[]) array.getArray()) {
                items.add(plain(item));
            }
            return items;
        }
        if (value instanceof UUID uuid) {
            return uuid.toString();
        }
        return value.toString();
    }
}
