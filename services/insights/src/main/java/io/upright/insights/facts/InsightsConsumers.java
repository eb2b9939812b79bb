package io.upright.insights.facts;

import io.quarkus.narayana.jta.runtime.TransactionConfiguration;
import io.smallrye.common.annotation.Blocking;
import io.upright.platform.inbox.Inbox;
import io.upright.platform.inbox.IncomingEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;


/**
 * Insights listens to every topic and publishes nothing. Each record is accepted by the inbox and applied in
 * one transaction, so a redelivery has no second effect; types insights does not use are accepted and ignored.
 * Unreadable records go to {@code upright.insights.dlq} (channel configuration).
 */
@ApplicationScoped
public class InsightsConsumers {

    /** The inbox consumer name; the replay re-registers records under the same name. */
    public static final String CONSUMER = "insights";

    /**
     * A record that arrives while a replay holds the read-model tables waits for the replay's commit rather than
     * timing out (and landing on the dead-letter topic); longer than the default replay timeout of 10 minutes.
     */
    static final int WAIT_FOR_REPLAY_SECONDS = 900;

    @Inject
    Inbox inbox;

    @Inject
    Projector projector;

    @Incoming("programs")
    @Blocking
    @Transactional
    @TransactionConfiguration(timeout = WAIT_FOR_REPLAY_SECONDS)
    public void onPrograms(ConsumerRecord<String, byte[]> record) {
        inbox.accept(CONSUMER, record).ifPresent(this::apply);
    }

    @Incoming("assessments")
    @Blocking
    @Transactional
    @TransactionConfiguration(timeout = WAIT_FOR_REPLAY_SECONDS)
    public void onAssessments(ConsumerRecord<String, byte[]> record) {
        inbox.accept(CONSUMER, record).ifPresent(this::apply);
    }

    @Incoming("exercises")
    @Blocking
    @Transactional
    @TransactionConfiguration(timeout = WAIT_FOR_REPLAY_SECONDS)
    public void onExercises(ConsumerRecord<String, byte[]> record) {
        inbox.accept(CONSUMER, record).ifPresent(this::apply);
    }

    @Incoming("reminders")
    @Blocking
    @Transactional
    @TransactionConfiguration(timeout = WAIT_FOR_REPLAY_SECONDS)
    public void onReminders(ConsumerRecord<String, byte[]> record) {
        inbox.accept(CONSUMER, record).ifPresent(this::apply);
    }

    private void apply(IncomingEvent event) {
        projector.apply(event);
    }
}
