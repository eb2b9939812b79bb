package io.upright.assessments.messaging;

import io.smallrye.common.annotation.Blocking;
import io.upright.assessments.campaign.TenantThresholds;
import io.upright.contracts.insights.AnonymityThresholdChanged;
import io.upright.platform.inbox.Inbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Consumer of {@code upright.insights}: {@code AnonymityThresholdChanged} goes to the tenant's threshold, which
 * campaign coverage then applies; other event types are ignored. The inbox and the effect share one transaction,
 * so a redelivery is a no-op.
 */
@ApplicationScoped
public class InsightsTopicConsumer {

    @Inject
    Inbox inbox;

    @Inject
    TenantThresholds thresholds;

    @Incoming("insights")
    @Blocking
    @Transactional
    public void on(ConsumerRecord<String, byte[]> record) {
        inbox.accept(ProgramsTopicConsumer.CONSUMER, record).ifPresent(event -> {
            if (event.payload() instanceof AnonymityThresholdChanged changed) {
                thresholds.remember(event.tenant(), changed.threshold(), changed.changedAt());
            }
        });
    }
}
