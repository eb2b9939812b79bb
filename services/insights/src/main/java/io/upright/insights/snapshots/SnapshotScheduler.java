package io.upright.insights.snapshots;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import io.quarkus.scheduler.Scheduled;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Publishes closed weeks and due risk snapshots of every tenant on a schedule
 * ({@code upright.insights.snapshot-every}), so they are published close to a week's end even when nobody reads.
 * Reads publish what is due first as well, so what HR sees never depends on this job having run.
 */
@Startup
@ApplicationScoped
public class SnapshotScheduler {

    private static final Logger LOG = Logger.getLogger(SnapshotScheduler.class);

    @Inject
    WeekSnapshots weeks;

    @Inject
    RiskSnapshots risks;

    @Inject
    MeterRegistry registry;

    @Inject
    Clock clock;

    /** When a round last published every tenant's due snapshots; the service's start until one has. */
    private volatile Instant lastComplete;

    @PostConstruct
    void register() {
        lastComplete = clock.instant();
        Gauge.builder("upright.insights.snapshot.age", this, s -> Math.max(0, Duration.between(s.lastComplete, s.clock.instant()).toMillis() / 1000.0))
                .description("Time since a round last published every tenant's due snapshots; grows while a tenant's fail")
                .baseUnit("seconds")
                .register(registry);
    }

    @Scheduled(identity = "insights-snapshot-publication", every = "{upright.insights.snapshot-every}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    public void publishDue() {
        boolean complete = true;
        for (String tenant : weeks.tenants()) {
            try {
                int published = weeks.publishClosedWeeks(tenant);
                risks.current(tenant);
                if (published > 0) {
                    LOG.debugf("published %d closed weeks", published);
                }
            } catch (RuntimeException e) {
                // one tenant's failure must not stop the others' publication; the next round or read retries
                LOG.warn("Cannot publish a tenant's insights snapshots", e);
                complete = false;
            }
        }
        if (complete) {
            lastComplete = clock.instant();
        }
    }
}
