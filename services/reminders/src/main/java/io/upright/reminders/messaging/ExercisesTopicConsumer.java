package io.upright.reminders.messaging;

import io.smallrye.common.annotation.Blocking;
import io.upright.contracts.exercises.RoutineRecommended;
import io.upright.contracts.UprightService;
import io.upright.platform.inbox.Consumption;
import io.upright.platform.inbox.IncomingEvent;
import io.upright.platform.inbox.TopicConsumer;
import io.upright.reminders.routine.EmployeeRoutines;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** {@code upright.exercises}: a recommended routine becomes the employee's break suggestion; other types are not ours. */
@ApplicationScoped
public class ExercisesTopicConsumer implements TopicConsumer {

    static final String CONSUMER = "reminders";

    @Inject
    Consumption consumption;

    @Inject
    EmployeeRoutines routines;

    @Incoming("exercises")
    @Blocking
    public void on(ConsumerRecords<String, byte[]> records) {
        consumption.consumeBatch(this, records);
    }

    @Override
    public String consumer() {
        return CONSUMER;
    }

    @Override
    public String topic() {
        return UprightService.EXERCISES.topic();
    }

    @Override
    public void dispatch(IncomingEvent event) {
        if (event.payload() instanceof RoutineRecommended recommended) {
            routines.onRecommended(event.tenant(), recommended);
        }
    }
}
