package io.upright.exercises.messaging;

import io.smallrye.common.annotation.Blocking;
import io.upright.contracts.reminders.BreakTaken;
import io.upright.exercises.session.ExerciseSessions;
import io.upright.platform.inbox.Inbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * upright.reminders: {@code BreakTaken} (Done on a reminder) may log a session; other reminder events are
 * ignored. Whether it counts is the session service's rule.
 */
@ApplicationScoped
public class RemindersTopicConsumer {

    @Inject
    Inbox inbox;

    @Inject
    ExerciseSessions sessions;

    @Incoming("reminders")
    @Blocking
    @Transactional
    public void on(ConsumerRecord<String, byte[]> record) {
        inbox.accept(Consumers.INBOX, record).ifPresent(event -> {
            if (event.payload() instanceof BreakTaken taken) {
                sessions.logFromReminder(event.tenant(), taken);
            }
        });
    }
}
