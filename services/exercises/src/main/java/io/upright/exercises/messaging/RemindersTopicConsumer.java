package io.upright.exercises.messaging;

import io.smallrye.common.annotation.Blocking;
import io.upright.contracts.reminders.BreakTaken;
import io.upright.exercises.session.ExerciseSessions;
import io.upright.contracts.UprightService;
import io.upright.platform.inbox.Consumption;
import io.upright.platform.inbox.IncomingEvent;
import io.upright.platform.inbox.TopicConsumer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * upright.reminders: {@code BreakTaken} (Done on a reminder) may log a session; other reminder events are
 * ignored. Whether it counts is the session service's rule.
 */
@ApplicationScoped
public class RemindersTopicConsumer implements TopicConsumer {

    @Inject
    Consumption consumption;

    @Inject
    ExerciseSessions sessions;

    @Incoming("reminders")
    @Blocking
    public void on(ConsumerRecords<String, byte[]> records) {
        consumption.consumeBatch(this, records);
    }

    @Override
    public String consumer() {
        return Consumers.INBOX;
    }

    @Override
    public String topic() {
        return UprightService.REMINDERS.topic();
    }

    @Override
    public void dispatch(IncomingEvent event) {
        if (event.payload() instanceof BreakTaken taken) {
            sessions.logFromReminder(event.tenant(), taken);
        }
    }
}
