package io.upright.exercises.privacy;

import io.smallrye.common.annotation.Blocking;
import io.upright.contracts.programs.EmployeeErased;
import io.upright.exercises.recommendation.Recommendations;
import io.upright.exercises.session.ExerciseSessions;
import io.upright.platform.api.IdempotentRequests;
import io.upright.platform.inbox.Inbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Forgets an erased employee ({@code EmployeeErased} on upright.programs): their recommendation stream, their
 * session streams and rows, and the stored answers to their idempotent POSTs. Events already published stay
 * where they are, so counts other services made from them are unaffected. Other program events are ignored.
 */
@ApplicationScoped
public class ProgramsConsumer {

    static final String CONSUMER = "exercises";

    @Inject
    Inbox inbox;

    @Inject
    Recommendations recommendations;

    @Inject
    ExerciseSessions sessions;

    @Inject
    IdempotentRequests idempotency;

    @Incoming("programs")
    @Blocking
    @Transactional
    public void on(ConsumerRecord<String, byte[]> record) {
        inbox.accept(CONSUMER, record).ifPresent(event -> {
            if (event.payload() instanceof EmployeeErased erased) {
                recommendations.erase(event.tenant(), erased.employeeId());
                sessions.erase(event.tenant(), erased.employeeId());
                idempotency.forget(event.tenant(), erased.employeeId().toString());
            }
        });
    }
}
