package io.upright.platform.crypto;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.function.Supplier;

/**
 * A table of per-person keys wrapped by the master key, one row per (tenant, id): the data keys of a service
 * ({@code personal_data_key}) and the shared vault's topic keys ({@code vault.topic_key}). Moves a key wrapped under a
 * previous master key to the current one, one row or the whole table.
 */
final class WrappedKeys {

    private final String table;
    private final String idColumn;
    private final Supplier<MasterKeys> masterKeys;
    private final BiFunction<String, UUID, byte[]> context;

    /**
     * @param context the associated data each key is wrapped with, from its tenant and id
     */
    WrappedKeys(String table, String idColumn, Supplier<MasterKeys> masterKeys, BiFunction<String, UUID, byte[]> context) {
        this.table = table;
        this.idColumn = idColumn;
        this.masterKeys = masterKeys;
        this.context = context;
    }

    /**
     * Wraps every live key still under a previous master key under the current one, reading {@code batch} rows at a
     * time in (tenant, id) order.
     *
     * @return how many keys moved over
     */
    int rewrapAll(Connection c, int batch) throws SQLException {
        int moved = 0;
        String afterTenant = "";
        UUID afterId = new UUID(0, 0); // the smallest uuid PostgreSQL orders by (unsigned bytes)
        while (true) {
            int seen = 0;
            try (PreparedStatement ps = c.prepareStatement("select tenant_id, " + idColumn + ", wrapped_key from " + table
                    + " where wrapped_key is not null and (tenant_id, " + idColumn + ") > (?, ?) order by tenant_id, "
                    + idColumn + " limit ?")) {
                ps.setString(1, afterTenant);
                ps.setObject(2, afterId);
                ps.setInt(3, batch);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        seen++;
                        afterTenant = rs.getString(1);
                        afterId = rs.getObject(2, UUID.class);
                        byte[] wrapped = rs.getBytes(3);
                        MasterKeys.Unwrapped key = masterKeys.get().unwrap(wrapped, context.apply(afterTenant, afterId));
                        if (key.underPrevious() && rewrap(c, afterTenant, afterId, wrapped, key.raw())) {
                            moved++;
                        }
                    }
                }
            }
            if (seen < batch) {
                return moved;
            }
        }
    }

    /**
     * Replaces the stored wrapping with one under the current master key, unless another reader (in any instance or
     * service) already did or the key was destroyed meanwhile.
     */
    boolean rewrap(Connection c, String tenant, UUID id, byte[] wrapped, byte[] raw) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("update " + table + " set wrapped_key = ? "
                + "where tenant_id = ? and " + idColumn + " = ? and wrapped_key = ?")) {
            ps.setBytes(1, masterKeys.get().wrap(raw, context.apply(tenant, id)));
            ps.setString(2, tenant);
            ps.setObject(3, id);
            ps.setBytes(4, wrapped);
            return ps.executeUpdate() > 0;
        }
    }
}
