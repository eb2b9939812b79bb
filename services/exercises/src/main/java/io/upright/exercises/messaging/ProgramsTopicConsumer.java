package io.upright.exercises.messaging;

import io.smallrye.common.annotation.Blocking;
import io.upright.contracts.programs.EmployeeErased;
import io.upright.exercises.personaldata.ExercisesErasure;
import io.upright.platform.inbox.Inbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** upright.programs: {@code EmployeeErased} forgets the employee here; other program events are ignored. */
@ApplicationScoped
public class ProgramsTopicConsumer {

    @Inject
    Inbox inbox;

    @Inject
    ExercisesErasure erasure;

    @Incoming("programs")
    @Blocking
    @Transactional
    public void on(ConsumerRecord<String, byte[]> record) {
        inbox.accept(Consumers.INBOX, record).ifPresent(event -> {
            if (event.payload() instanceof EmployeeErased erased) {
                erasure.erase(event.tenant(), erased.employeeId());
            }
        });
    }
}
