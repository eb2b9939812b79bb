package io.upright.platform.outbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.upright.contracts.EventCatalog;
import io.upright.contracts.EventType;
import io.upright.contracts.IntegrationEvent;
import io.upright.contracts.SealedForEmployee;
import io.upright.platform.crypto.TopicKeys;
import io.upright.platform.tracing.EventTraces;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Records integration events in the same transaction as the state change that caused them. Nothing is sent
 * from here: the {@link OutboxRelay} publishes committed rows, so an event exists on Kafka if and only if
 * its transaction committed.
 */
@ApplicationScoped
public class Outbox {

    private static final Object WAKE_REGISTERED = new Object();

    @Inject
    DataSource dataSource;

    @Inject
    Clock clock;

    @Inject
    ObjectMapper json;

    @Inject
    TransactionSynchronizationRegistry transactions;

    @Inject
    OutboxRelay relay;

    @Inject
    TopicKeys topicKeys;

    /** @return the CloudEvents id the record will carry */
    @Transactional(Transactional.TxType.MANDATORY)
    public UUID enqueue(String tenant, IntegrationEvent event) {
        return enqueueAll(tenant, List.of(event)).get(0);
    }

    /**
     * Records many events of one tenant in one JDBC batch (one round trip: a worker settling a batch), in order.
     *
     * @return the CloudEvents ids the records will carry, in order
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<UUID> enqueueAll(String tenant, List<? extends IntegrationEvent> events) {
        if (events.isEmpty()) {
            return List.of();
        }
        List<UUID> ids = new ArrayList<>(events.size());
        String ceType = null;
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement(
                     "insert into outbox (tenant_id, topic, record_key, event_id, event_type, source, subject, occurred_at, payload, "
                             + "traceparent) values (?, ?, ?, ?, ?, ?, ?, ?, cast(? as jsonb), ?)")) {
            Timestamp now = Timestamp.from(Instant.now(clock));
            // the request's (or the consumed event's) trace goes on with the event
            String traceparent = EventTraces.currentTraceparent();
            for (IntegrationEvent event : events) {
                EventType<IntegrationEvent> type = EventCatalog.of(event);
                ceType = type.ceType();
                UUID eventId = UUID.randomUUID();
                ps.setString(1, tenant);
                ps.setString(2, type.topic());
                ps.setString(3, event.key());
                ps.setObject(4, eventId);
                ps.setString(5, type.ceType());
                ps.setString(6, type.owner().source());
                ps.setString(7, event.subject());
                ps.setTimestamp(8, now);
                ps.setString(9, payload(tenant, type, event));
                ps.setString(10, traceparent);
                ps.addBatch();
                ids.add(eventId);
            }
            ps.executeBatch();
        } catch (SQLException | JsonProcessingException e) {
            throw new IllegalStateException("Cannot write " + ceType + " to the outbox", e);
        }
        wakeRelayAfterCommit();
        return ids;
    }

    /**
     * The record body. An event about one employee's health or workday is sealed under their topic key, so the
     * outbox row and every copy on Kafka become unreadable when they are erased; the rest is plain JSON.
     */
    private String payload(String tenant, EventType<IntegrationEvent> type, IntegrationEvent event) throws JsonProcessingException {
        if (!(event instanceof SealedForEmployee about)) {
            return json.writeValueAsString(event);
        }
        String sealed = topicKeys.seal(tenant, about.employeeId(), type.ceType(), json.writeValueAsBytes(event));
        return json.writeValueAsString(new SealedPayload(about.employeeId(), sealed));
    }

    private void wakeRelayAfterCommit() {
        if (transactions.getResource(WAKE_REGISTERED) != null) {
            return; // one wake-up per transaction, however many events it wrote
        }
        transactions.putResource(WAKE_REGISTERED, Boolean.TRUE);
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    relay.wake();
                }
            }
        });
    }
}
