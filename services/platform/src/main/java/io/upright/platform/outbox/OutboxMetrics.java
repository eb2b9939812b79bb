package io.upright.platform.outbox;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import io.upright.platform.metrics.Sampled;
import jakarta.inject.Inject;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;

/**
 * The outbox as an operator watches it: rows waiting for the relay and how long the oldest has waited (a relay that
 * is stuck or a broker that is away shows here first), and what the relay published or failed to.
 * <ul>
 *   <li>{@code upright_outbox_backlog}: rows committed and not yet acknowledged by Kafka;</li>
 *   <li>{@code upright_outbox_oldest_age_seconds}: how long the oldest of them has waited, 0 when none does;</li>
 *   <li>{@code upright_outbox_published_total}, {@code upright_outbox_publish_failures_total}: records Kafka
 *       acknowledged, and sends it refused (each is retried).</li>
 * </ul>
 */
@Startup
@ApplicationScoped
public class OutboxMetrics {

    /** Rows pending, and the age in seconds of the oldest. */
    private record Backlog(long rows, double oldestAgeSeconds) {
    }

    @Inject
    MeterRegistry registry;

    @Inject
    DataSource dataSource;

    @Inject
    Clock clock;

    private Counter published;
    private Counter failures;
    private Sampled<Backlog> backlog;

    @PostConstruct
    void register() {
        backlog = new Sampled<>(this::readBacklog, Duration.ofSeconds(5), clock);
        Gauge.builder("upright.outbox.backlog", this, m -> m.backlog(b -> b.rows()))
                .description("Outbox rows committed and not yet acknowledged by Kafka")
                .register(registry);
        Gauge.builder("upright.outbox.oldest.age", this, m -> m.backlog(Backlog::oldestAgeSeconds))
                .description("How long the oldest unpublished outbox row has waited; 0 when none waits")
                .baseUnit("seconds")
                .register(registry);
        published = Counter.builder("upright.outbox.published")
                .description("Outbox records Kafka acknowledged")
                .register(registry);
        failures = Counter.builder("upright.outbox.publish.failures")
                .description("Outbox records Kafka refused; each is sent again later")
                .register(registry);
    }

    void published(int records) {
        published.increment(records);
    }

    void failed() {
        failures.increment();
    }

    private double backlog(java.util.function.ToDoubleFunction<Backlog> field) {
        Backlog now = backlog.get();
        return now == null ? Double.NaN : field.applyAsDouble(now);
    }

    private Backlog readBacklog() {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("select count(*), min(occurred_at) from outbox where published_at is null");
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            Timestamp oldest = rs.getTimestamp(2);
            // against the clock that stamped the rows, not the database's
            double age = oldest == null ? 0 : Math.max(0, Duration.between(oldest.toInstant(), clock.instant()).toMillis() / 1000.0);
            return new Backlog(rs.getLong(1), age);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the outbox backlog", e);
        }
    }
}
