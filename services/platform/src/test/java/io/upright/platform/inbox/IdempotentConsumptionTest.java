package io.upright.platform.inbox;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.upright.localinfra.CloudEventRecords;
import io.upright.testsupport.kafka.TopicReader;
import io.upright.testsupport.quarkus.UprightTestInfrastructure;
import jakarta.inject.Inject;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@QuarkusTest
@WithTestResource(value = UprightTestInfrastructure.class, initArgs = {
        @ResourceArg(name = "database", value = "platform"),
        @ResourceArg(name = "topics", value = "upright.programs,upright.platform-test,upright.platform-test.dlq")})
class IdempotentConsumptionTest {

    private static final String TOPIC = "upright.platform-test";

    @Inject
    DataSource dataSource;

    @Inject
    Consumption consumption;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String kafka;

    @Test
    void a_record_delivered_twice_is_applied_once() throws Exception {
        String subject = UUID.randomUUID().toString();
        String eventId = UUID.randomUUID().toString();
        TopicReader.send(kafka, record(eventId, subject, "{\"text\":\"hello\"}"));
        TopicReader.send(kafka, record(eventId, subject, "{\"text\":\"hello\"}"));
        String marker = UUID.randomUUID().toString();
        TopicReader.send(kafka, record(UUID.randomUUID().toString(), marker, "{}"));

        // the marker follows both copies on the same partition, so once it is applied both were consumed
        await().atMost(Duration.ofSeconds(30)).until(() -> effectsFor(marker) == 1);
        assertThat(effectsFor(subject)).isEqualTo(1);
    }

    @Test
    void a_poison_record_goes_to_the_dead_letter_topic_and_the_next_record_is_processed() throws Exception {
        String poisonSubject = UUID.randomUUID().toString();
        ProducerRecord<String, byte[]> poison = record(UUID.randomUUID().toString(), poisonSubject, "{\"text\":\"fine\"}");
        poison.headers().remove("ce_type");
        TopicReader.send(kafka, poison);
        String next = UUID.randomUUID().toString();
        TopicReader.send(kafka, record(UUID.randomUUID().toString(), next, "{}"));

        TopicReader.awaitRecord(kafka, TOPIC + ".dlq", r -> "key".equals(r.key())
                && poisonSubject.equals(TopicReader.header(r, "ce_subject")), Duration.ofSeconds(30));
        await().atMost(Duration.ofSeconds(30)).until(() -> effectsFor(next) == 1);
        assertThat(effectsFor(poisonSubject)).isZero();
    }

    @Test
    void a_body_that_is_not_json_is_dead_lettered_too() throws Exception {
        String subject = UUID.randomUUID().toString();
        TopicReader.send(kafka, new ProducerRecord<>(TOPIC, null, "key",
                "not json".getBytes(StandardCharsets.UTF_8), record(UUID.randomUUID().toString(), subject, "{}").headers()));

        TopicReader.awaitRecord(kafka, TOPIC + ".dlq",
                r -> subject.equals(TopicReader.header(r, "ce_subject")), Duration.ofSeconds(30));
        assertThat(effectsFor(subject)).isZero();
    }

    @Test
    void inbox_rows_past_the_retention_are_pruned_and_newer_ones_kept() throws Exception {
        String old = UUID.randomUUID().toString();
        String recent = UUID.randomUUID().toString();
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("insert into inbox (consumer, source, event_id, tenant_id, event_type, "
                     + "received_at) values ('platform-test', 'urn:test', ?, 'tenant-a', 'test', now() - (? * interval '1 day'))")) {
            ps.setString(1, old);
            ps.setInt(2, 31);
            ps.executeUpdate();
            ps.setString(1, recent);
            ps.setInt(2, 29);
            ps.executeUpdate();
        }
        assertThat(consumption.prune(java.time.Instant.now().minus(Duration.ofDays(30)))).isPositive();
        assertThat(inboxRows(old)).isZero();
        assertThat(inboxRows(recent)).isEqualTo(1);
    }

    private int inboxRows(String eventId) throws Exception {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("select count(*) from inbox where event_id = ?")) {
            ps.setString(1, eventId);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    private static ProducerRecord<String, byte[]> record(String eventId, String subject, String body) {
        // one key: every test record lands on one partition, in send order
        return CloudEventRecords.record(TOPIC, "key", eventId, "upright.platform-test.note-added.v1",
                "urn:upright:platform-test", subject, "tenant-a", body.getBytes(StandardCharsets.UTF_8));
    }

    private int effectsFor(String subject) throws Exception {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("select count(*) from test_effects where subject = ?")) {
            ps.setString(1, subject);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }
}
