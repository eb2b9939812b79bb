package io.upright.exercises.session;

import io.smallrye.common.annotation.Blocking;
import io.upright.contracts.reminders.BreakTaken;
import io.upright.platform.inbox.Inbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Logs a session when an employee presses Done on a reminder that suggested a routine ({@code BreakTaken} with
 * activity {@code routine}); other reminder events are ignored. The inbox makes a redelivery a no-op.
 */
@ApplicationScoped
public class RemindersConsumer {

    static final String CONSUMER = "exercises";

    @Inject
    Inbox inbox;

    @Inject
    ExerciseSessions sessions;

    @Incoming("reminders")
    @Blocking
    @Transactional
    public void on(ConsumerRecord<String, byte[]> record) {
        inbox.accept(CONSUMER, record).ifPresent(event -> {
            if (event.payload() instanceof BreakTaken taken) {
                sessions.logFromReminder(event.tenant(), taken);
            }
        });
    }
}
