package io.upright.assessments.messaging;

import io.smallrye.common.annotation.Blocking;
import io.upright.assessments.campaign.TenantThresholds;
import io.upright.contracts.insights.AnonymityThresholdChanged;
import io.upright.contracts.UprightService;
import io.upright.platform.inbox.Consumption;
import io.upright.platform.inbox.IncomingEvent;
import io.upright.platform.inbox.TopicConsumer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Consumer of {@code upright.insights}: {@code AnonymityThresholdChanged} goes to the tenant's threshold, which
 * campaign coverage then applies; other event types are ignored. The inbox and the effect share one transaction,
 * so a redelivery is a no-op.
 */
@ApplicationScoped
public class InsightsTopicConsumer implements TopicConsumer {

    @Inject
    Consumption consumption;

    @Inject
    TenantThresholds thresholds;

    @Incoming("insights")
    @Blocking
    public void on(ConsumerRecords<String, byte[]> records) {
        consumption.consumeBatch(this, records);
    }

    @Override
    public String consumer() {
        return ProgramsTopicConsumer.CONSUMER;
    }

    @Override
    public String topic() {
        return UprightService.INSIGHTS.topic();
    }

    @Override
    public void dispatch(IncomingEvent event) {
        if (event.payload() instanceof AnonymityThresholdChanged changed) {
            thresholds.remember(event.tenant(), changed.threshold(), changed.changedAt());
        }
    }
}
