package io.upright.insights.programs;

import io.upright.insights.InsightsConfig;
import io.upright.insights.ReadModelChanged;
import io.upright.insights.programs.ProgramViews.ProgramInsight;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * The program views HR reads ({@code GET /api/insights/programs/{id}}, its CSV, the dashboard page), kept between
 * changes: computing one reads a dozen tables and the risk snapshot, and HR's dashboards ask for the same view again
 * and again while nothing changed. Everything that writes what a view is computed from fires {@link ReadModelChanged}:
 * the topic consumers (and so erasure and replay, which go through them), the snapshot publications, the threshold
 * and the replay's swap. See {@link TenantViews}.
 */
@ApplicationScoped
public class ProgramViewCache {

    /** What a view is computed from, beside the tenant's rows: the clock's day and last closed week move it too. */
    record Key(UUID programId, int weeks, String isoWeek, LocalDate today, LocalDate lastClosed) {
    }

    @Inject
    InsightsConfig config;

    @Inject
    TransactionSynchronizationRegistry transactions;

    @Inject
    Clock clock;

    private TenantViews<Key, ProgramInsight> views;

    @PostConstruct
    void create() {
        views = new TenantViews<>(config.programViewMaxAge(), 1_000);
    }

    ProgramInsight get(String tenant, Key key, Supplier<ProgramInsight> compute) {
        return views.get(tenant, key, Instant.now(clock), compute);
    }

    /**
     * Something a view of the tenant is computed from changes in the current transaction (if any): the tenant's views
     * are dropped now, so none is served from before the change, and again once it committed, so none computed while
     * it was being written is kept.
     */
    void onChange(@Observes ReadModelChanged change) {
        if (change.tenant() == null) {
            changedAll();
        } else {
            changed(change.tenant());
        }
    }

    public void changed(String tenant) {
        views.changed(tenant);
        afterCompletion("program-views:" + tenant, () -> views.changed(tenant));
    }

    /** The whole read model was rebuilt. */
    public void changedAll() {
        views.changedAll();
        afterCompletion("program-views:*", views::changedAll);
    }

    /** Once per transaction and resource, however many events of a batch call it. */
    private void afterCompletion(String resource, Runnable action) {
        if (transactions.getTransactionStatus() != Status.STATUS_ACTIVE || transactions.getResource(resource) != null) {
            return;
        }
        transactions.putResource(resource, Boolean.TRUE);
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                action.run();
            }
        });
    }
}
