package io.upright.assessments.campaign;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;

/**
 * Each tenant's anonymity threshold {@code k}, as its admin set it in insights and insights published it
 * ({@code AnonymityThresholdChanged}, applied by {@code messaging.InsightsTopicConsumer}). {@link Campaigns#coverage}
 * reads it with the counts and uses the larger of it and the service's own threshold.
 */
@ApplicationScoped
public class TenantThresholds {

    @Inject
    DataSource dataSource;

    /**
     * Keeps the tenant's latest change: a change older than the one kept (a record published late) changes nothing.
     *
     * @return whether the tenant's threshold is now {@code threshold}
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean remember(String tenant, int threshold, Instant changedAt) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement(
                     "insert into tenant_anonymity_threshold (tenant_id, threshold, changed_at) values (?, ?, ?) "
                             + "on conflict (tenant_id) do update set threshold = excluded.threshold, changed_at = excluded.changed_at "
                             + "where tenant_anonymity_threshold.changed_at <= excluded.changed_at")) {
            ps.setString(1, tenant);
            ps.setInt(2, threshold);
            ps.setObject(3, changedAt.atOffset(ZoneOffset.UTC));
            return ps.executeUpdate() == 1;
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot record a tenant's anonymity threshold", e);
        }
    }
}
