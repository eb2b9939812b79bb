package io.upright.contracts.insights;

import io.upright.contracts.IntegrationEvent;

import java.time.Instant;

/**
 * A tenant's admin changed the tenant's anonymity threshold {@code k} in insights: from now on no figure about a group
 * of fewer than {@code threshold} people may be shown anywhere in the tenant. It names no one (not even the admin:
 * insights keeps that on its own trail); the tenant is the record's {@code ce_tenant}. Other services that show
 * figures about groups (assessments' campaign coverage) use the larger of their own floor and this value.
 *
 * @param threshold         the tenant's k now in force (never below the service's floor of 5)
 * @param previousThreshold the k in force before the change (the service's own when the tenant had set none)
 * @param changedAt         when the admin made the change; a consumer keeps the latest change of a tenant
 */
public record AnonymityThresholdChanged(int threshold, int previousThreshold, Instant changedAt) implements IntegrationEvent {

    /**
     * Subject and record key of every such event: the tenant's anonymity setting. One key keeps every tenant's
     * changes on one partition, so each tenant's changes are read in the order they were made.
     */
    public static final String SETTING = "anonymity-threshold";

    @Override
    public String subject() {
        return SETTING;
    }

    @Override
    public String key() {
        return SETTING;
    }
}
