package io.upright.reminders.messaging;

import io.smallrye.common.annotation.Blocking;
import io.upright.contracts.exercises.RoutineRecommended;
import io.upright.platform.inbox.Inbox;
import io.upright.reminders.routine.EmployeeRoutines;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** {@code upright.exercises}: a recommended routine becomes the employee's break suggestion; other types are not ours. */
@ApplicationScoped
public class ExercisesTopicConsumer {

    static final String CONSUMER = "reminders";

    @Inject
    Inbox inbox;

    @Inject
    EmployeeRoutines routines;

    @Incoming("exercises")
    @Blocking
    @Transactional
    public void on(ConsumerRecord<String, byte[]> record) {
        inbox.accept(CONSUMER, record).ifPresent(event -> {
            if (event.payload() instanceof RoutineRecommended recommended) {
                routines.onRecommended(event.tenant(), recommended);
            }
        });
    }
}
