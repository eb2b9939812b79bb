package io.upright.insights.audit;

import io.upright.platform.api.Page;
import io.upright.platform.identity.CurrentUser;
import io.upright.platform.identity.Roles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The trail of HR and admin reads of insights: who read which figures, and when. Every endpoint and page that shows
 * figures records itself here before answering, so the trail holds attempts too (a read of an unknown program).
 */
@ApplicationScoped
public class ReadAudit {

    /** One read: {@code what} names the figures (e.g. {@code program 5e… weeks=8}), never a person. */
    public record Read(String reader, String roles, String what, Instant readAt) {
    }

    @Inject
    DataSource dataSource;

    @Inject
    CurrentUser user;

    @Inject
    Clock clock;

    public void record(String what) {
        String roles = String.join(",", List.of(Roles.HR, Roles.ADMIN).stream().filter(user::hasRole).toList());
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement(
                     "insert into insights_read_audit (tenant_id, reader, roles, what, read_at) values (?, ?, ?, ?, ?)")) {
            ps.setString(1, user.tenant());
            ps.setString(2, user.subject());
            ps.setString(3, roles);
            ps.setString(4, what);
            ps.setTimestamp(5, Timestamp.from(Instant.now(clock)));
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot record a read of insights", e);
        }
    }

    /** The tenant's reads, newest first. */
    public Page<Read> reads(String tenant, int page, int size) {
        List<Read> reads = new ArrayList<>();
        long total;
        try (Connection c = dataSource.getConnection()) {
            try (PreparedStatement ps = c.prepareStatement("select reader, roles, what, read_at from insights_read_audit "
                    + "where tenant_id = ? order by read_at desc, id desc offset ? limit ?")) {
                ps.setString(1, tenant);
                ps.setLong(2, (long) page * size);
                ps.setInt(3, size);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        reads.add(new Read(rs.getString(1), rs.getString(2), rs.getString(3), rs.getTimestamp(4).toInstant()));
                    }
                }
            }
            try (PreparedStatement ps = c.prepareStatement("select count(*) from insights_read_audit where tenant_id = ?")) {
                ps.setString(1, tenant);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    total = rs.getLong(1);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the insights read trail", e);
        }
        return new Page<>(reads, page, size, total);
    }
}
