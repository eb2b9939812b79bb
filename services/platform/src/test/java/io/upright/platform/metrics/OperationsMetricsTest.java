package io.upright.platform.metrics;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.upright.contracts.programs.TeamCreated;
import io.upright.localinfra.CloudEventRecords;
import io.upright.platform.outbox.Outbox;
import io.upright.testsupport.http.Metrics;
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
import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue 18: what an operator watches is in {@code /q/metrics}, and it moves with what happens: the outbox's backlog
 * and what the relay published, the inbox's duplicates, each group's lag, the dead letters.
 */
@QuarkusTest
@WithTestResource(value = UprightTestInfrastructure.class, initArgs = {
        @ResourceArg(name = "database", value = "platform"),
        @ResourceArg(name = "topics", value = "upright.programs,upright.platform-test,upright.platform-test.dlq")})
class OperationsMetricsTest {

    private static final String TOPIC = "upright.platform-test";

    @Inject
    Outbox outbox;

    @Inject
    DataSource dataSource;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String kafka;

    @Test
    void an_event_relayed_to_kafka_is_counted_and_leaves_no_backlog() {
        double before = Metrics.scrape().value("upright_outbox_published_total").orElseThrow();
        UUID team = UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> outbox.enqueue("tenant-a", new TeamCreated(team, "Finance", Instant.now())));
        TopicReader.awaitRecord(kafka, "upright.programs", r -> team.toString().equals(r.key()), Duration.ofSeconds(30));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            Metrics metrics = Metrics.scrape();
            assertThat(metrics.value("upright_outbox_published_total").orElseThrow()).isGreaterThanOrEqualTo(before + 1);
            assertThat(metrics.value("upright_outbox_backlog").orElseThrow()).isZero();
            assertThat(metrics.value("upright_outbox_oldest_age_seconds").orElseThrow()).isZero();
        });
        assertThat(Metrics.scrape().value("upright_outbox_publish_failures_total")).isPresent();
    }

    @Test
    void a_record_delivered_twice_counts_one_inbox_duplicate() throws Exception {
        double before = Metrics.scrape().value("upright_inbox_duplicates_total").orElseThrow();
        String subject = UUID.randomUUID().toString();
        String eventId = UUID.randomUUID().toString();
        TopicReader.send(kafka, record(eventId, subject));
        TopicReader.send(kafka, record(eventId, subject));
        String marker = UUID.randomUUID().toString();
        TopicReader.send(kafka, record(UUID.randomUUID().toString(), marker));
        await().atMost(Duration.ofSeconds(30)).until(() -> effectsFor(marker) == 1);

        // at least: a rebalance in the meantime would redeliver more
        assertThat(Metrics.scrape().value("upright_inbox_duplicates_total").orElseThrow()).isGreaterThanOrEqualTo(before + 1);
    }

    @Test
    void each_consumer_group_has_its_lag_read_from_the_broker_and_it_drains_to_zero() throws Exception {
        String marker = UUID.randomUUID().toString();
        TopicReader.send(kafka, record(UUID.randomUUID().toString(), marker));
        await().atMost(Duration.ofSeconds(30)).until(() -> effectsFor(marker) == 1);

        // the offsets are committed after the effect, and the lag is read again at most every second here
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(Metrics.scrape()
                .value("upright_consumer_lag", "group=\"platform-test\"", "topic=\"" + TOPIC + "\"").orElseThrow()).isZero());
    }

    @Test
    void a_dead_lettered_record_is_counted_on_the_dead_letter_topic() throws Exception {
        ProducerRecord<String, byte[]> poison = record(UUID.randomUUID().toString(), UUID.randomUUID().toString());
        poison.headers().remove("ce_type");
        TopicReader.send(kafka, poison);
        TopicReader.awaitRecord(kafka, TOPIC + ".dlq", r -> poison.headers().lastHeader("ce_id") != null
                && new String(poison.headers().lastHeader("ce_id").value()).equals(TopicReader.header(r, "ce_id")), Duration.ofSeconds(30));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            Metrics metrics = Metrics.scrape();
            assertThat(metrics.value("upright_dead_letters", "topic=\"" + TOPIC + ".dlq\"", "state=\"all\"").orElseThrow()).isGreaterThanOrEqualTo(1);
            assertThat(metrics.value("upright_dead_letters", "topic=\"" + TOPIC + ".dlq\"", "state=\"pending\"").orElseThrow()).isGreaterThanOrEqualTo(1);
        });
    }

    private static ProducerRecord<String, byte[]> record(String eventId, String subject) {
        return CloudEventRecords.record(TOPIC, "key", eventId, "upright.platform-test.note-added.v1", "urn:upright:platform-test",
                subject, "tenant-a", "{\"text\":\"hello\"}".getBytes(StandardCharsets.UTF_8));
    }

    private long effectsFor(String subject) throws Exception {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("select count(*) from test_effects where subject = ?")) {
            ps.setString(1, subject);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
