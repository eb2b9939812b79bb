package io.upright.platform.outbox;

import io.upright.contracts.CloudEventHeaders;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which event ids are already on a topic since a moment: what the relay checks before it sends rows that it may have
 * sent before it lost track (a crash or a failed database commit between Kafka's acknowledgement and the mark). Kafka
 * stamps a record when it is sent, which is after its row was written, so reading from a minute before the oldest
 * row's time covers every earlier send of those rows.
 */
final class PublishedIds {

    /** Clock differences between the service and the broker, and the gap between writing a row and sending it. */
    static final Duration SLACK = Duration.ofMinutes(1);

    private PublishedIds() {
    }

    static Set<String> since(Map<String, Object> consumerSettings, Collection<String> topics, Instant since) {
        Map<String, Object> config = new HashMap<>();
        Set<String> consumerKeys = ConsumerConfig.configNames();
        consumerSettings.forEach((key, value) -> {
            if (consumerKeys.contains(key)) {
                config.put(key, value);
            }
        });
        config.remove(ConsumerConfig.GROUP_ID_CONFIG);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_uncommitted");
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, "upright-outbox-relay-check");
        Set<String> ids = new HashSet<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (String topic : topics) {
                List<PartitionInfo> infos = consumer.partitionsFor(topic, Duration.ofSeconds(10));
                if (infos != null) {
                    infos.forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
                }
            }
            if (partitions.isEmpty()) {
                return ids;
            }
            consumer.assign(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, Duration.ofSeconds(10));
            Map<TopicPartition, Long> query = new HashMap<>();
            long from = since.minus(SLACK).toEpochMilli();
            partitions.forEach(p -> query.put(p, Math.max(0, from)));
            Map<TopicPartition, OffsetAndTimestamp> start = consumer.offsetsForTimes(query, Duration.ofSeconds(10));
            Map<TopicPartition, Long> remaining = new HashMap<>();
            for (TopicPartition p : partitions) {
                OffsetAndTimestamp at = start.get(p);
                long offset = at == null ? end.get(p) : at.offset(); // null: nothing that recent in this partition
                consumer.seek(p, offset);
                if (offset < end.get(p)) {
                    remaining.put(p, end.get(p));
                }
            }
            Instant deadline = Instant.now().plusSeconds(60);
            while (!remaining.isEmpty()) {
                if (Instant.now().isAfter(deadline)) {
                    throw new IllegalStateException("Could not read back " + remaining.keySet() + " within 60 s");
                }
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    Header id = record.headers().lastHeader(CloudEventHeaders.ID);
                    if (id != null && id.value() != null) {
                        ids.add(new String(id.value(), StandardCharsets.UTF_8));
                    }
                }
                remaining.entrySet().removeIf(e -> consumer.position(e.getKey()) >= e.getValue());
            }
        }
        return ids;
    }
}
