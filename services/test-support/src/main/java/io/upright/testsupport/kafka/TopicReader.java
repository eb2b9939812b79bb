package io.upright.testsupport.kafka;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * Reads and writes raw records on a real broker from tests, with a consumer group of its own so it never
 * steals partitions from the services under test.
 */
public final class TopicReader {

    private TopicReader() {
    }

    /** Waits until a record matching {@code wanted} is on {@code topic} (read from the beginning). */
    public static ConsumerRecord<String, byte[]> awaitRecord(String bootstrapServers, String topic,
                                                            Predicate<ConsumerRecord<String, byte[]>> wanted,
                                                            Duration timeout) {
        List<ConsumerRecord<String, byte[]>> found = awaitRecords(bootstrapServers, topic, wanted, 1, timeout);
        return found.get(0);
    }

    /** Waits until {@code count} records matching {@code wanted} are on {@code topic}, and returns them in order. */
    public static List<ConsumerRecord<String, byte[]>> awaitRecords(String bootstrapServers, String topic,
                                                                   Predicate<ConsumerRecord<String, byte[]>> wanted,
                                                                   int count, Duration timeout) {
        try (KafkaConsumer<String, byte[]> consumer = consumer(bootstrapServers)) {
            consumer.subscribe(List.of(topic));
            List<ConsumerRecord<String, byte[]>> matches = new ArrayList<>();
            long deadline = System.nanoTime() + timeout.toNanos();
            while (System.nanoTime() - deadline < 0) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(250))) {
                    if (wanted.test(record)) {
                        matches.add(record);
                    }
                }
                if (matches.size() >= count) {
                    return matches;
                }
            }
            throw new AssertionError("Expected " + count + " matching records on " + topic + " within " + timeout
                    + ", found " + matches.size());
        }
    }

    /** Every record currently on the topic, read from the beginning until {@code quiet} passes without new ones. */
    public static List<ConsumerRecord<String, byte[]>> readAll(String bootstrapServers, String topic, Duration quiet) {
        try (KafkaConsumer<String, byte[]> consumer = consumer(bootstrapServers)) {
            consumer.subscribe(List.of(topic));
            List<ConsumerRecord<String, byte[]>> all = new ArrayList<>();
            long lastSeen = System.nanoTime();
            while (System.nanoTime() - lastSeen < quiet.toNanos()) {
                var records = consumer.poll(Duration.ofMillis(250));
                if (!records.isEmpty()) {
                    records.forEach(all::add);
                    lastSeen = System.nanoTime();
                }
            }
            return all;
        }
    }

    public static void send(String bootstrapServers, ProducerRecord<String, byte[]> record) {
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new ByteArraySerializer())) {
            producer.send(record).get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("Cannot send test record to " + record.topic(), e);
        }
    }

    public static String header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static KafkaConsumer<String, byte[]> consumer(String bootstrapServers) {
        return new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, "test-reader-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false),
                new StringDeserializer(), new ByteArrayDeserializer());
    }
}
