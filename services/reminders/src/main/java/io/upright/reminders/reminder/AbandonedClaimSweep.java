package io.upright.reminders.reminder;

import io.quarkus.scheduler.Scheduled;
import io.upright.reminders.RemindersConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Settles reminders an engine claimed and never settled (it died mid-call): once their claim lease is over they are
 * recorded as failed, never sent again. A side job: it need not run the moment something commits.
 */
@ApplicationScoped
public class AbandonedClaimSweep {

    private static final Logger LOG = Logger.getLogger(AbandonedClaimSweep.class);

    @Inject
    ReminderDeliveries deliveries;

    @Inject
    RemindersConfig config;

    @Inject
    Clock clock;

    @Scheduled(identity = "abandoned-claim-sweep", every = "{upright.reminders.abandoned-claim-sweep-every}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void sweep() {
        if (config.engineEnabled()) {
            sweepOnce();
        }
    }

    /** @return how many abandoned claims were settled */
    public int sweepOnce() {
        Instant now = Instant.now(clock);
        int settled = 0;
        int page;
        // a dead instance may have left more than one page of claims (several batches, several instances)
        do {
            page = deliveries.failAbandoned(now.minus(claimLease()), now);
            settled += page;
        } while (page == ReminderDeliveries.ABANDONED_PAGE);
        if (settled > 0) {
            LOG.warnf("Recorded %d reminders abandoned mid-delivery as failed", settled);
        }
        return settled;
    }

    /** How long a claim may stay 'sending' before the engine that took it counts as dead. */
    Duration claimLease() {
        if (config.engineClaimLease().isPresent()) {
            return config.engineClaimLease().get();
        }
        Duration tenCalls = config.deliveryTimeout().multipliedBy(10);
        return tenCalls.compareTo(Duration.ofMinutes(1)) > 0 ? tenCalls : Duration.ofMinutes(1);
    }
}
