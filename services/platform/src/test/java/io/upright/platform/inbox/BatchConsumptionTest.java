package io.upright.platform.inbox;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.upright.localinfra.CloudEventRecords;
import io.upright.platform.deadletter.DeadLetterQueue;
import io.upright.platform.notes.NoteConsumer;
import io.upright.testsupport.kafka.TopicReader;
import io.upright.testsupport.quarkus.UprightTestInfrastructure;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.record.TimestampType;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
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
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue 17: live consumption applies a poll in one transaction. Most tests hand {@link Consumption#consumeBatch}
 * batches of records built here (so what is in one batch is certain) against the real database and broker; the last
 * one goes through the topic and the channel.
 */
@QuarkusTest
@WithTestResource(value = UprightTestInfrastructure.class, initArgs = {
        @ResourceArg(name = "database", value = "platform"),
        @ResourceArg(name = "topics", value = "upright.programs,upright.platform-test,upright.platform-test.dlq")})
class BatchConsumptionTest {

    private static final String TOPIC = "upright.platform-test";
    // offsets far above what the tests put on the topic, so a dead letter's origin names one record of this class
    private static final AtomicLong OFFSETS =
            new AtomicLong(1_000_000_000L + ThreadLocalRandom.current().nextInt(1_000_000) * 1_000L);

    @Inject
    Consumption consumption;

    @Inject
    NoteConsumer notes;

    @Inject
    DeadLetterQueue deadLetters;

    @Inject
    DataSource dataSource;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String kafka;

    @Test
    void a_duplicate_within_a_batch_or_of_an_earlier_batch_is_applied_once() throws Exception {
        String earlier = UUID.randomUUID().toString();
        String earlierId = UUID.randomUUID().toString();
        consumption.consumeBatch(notes, List.of(record(earlierId, earlier, "{}"), record(UUID.randomUUID().toString(),
                UUID.randomUUID().toString(), "{}")));
        assertThat(effectsFor(earlier)).isEqualTo(1);

        String twice = UUID.randomUUID().toString();
        String twiceId = UUID.randomUUID().toString();
        String once = UUID.randomUUID().toString();
        consumption.consumeBatch(notes, List.of(record(twiceId, twice, "{}"), record(earlierId, earlier, "{}"),
                record(UUID.randomUUID().toString(), once, "{}"), record(twiceId, twice, "{}")));

        assertThat(effectsFor(twice)).isEqualTo(1);
        assertThat(effectsFor(earlier)).isEqualTo(1);
        assertThat(effectsFor(once)).isEqualTo(1);
        assertThat(inboxRows(twiceId)).isEqualTo(1);
    }

    @Test
    void a_poison_record_in_the_middle_of_a_batch_is_dead_lettered_alone_with_its_origin_and_the_others_apply_once()
            throws Exception {
        String before = UUID.randomUUID().toString();
        String poisonSubject = UUID.randomUUID().toString();
        String after = UUID.randomUUID().toString();
        ConsumerRecord<String, byte[]> poison = record(UUID.randomUUID().toString(), poisonSubject, "{\"text\":\"fine\"}");
        poison.headers().remove("ce_type");

        consumption.consumeBatch(notes, List.of(record(UUID.randomUUID().toString(), before, "{}"), poison,
                record(UUID.randomUUID().toString(), after, "{}")));

        assertThat(effectsFor(before)).isEqualTo(1);
        assertThat(effectsFor(after)).isEqualTo(1);
        assertThat(effectsFor(poisonSubject)).isZero();
        assertThat(deadLettered(before)).isEmpty();
        assertThat(deadLettered(after)).isEmpty();
        List<ConsumerRecord<String, byte[]>> dead = deadLettered(poisonSubject);
        assertThat(dead).hasSize(1);
        ConsumerRecord<String, byte[]> letter = dead.get(0);
        assertThat(header(letter, "dead-letter-reason")).contains("ce_type");
        assertThat(header(letter, "dead-letter-exception-class-name")).isEqualTo(PoisonRecord.class.getName());
        assertThat(header(letter, "dead-letter-topic")).isEqualTo(TOPIC);
        assertThat(header(letter, "dead-letter-partition")).isEqualTo(Integer.toString(poison.partition()));
        assertThat(header(letter, "dead-letter-offset")).isEqualTo(Long.toString(poison.offset()));
        assertThat(letter.key()).isEqualTo(poison.key());
        assertThat(letter.value()).isEqualTo(poison.value());
        assertThat(header(letter, "ce_id")).isEqualTo(header(poison, "ce_id"));
        assertThat(header(letter, "ce_tenant")).isEqualTo("tenant-a");
        assertThat(header(letter, "ce_type")).isNull();
    }

    @Test
    void a_defect_with_one_record_dead_letters_that_record_only_with_the_reason() throws Exception {
        String first = UUID.randomUUID().toString();
        String defective = UUID.randomUUID().toString();
        String last = UUID.randomUUID().toString();
        NoteConsumer.DEFECTIVE_SUBJECTS.add(defective);
        try {
            consumption.consumeBatch(notes, List.of(record(UUID.randomUUID().toString(), first, "{}"),
                    record(UUID.randomUUID().toString(), defective, "{}"), record(UUID.randomUUID().toString(), last, "{}")));
        } finally {
            NoteConsumer.DEFECTIVE_SUBJECTS.remove(defective);
        }

        assertThat(effectsFor(first)).isEqualTo(1);
        assertThat(effectsFor(last)).isEqualTo(1);
        assertThat(effectsFor(defective)).isZero();
        List<ConsumerRecord<String, byte[]>> dead = deadLettered(defective);
        assertThat(dead).hasSize(1);
        assertThat(header(dead.get(0), "dead-letter-reason")).contains("simulated defect");
        assertThat(deadLettered(first)).isEmpty();
        assertThat(deadLettered(last)).isEmpty();
    }

    @Test
    void a_failure_that_cannot_be_told_from_a_defect_is_tried_once_more_before_its_record_is_dead_lettered()
            throws Exception {
        String first = UUID.randomUUID().toString();
        String lostOnce = UUID.randomUUID().toString();
        NoteConsumer.OUTCOME_LOST_ONCE.add(lostOnce);

        consumption.consumeBatch(notes, List.of(record(UUID.randomUUID().toString(), first, "{}"),
                record(UUID.randomUUID().toString(), lostOnce, "{}")));
        String alone = UUID.randomUUID().toString();
        NoteConsumer.OUTCOME_LOST_ONCE.add(alone);
        consumption.consumeBatch(notes, List.of(record(UUID.randomUUID().toString(), alone, "{}")));

        assertThat(NoteConsumer.OUTCOME_LOST_ONCE).as("the failures happened").doesNotContain(lostOnce, alone);
        assertThat(effectsFor(first)).isEqualTo(1);
        assertThat(effectsFor(lostOnce)).isEqualTo(1);
        assertThat(effectsFor(alone)).isEqualTo(1);
        assertThat(deadLettered(lostOnce)).isEmpty();
        assertThat(deadLettered(alone)).isEmpty();
    }

    @Test
    void a_serialization_failure_retries_the_batch_which_then_applies_every_record_once() throws Exception {
        String first = UUID.randomUUID().toString();
        String failsOnce = UUID.randomUUID().toString();
        String last = UUID.randomUUID().toString();
        NoteConsumer.SERIALIZATION_FAILURE_ONCE.add(failsOnce);

        consumption.consumeBatch(notes, List.of(record(UUID.randomUUID().toString(), first, "{}"),
                record(UUID.randomUUID().toString(), failsOnce, "{}"), record(UUID.randomUUID().toString(), last, "{}")));

        assertThat(NoteConsumer.SERIALIZATION_FAILURE_ONCE).as("the failure happened").doesNotContain(failsOnce);
        assertThat(effectsFor(first)).isEqualTo(1);
        assertThat(effectsFor(failsOnce)).isEqualTo(1);
        assertThat(effectsFor(last)).isEqualTo(1);
        assertThat(consumption.retrying()).isZero();
        assertThat(deadLettered(failsOnce)).isEmpty();
    }

    @Test
    void a_whole_batch_delivered_again_applies_nothing_twice() throws Exception {
        List<String> subjects = new ArrayList<>();
        List<ConsumerRecord<String, byte[]>> batch = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            String subject = UUID.randomUUID().toString();
            subjects.add(subject);
            batch.add(record(UUID.randomUUID().toString(), subject, "{}"));
        }
        consumption.consumeBatch(notes, batch);
        consumption.consumeBatch(notes, batch);
        // and once more behind a record the first deliveries did not hold
        String fresh = UUID.randomUUID().toString();
        List<ConsumerRecord<String, byte[]>> again = new ArrayList<>(batch);
        again.add(record(UUID.randomUUID().toString(), fresh, "{}"));
        consumption.consumeBatch(notes, again);

        for (String subject : subjects) {
            assertThat(effectsFor(subject)).as(subject).isEqualTo(1);
        }
        assertThat(effectsFor(fresh)).isEqualTo(1);
    }

    @Test
    void records_sent_together_reach_the_channel_as_batches_and_only_the_poison_one_is_dead_lettered() throws Exception {
        List<String> subjects = new ArrayList<>();
        String poisonSubject = UUID.randomUUID().toString();
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka, ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.LINGER_MS_CONFIG, 50), new StringSerializer(), new ByteArraySerializer())) {
            for (int i = 0; i < 60; i++) {
                if (i == 30) {
                    ProducerRecord<String, byte[]> poison = produced(UUID.randomUUID().toString(), poisonSubject);
                    poison.headers().remove("ce_source");
                    producer.send(poison);
                }
                String subject = UUID.randomUUID().toString();
                subjects.add(subject);
                String eventId = UUID.randomUUID().toString();
                producer.send(produced(eventId, subject));
                if (i % 10 == 0) {
                    producer.send(produced(eventId, subject)); // the outbox relay sent it twice
                }
            }
            producer.flush();
        }

        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                .until(() -> subjects.stream().allMatch(s -> effectsForQuietly(s) >= 1));
        for (String subject : subjects) {
            assertThat(effectsFor(subject)).as(subject).isEqualTo(1);
        }
        ConsumerRecord<String, byte[]> dead = TopicReader.awaitRecord(kafka, TOPIC + ".dlq",
                r -> poisonSubject.equals(TopicReader.header(r, "ce_subject")), Duration.ofSeconds(30));
        assertThat(header(dead, "dead-letter-reason")).contains("ce_source");
        assertThat(header(dead, "dead-letter-topic")).isEqualTo(TOPIC);
        assertThat(header(dead, "dead-letter-offset")).isNotBlank();
        for (String subject : subjects.subList(0, 5)) {
            assertThat(deadLettered(subject)).isEmpty();
        }
    }

    private static ConsumerRecord<String, byte[]> record(String eventId, String subject, String body) {
        ProducerRecord<String, byte[]> produced = CloudEventRecords.record(TOPIC, "batch", eventId,
                "upright.platform-test.note-added.v1", "urn:upright:platform-test", subject, "tenant-a",
                body.getBytes(StandardCharsets.UTF_8));
        return new ConsumerRecord<>(TOPIC, 0, OFFSETS.incrementAndGet(), System.currentTimeMillis(),
                TimestampType.CREATE_TIME, ConsumerRecord.NULL_SIZE, ConsumerRecord.NULL_SIZE, produced.key(),
                produced.value(), produced.headers(), Optional.empty());
    }

    private static ProducerRecord<String, byte[]> produced(String eventId, String subject) {
        return CloudEventRecords.record(TOPIC, "together", eventId, "upright.platform-test.note-added.v1",
                "urn:upright:platform-test", subject, "tenant-a", "{}".getBytes(StandardCharsets.UTF_8));
    }

    private List<ConsumerRecord<String, byte[]>> deadLettered(String subject) {
        List<ConsumerRecord<String, byte[]>> found = new ArrayList<>();
        deadLetters.forEach(r -> {
            if (subject.equals(header(r, "ce_subject"))) {
                found.add(r);
            }
            return true;
        });
        return found;
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        return TopicReader.header(record, name);
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
