package io.upright.platform.inbox;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.upright.localinfra.CloudEventRecords;
import io.upright.testsupport.kafka.TopicReader;
import io.upright.testsupport.quarkus.DatabaseOutage;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The database stops for real for 30 s under a running consumer (issue 13): records that arrive meanwhile are
 * retried in place until it is back, none reaches the dead-letter topic, and each is applied exactly once, in order.
 */
@QuarkusTest
@WithTestResource(value = UprightTestInfrastructure.class, initArgs = {
        @ResourceArg(name = "database", value = "platform"),
        @ResourceArg(name = "topics", value = "upright.programs,upright.platform-test,upright.platform-test.dlq")})
class DatabaseOutageConsumptionTest {

    private static final String TOPIC = "upright.platform-test";

    @Inject
    DataSource dataSource;

    @Inject
    Consumption consumption;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String kafka;

    @Test
    void a_thirty_second_database_outage_dead_letters_nothing_and_applies_every_record_once() throws Exception {
        String before = UUID.randomUUID().toString();
        TopicReader.send(kafka, record(UUID.randomUUID().toString(), before));
        await().atMost(Duration.ofSeconds(30)).until(() -> effectsFor(before) == 1);

        List<String> during = new ArrayList<>();
        Runnable restart = DatabaseOutage.begin();
        try {
            for (int i = 0; i < 20; i++) {
                String subject = UUID.randomUUID().toString();
                during.add(subject);
                String eventId = UUID.randomUUID().toString();
                TopicReader.send(kafka, record(eventId, subject));
                if (i % 5 == 0) {
                    TopicReader.send(kafka, record(eventId, subject)); // a redelivery, to be applied once
                }
            }
            // the consumer is stuck on the first of them, retrying
            await().atMost(Duration.ofSeconds(20)).until(() -> consumption.retrying() > 0);
            Thread.sleep(Duration.ofSeconds(30).toMillis());
            assertThat(consumption.retrying()).isPositive();
        } finally {
            restart.run();
        }

        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(1))
                .until(() -> during.stream().allMatch(s -> effectsForQuietly(s) == 1));
        for (String subject : during) {
            assertThat(effectsFor(subject)).as(subject).isEqualTo(1);
        }
        assertThat(consumption.retrying()).isZero();
        Set<String> deadLettered = TopicReader.readAll(kafka, TOPIC + ".dlq", Duration.ofSeconds(3)).stream()
                .map(r -> TopicReader.header(r, "ce_subject")).collect(Collectors.toSet());
        assertThat(deadLettered).doesNotContainAnyElementsOf(during);
    }

    private static ProducerRecord<String, byte[]> record(String eventId, String subject) {
        return CloudEventRecords.record(TOPIC, "outage", eventId, "upright.platform-test.note-added.v1",
                "urn:upright:platform-test", subject, "tenant-a", "{}".getBytes(StandardCharsets.UTF_8));
    }

    private int effectsForQuietly(String subject) {
        try {
            return effectsFor(subject);
        } catch (Exception e) {
            return -1;
        }
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
