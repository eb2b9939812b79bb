package io.upright.insights.messaging;

import io.smallrye.common.annotation.Blocking;
import io.upright.contracts.Upcasts;
import io.upright.contracts.UprightService;
import io.upright.contracts.exercises.ExerciseSessionCompletedV2;
import io.upright.contracts.exercises.RoutineRecommended;
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
 * {@code upright.exercises}: recommended routines and completed exercise sessions (v2, and v1 read as v2) go to the
 * facts.
 * Each record is accepted by the inbox and applied in the transaction of its batch, so a redelivery has no second
 * effect.
 * Unreadable records go to {@code upright.insights.dlq} (channel configuration).
 */
@ApplicationScoped
public class ExercisesTopicConsumer implements TopicConsumer {

    @Inject
    Event<ReadModelChanged> readModelChanged;

    @Inject
    Consumption consumption;

    @Inject
    FactProjection facts;

    @Override
    public String topic() {
        return UprightService.EXERCISES.topic();
    }

    @Incoming("exercises")
    @Blocking
    public void consume(ConsumerRecords<String, byte[]> records) {
        consumption.consumeBatch(this, records);
    }

    @Override
    public void dispatch(IncomingEvent event) {
        readModelChanged.fire(new ReadModelChanged(event.tenant()));
        String tenant = event.tenant();
        // a v1 session (an old producer's record, or a replay of one) takes exactly the v2 path
        Object payload = Upcasts.latest(event.payload());
        if (payload instanceof RoutineRecommended recommended) {
            facts.routineRecommended(tenant, event.id(), recommended);
        } else if (payload instanceof ExerciseSessionCompletedV2 session) {
            facts.exerciseSessionCompleted(tenant, event.id(), session);
        }
    }
}
