package io.upright.platform.outbox;

import io.upright.contracts.CloudEventHeaders;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.upright.platform.worker.PollingWorker;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import io.smallrye.common.annotation.Identifier;
import jakarta.inject.Inject;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.jboss.logging.Logger;

import javax.sql.DataSource;
import java.nio.charset.StandardCharsets;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.Set;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

/**
 * Publishes committed outbox rows to Kafka as CloudEvents (binary mode), in order, and marks them published.
 *
 * <p>Only rows of transactions older than the oldest still running one are taken
 * ({@code tx_id < pg_snapshot_xmin(pg_current_snapshot())}), ordered by (tx_id, id). Such a set can no longer
 * grow below the cursor, so a row whose transaction commits late is waited for rather than skipped, and the
 * records of one key keep their order. A transaction-scoped advisory lock lets several instances run with
 * one relaying at a time. Publishing is at least once: a crash between the send and the mark re-sends, and
 * consumers deduplicate on {@code ce_id}.
 */
@ApplicationScoped
public class OutboxRelay extends PollingWorker {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    private static final long RELAY_LOCK = 0x75707269676874L; // "upright"

    private Producer<String, byte[]> producer;
    private Instant lastCleanup = Instant.EPOCH;
    /**
     * Whether rows still pending may already be on their topic: true at start (the previous process may have died
     * between Kafka's acknowledgement and the mark) and after any batch that did not end with its mark committed.
     * Then the batch is first checked against the topics ({@link PublishedIds}), so such a row is marked, not sent
     * again: each event id is on its topic once. Cleared by the next batch that commits.
     */
    private volatile boolean mayHaveSentUnmarked = true;

    @Inject
    DataSource dataSource;

    @Inject
    OutboxConfig config;

    /** Every {@code kafka.*} setting the channels get too (bootstrap servers, TLS, SASL), so the relay reaches the same cluster. */
    @Inject
    @Identifier("default-kafka-broker")
    Map<String, Object> kafkaConfig;

    @Inject
    Clock clock;

    @Inject
    OutboxMetrics metrics;

    void start(@Observes StartupEvent startup) {
        if (!config.relayEnabled()) {
            return;
        }
        producer = new KafkaProducer<>(producerConfig(kafkaConfig, "upright-outbox-relay"), new StringSerializer(),
                new ByteArraySerializer());
        startWorker("outbox-relay");
    }

    /**
     * The shared Kafka settings that a producer understands, with the relay's delivery guarantees on top: those are
     * not the operator's to weaken. Also the dead-letter publisher's ({@code inbox.DeadLetterPublisher}).
     */
    public static Map<String, Object> producerConfig(Map<String, Object> shared, String clientId) {
        Map<String, Object> config = new HashMap<>();
        Set<String> producerKeys = ProducerConfig.configNames();
        shared.forEach((key, value) -> {
            if (producerKeys.contains(key)) {
                config.put(key, value);
            }
        });
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);
        config.putIfAbsent(ProducerConfig.LINGER_MS_CONFIG, 5);
        config.put(ProducerConfig.CLIENT_ID_CONFIG, clientId);
        return config;
    }

    void stop(@Observes ShutdownEvent shutdown) {
        stopWorker(java.time.Duration.ofSeconds(10));
        if (producer != null) {
            producer.close(java.time.Duration.ofSeconds(5));
        }
    }

    @Override
    protected int runOnce() throws SQLException {
        int published = relayOnce();
        cleanUpPublished();
        return published;
    }

    @Override
    protected java.time.Duration pollInterval() {
        return config.pollInterval();
    }

    @Override
    protected int batchSize() {
        return config.batchSize();
    }

    /**
     * Publishes one batch of pending rows.
     *
     * @return how many rows were published
     */
    int relayOnce() throws SQLException {
        boolean committed = false;
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                BatchOutcome outcome = relayBatch(c);
                c.commit();
                committed = true;
                if (outcome.complete()) {
                    mayHaveSentUnmarked = false;
                } else if (outcome.published() > 0 || outcome.attempted() > 0) {
                    mayHaveSentUnmarked = true;
                }
                return outcome.published();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        } finally {
            if (!committed) {
                mayHaveSentUnmarked = true;
            }
        }
    }

    /** As after a crash: the next batch is checked against the topics first (tests). */
    void assumeUnmarkedSends() {
        mayHaveSentUnmarked = true;
    }

    /** One batch: how many rows it took, and how many of them are now marked (complete when all). */
    private record BatchOutcome(int attempted, int published) {
        static final BatchOutcome NOTHING = new BatchOutcome(0, 0);

        boolean complete() {
            return attempted > 0 && published == attempted;
        }
    }

    private BatchOutcome relayBatch(Connection c) throws SQLException {
        try (PreparedStatement lock = c.prepareStatement("select pg_try_advisory_xact_lock(?)")) {
            lock.setLong(1, RELAY_LOCK);
            try (ResultSet rs = lock.executeQuery()) {
                rs.next();
                if (!rs.getBoolean(1)) {
                    return BatchOutcome.NOTHING; // another instance is relaying
                }
            }
        }
        List<PendingRecord> batch = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(
                "select id, tenant_id, topic, record_key, event_id, event_type, source, subject, occurred_at, payload, traceparent "
                        + "from outbox where published_at is null and tx_id < pg_snapshot_xmin(pg_current_snapshot()) "
                        + "order by tx_id, id limit ?")) {
            ps.setInt(1, config.batchSize());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    batch.add(new PendingRecord(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8),
                            rs.getTimestamp(9).toInstant(), rs.getString(10), rs.getString(11)));
                }
            }
        }
        if (batch.isEmpty()) {
            return BatchOutcome.NOTHING;
        }
        int attempted = batch.size();
        List<Long> alreadyOnTopic = new ArrayList<>();
        if (mayHaveSentUnmarked) {
            Instant oldest = batch.stream().map(PendingRecord::occurredAt).min(Instant::compareTo).orElseThrow();
            Set<String> onTopic = PublishedIds.since(kafkaConfig, batch.stream().map(PendingRecord::topic).distinct().toList(), oldest);
            batch.stream().filter(row -> onTopic.contains(row.eventId())).forEach(row -> alreadyOnTopic.add(row.id()));
            if (!alreadyOnTopic.isEmpty()) {
                LOG.infof("%d outbox rows were on their topic already (sent before a crash or a failed mark): marked, not sent again",
                        alreadyOnTopic.size());
                batch.removeIf(row -> alreadyOnTopic.contains(row.id()));
            }
        }
        List<Future<RecordMetadata>> sends = new ArrayList<>(batch.size());
        for (PendingRecord row : batch) {
            sends.add(producer.send(row.toProducerRecord()));
        }
        producer.flush();
        // Mark the longest prefix that Kafka acknowledged; anything after a failure is checked and sent again later.
        List<Long> acknowledged = new ArrayList<>(alreadyOnTopic);
        for (int i = 0; i < sends.size(); i++) {
            try {
                sends.get(i).get();
                acknowledged.add(batch.get(i).id());
            } catch (ExecutionException e) {
                metrics.failed();
                LOG.warnf("Kafka refused outbox row %d (%s), will retry: %s", batch.get(i).id(), batch.get(i).type(),
                        e.getCause().toString());
                break;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        metrics.published(acknowledged.size() - alreadyOnTopic.size());
        if (!acknowledged.isEmpty()) {
            try (PreparedStatement mark = c.prepareStatement("update outbox set published_at = now() where id = any(?)")) {
                Array ids = c.createArrayOf("bigint", acknowledged.toArray());
                mark.setArray(1, ids);
                mark.executeUpdate();
            }
        }
        return new BatchOutcome(attempted, acknowledged.size());
    }

    private void cleanUpPublished() {
        Instant now = Instant.now(clock);
        if (lastCleanup.plusSeconds(3600).isAfter(now)) {
            return;
        }
        lastCleanup = now;
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("delete from outbox where published_at < ?")) {
            ps.setTimestamp(1, Timestamp.from(now.minus(config.retention())));
            int deleted = ps.executeUpdate();
            if (deleted > 0) {
                LOG.debugf("Deleted %d published outbox rows", deleted);
            }
        } catch (SQLException e) {
            LOG.warnf("Outbox clean-up failed: %s", e.toString());
        }
    }

    private record PendingRecord(long id, String tenant, String topic, String key, String eventId, String type,
                                 String source, String subject, Instant occurredAt, String payload, String traceparent) {

        ProducerRecord<String, byte[]> toProducerRecord() {
            RecordHeaders headers = new RecordHeaders();
            headers.add(CloudEventHeaders.SPEC_VERSION, bytes(CloudEventHeaders.SPEC_VERSION_1_0));
            headers.add(CloudEventHeaders.ID, bytes(eventId));
            headers.add(CloudEventHeaders.TYPE, bytes(type));
            headers.add(CloudEventHeaders.SOURCE, bytes(source));
            headers.add(CloudEventHeaders.SUBJECT, bytes(subject));
            headers.add(CloudEventHeaders.TIME, bytes(DateTimeFormatter.ISO_INSTANT.format(occurredAt)));
            headers.add(CloudEventHeaders.TENANT, bytes(tenant));
            headers.add(CloudEventHeaders.CONTENT_TYPE, bytes(CloudEventHeaders.JSON));
            if (traceparent != null) {
                headers.add(CloudEventHeaders.TRACEPARENT, bytes(traceparent));
            }
            return new ProducerRecord<>(topic, null, key, payload.getBytes(StandardCharsets.UTF_8), headers);
        }

        private static byte[] bytes(String value) {
            return value.getBytes(StandardCharsets.UTF_8);
        }
    }
}
