package io.upright.insights.messaging;

import io.smallrye.common.annotation.Blocking;
import io.upright.contracts.UprightService;
import io.upright.contracts.reminders.BreakReminderSent;
import io.upright.contracts.reminders.BreakSkipped;
import io.upright.contracts.reminders.BreakSnoozed;
import io.upright.contracts.reminders.BreakTaken;
import io.upright.contracts.reminders.ReminderDeliveryFailed;
import io.upright.contracts.reminders.ReminderExpired;
import io.upright.insights.ReadModelChanged;
import io.upright.insights.facts.FactProjection;
import io.upright.platform.inbox.Consumption;
import io.upright.platform.inbox.IncomingEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * {@code upright.reminders}: reminders sent, expired or undeliverable and breaks taken, snoozed or skipped go to
 * the facts.
 * Each record is accepted by the inbox and applied in the transaction of its batch, so a redelivery has no second
 * effect.
 * Unreadable records go to {@code upright.insights.dlq} (channel configuration).
 */
@ApplicationScoped
public class RemindersTopicConsumer implements TopicConsumer {

    @Inject
    Event<ReadModelChanged> readModelChanged;

    @Inject
    Consumption consumption;

    @Inject
    FactProjection facts;

    @Override
    public String topic() {
        return UprightService.REMINDERS.topic();
    }

    @Incoming("reminders")
    @Blocking
    public void consume(ConsumerRecords<String, byte[]> records) {
        consumption.consumeBatch(this, records);
    }

    @Override
    public void dispatch(IncomingEvent event) {
        readModelChanged.fire(new ReadModelChanged(event.tenant()));
        String tenant = event.tenant();
        Object payload = event.payload();
        if (payload instanceof BreakReminderSent sent) {
            facts.breakReminderSent(tenant, sent);
        } else if (payload instanceof BreakTaken taken) {
            facts.breakTaken(tenant, event.id(), taken);
        } else if (payload instanceof BreakSnoozed snoozed) {
            facts.breakSnoozed(tenant, event.id(), snoozed);
        } else if (payload instanceof BreakSkipped skipped) {
            facts.breakSkipped(tenant, event.id(), skipped);
        } else if (payload instanceof ReminderExpired expired) {
            facts.reminderExpired(tenant, event.id(), expired);
        } else if (payload instanceof ReminderDeliveryFailed failed) {
            facts.reminderDeliveryFailed(tenant, event.id(), failed);
        }
    }
}
