package io.upright.exercises.messaging;

import io.smallrye.common.annotation.Blocking;
import io.upright.contracts.programs.EmployeeErased;
import io.upright.exercises.personaldata.ExercisesErasure;
import io.upright.contracts.UprightService;
import io.upright.platform.inbox.Consumption;
import io.upright.platform.inbox.IncomingEvent;
import io.upright.platform.inbox.TopicConsumer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** upright.programs: {@code EmployeeErased} forgets the employee here; other program events are ignored. */
@ApplicationScoped
public class ProgramsTopicConsumer implements TopicConsumer {

    @Inject
    Consumption consumption;

    @Inject
    ExercisesErasure erasure;

    @Incoming("programs")
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
        return UprightService.PROGRAMS.topic();
    }

    @Override
    public void dispatch(IncomingEvent event) {
        if (event.payload() instanceof EmployeeErased erased) {
            erasure.erase(event.tenant(), erased.employeeId());
        }
    }
}
