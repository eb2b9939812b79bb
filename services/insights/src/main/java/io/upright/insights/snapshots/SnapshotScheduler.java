package io.upright.insights.snapshots;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

/**
 * Publishes closed weeks and due risk snapshots of every tenant on a schedule
 * ({@code upright.insights.snapshot-every}), so they are published close to a week's end even when nobody reads.
 * Reads publish what is due first as well, so what HR sees never depends on this job having run.
 */
@ApplicationScoped
public class SnapshotScheduler {

    private static final Logger LOG = Logger.getLogger(SnapshotScheduler.class);

    @Inject
    WeekSnapshots weeks;

    @Inject
    RiskSnapshots risks;

    @Scheduled(identity = "insights-snapshot-publication", every = "{upright.insights.snapshot-every}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    public void publishDue() {
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
            }
        }
    }
}
