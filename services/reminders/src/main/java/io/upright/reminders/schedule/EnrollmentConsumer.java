package io.upright.reminders.schedule;

import io.smallrye.common.annotation.Blocking;
import io.upright.contracts.programs.EmployeeEnrolled;
import io.upright.platform.inbox.Inbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Gives every newly enrolled employee a break schedule. Other programs events are not ours to handle. */
@ApplicationScoped
public class EnrollmentConsumer {

    static final String CONSUMER = "reminders";

    @Inject
    Inbox inbox;

    @Inject
    Schedules schedules;

    @Incoming("programs")
    @Blocking
    @Transactional
    public void on(ConsumerRecord<String, byte[]> record) {
        inbox.accept(CONSUMER, record).ifPresent(event -> {
            if (event.payload() instanceof EmployeeEnrolled enrolled) {
                schedules.onEnrolled(event.tenant(), enrolled);
            }
        });
    }
}
