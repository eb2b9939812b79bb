package io.upright.insights.settings;

import io.quarkus.runtime.StartupEvent;
import io.upright.contracts.insights.AnonymityThresholdChanged;
import io.upright.insights.InsightsConfig;
import io.upright.insights.ReadModelChanged;
import io.upright.insights.anonymity.AnonymityPolicy;
import io.upright.platform.domain.Rejection;
import io.upright.platform.outbox.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

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
 * The anonymity policy in force for a tenant: the service's threshold, or the tenant's own stricter one. Every
 * endpoint, the CSV and the page get their policy here, so a tenant's {@code k} applies everywhere at once; every
 * change is published as {@link AnonymityThresholdChanged} on {@code upright.insights}, so the other services that
 * show figures about groups (assessments' campaign coverage) apply it too.
 */
@ApplicationScoped
public class TenantSettings {

    private static final Logger LOG = Logger.getLogger(TenantSettings.class);

    private final AnonymityPolicy servicePolicy;

    @Inject
    Event<ReadModelChanged> readModelChanged;

    @Inject
    DataSource dataSource;

    @Inject
    Clock clock;

    @Inject
    Outbox outbox;

    /** One change of a tenant's threshold; {@code previous} is null when the service's threshold was in force. */
    public record ThresholdChange(String changedBy, Instant changedAt, Integer previous, int threshold) {
    }

    @Inject
    TenantSettings(InsightsConfig config) {
        this.servicePolicy = new AnonymityPolicy(config.anonymityThreshold());
    }

    void warnWhenClamped(@Observes StartupEvent started) {
        if (servicePolicy.clamped()) {
            LOG.warnf("upright.insights.anonymity-threshold is below the minimum; using %d", servicePolicy.threshold());
        }
    }

    public AnonymityPolicy servicePolicy() {
        return servicePolicy;
    }

    public AnonymityPolicy policyFor(String tenant) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("select anonymity_threshold from insights_settings where tenant_id = ?")) {
            ps.setString(1, tenant);
            try (ResultSet rs = ps.executeQuery()) {
                return servicePolicy.forTenant(rs.next() ? rs.getInt(1) : null);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the tenant's insights settings", e);
        }
    }

    /**
     * Raises (or keeps) the tenant's threshold; a value below the service's own is refused with 400. A change is
     * recorded with who made it, when, and the values before and after, and published as
     * {@link AnonymityThresholdChanged} through the outbox in the same transaction; setting the value in force records
     * and publishes nothing.
     */
    @Transactional
    public AnonymityPolicy setThreshold(String tenant, int requested, String changedBy) {
        servicePolicy.refuseTenantThreshold(requested).ifPresent(message -> {
            throw Rejection.invalid("anonymityThreshold", message);
        });
        try (Connection c = dataSource.getConnection()) {
            Integer previous = null;
            try (PreparedStatement ps = c.prepareStatement(
                    "select anonymity_threshold from insights_settings where tenant_id = ? for update")) {
                ps.setString(1, tenant);
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) {
                        previous = rs.getInt(1);
                    }
                }
            }
            if (previous != null && previous == requested) {
                return servicePolicy.forTenant(requested);
            }
            Instant changedAt = Instant.now(clock);
            try (PreparedStatement ps = c.prepareStatement("insert into insights_settings (tenant_id, anonymity_threshold) "
                    + "values (?, ?) on conflict (tenant_id) do update set anonymity_threshold = excluded.anonymity_threshold")) {
                ps.setString(1, tenant);
                ps.setInt(2, requested);
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("insert into insights_threshold_change "
                    + "(tenant_id, changed_by, changed_at, previous_threshold, new_threshold) values (?, ?, ?, ?, ?)")) {
                ps.setString(1, tenant);
                ps.setString(2, changedBy);
                ps.setTimestamp(3, Timestamp.from(changedAt));
                ps.setObject(4, previous);
                ps.setInt(5, requested);
                ps.executeUpdate();
            }
            // the change and its publication commit together: no k in force that the other services never hear of
            int inForceBefore = servicePolicy.forTenant(previous).threshold();
            outbox.enqueue(tenant, new AnonymityThresholdChanged(requested, inForceBefore, changedAt));
            readModelChanged.fire(new ReadModelChanged(tenant));
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot store the tenant's insights settings", e);
        }
        return servicePolicy.forTenant(requested);
    }

    /** The tenant's threshold changes, newest first. */
    public List<ThresholdChange> changes(String tenant) {
        List<ThresholdChange> changes = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("select changed_by, changed_at, previous_threshold, new_threshold "
                     + "from insights_threshold_change where tenant_id = ? order by changed_at desc, id desc")) {
            ps.setString(1, tenant);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    changes.add(new ThresholdChange(rs.getString(1), rs.getTimestamp(2).toInstant(),
                            (Integer) rs.getObject(3), rs.getInt(4)));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the tenant's threshold changes", e);
        }
        return changes;
    }
}
