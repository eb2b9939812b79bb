package io.upright.platform.deadletter;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.Config;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Predicate;

/**
 * Reads this service's dead-letter topic with a plain consumer of its own: assigned partitions, no consumer group, so
 * no offsets are committed and the service's own consumers are never rebalanced. Each call opens and closes one
 * consumer; dead-letter topics are small and read only by an operator or the health check.
 */
@ApplicationScoped
public class DeadLetterQueue {

    /** The offsets a partition holds now: {@code from} inclusive to {@code to} exclusive. */
    public record Range(long from, long to) {
        public long size() {
            return Math.max(0, to - from);
        }
    }

    /** Some records of the topic, with the ranges they were read from. */
    public record Slice(Map<Integer, Range> ranges, List<ConsumerRecord<String, byte[]>> records) {
        public long total() {
            return ranges.values().stream().mapToLong(Range::size).sum();
        }
    }

    /** The broker did not answer in time, or the topic could not be read. */
    public static class Unavailable extends RuntimeException {
        Unavailable(String message, Throwable cause) {
            super(message, cause);
        }
    }

    @Inject
    DeadLetterConfig config;

    @Inject
    Config allConfig;

    private volatile Optional<String> topic;

    /** Resolves the topic at start: a service whose channels disagree fails to start instead of hiding records. */
    void onStart(@Observes StartupEvent start) {
        topic();
    }

    /** This service's dead-letter topic; empty when it consumes nothing. */
    public Optional<String> topic() {
        Optional<String> resolved = topic;
        if (resolved == null) {
            Map<String, String> properties = new HashMap<>();
            for (String name : allConfig.getPropertyNames()) {
                if (name.startsWith("mp.messaging.incoming.") && name.endsWith(".dead-letter-queue.topic")) {
                    allConfig.getOptionalValue(name, String.class).ifPresent(value -> properties.put(name, value));
                }
            }
            resolved = DeadLetterTopic.resolve(config.topic(), properties);
            topic = resolved;
        }
        return resolved;
    }

    /** The offsets each partition holds now, by partition number; empty when there is no topic (yet). */
    public Map<Integer, Range> ranges() {
        if (topic().isEmpty()) {
            return Map.of();
        }
        return withConsumer(consumer -> ranges(consumer));
    }

    /**
     * Up to {@code limit} records, partition by partition in offset order, starting at the {@code skip}-th record held
     * now (records appended after the ranges were taken are left for the next read).
     */
    public Slice read(long skip, int limit) {
        List<ConsumerRecord<String, byte[]>> found = new java.util.ArrayList<>();
        if (topic().isEmpty()) {
            return new Slice(Map.of(), found);
        }
        Map<Integer, Range> ranges = withConsumer(consumer -> {
            Map<Integer, Range> now = ranges(consumer);
            long toSkip = skip;
            for (Map.Entry<Integer, Range> entry : now.entrySet()) {
                if (found.size() >= limit) {
                    break;
                }
                Range range = entry.getValue();
                if (toSkip >= range.size()) {
                    toSkip -= range.size();
                    continue;
                }
                // offsets of a dead-letter topic are dense (its producer is not transactional), so the n-th record
                // is at from + n; if a gap ever appears, the page simply starts a little later
                readPartition(consumer, entry.getKey(), range.from() + toSkip, range.to(), limit - found.size(), found::add);
                toSkip = 0;
            }
            return now;
        });
        return new Slice(ranges, found);
    }

    /** The record at {@code partition}/{@code offset}, if the topic holds it now. */
    public Optional<ConsumerRecord<String, byte[]>> find(int partition, long offset) {
        if (topic().isEmpty()) {
            return Optional.empty();
        }
        return withConsumer(consumer -> {
            Range range = ranges(consumer).get(partition);
            if (range == null || offset < range.from() || offset >= range.to()) {
                return Optional.empty();
            }
            List<ConsumerRecord<String, byte[]>> one = new java.util.ArrayList<>();
            readPartition(consumer, partition, offset, offset + 1, 1, one::add);
            return one.stream().filter(r -> r.offset() == offset).findFirst();
        });
    }

    /**
     * Hands every record held now to {@code each}, partition by partition in offset order, until it answers false.
     * The consumer stays open meanwhile: without a group, the time {@code each} takes costs nothing.
     */
    public void forEach(Predicate<ConsumerRecord<String, byte[]>> each) {
        if (topic().isEmpty()) {
            return;
        }
        withConsumer(consumer -> {
            boolean[] going = {true};
            for (Map.Entry<Integer, Range> entry : ranges(consumer).entrySet()) {
                readPartition(consumer, entry.getKey(), entry.getValue().from(), entry.getValue().to(), Long.MAX_VALUE,
                        record -> going[0] = going[0] && each.test(record));
                if (!going[0]) {
                    break;
                }
            }
            return null;
        });
    }

    private Map<Integer, Range> ranges(KafkaConsumer<String, byte[]> consumer) {
        String name = topic().orElseThrow();
        Duration timeout = config.kafkaTimeout();
        List<PartitionInfo> infos = consumer.partitionsFor(name, timeout);
        Map<Integer, Range> ranges = new TreeMap<>();
        if (infos == null || infos.isEmpty()) {
            return ranges; // nothing was ever dead-lettered here: the topic does not exist yet
        }
        List<TopicPartition> partitions = infos.stream().map(p -> new TopicPartition(name, p.partition())).toList();
        // assigned first: the client warns about every offset it learns for a partition it does not hold
        consumer.assign(partitions);
        Map<TopicPartition, Long> begin = consumer.beginningOffsets(partitions, timeout);
        Map<TopicPartition, Long> end = consumer.endOffsets(partitions, timeout);
        for (TopicPartition partition : partitions) {
            ranges.put(partition.partition(), new Range(begin.getOrDefault(partition, 0L), end.getOrDefault(partition, 0L)));
        }
        return ranges;
    }

    private void readPartition(KafkaConsumer<String, byte[]> consumer, int partition, long from, long to, long limit,
                               java.util.function.Consumer<ConsumerRecord<String, byte[]>> sink) {
        TopicPartition tp = new TopicPartition(topic().orElseThrow(), partition);
        // every partition stays assigned (ranges assigned them) and only this one fetches: reassigning would leave
        // fetches in flight for partitions no longer held, which the client warns about
        consumer.pause(consumer.assignment());
        consumer.resume(List.of(tp));
        consumer.seek(tp, from);
        long taken = 0;
        long deadline = System.nanoTime() + config.kafkaTimeout().toNanos();
        while (taken < limit && consumer.position(tp, config.kafkaTimeout()) < to) {
            var records = consumer.poll(Duration.ofMillis(200));
            if (records.isEmpty()) {
                if (System.nanoTime() - deadline > 0) {
                    throw new Unavailable("No dead letters arrived from " + tp + " within " + config.kafkaTimeout(), null);
                }
                continue;
            }
            deadline = System.nanoTime() + config.kafkaTimeout().toNanos();
            for (ConsumerRecord<String, byte[]> record : records) {
                if (record.offset() >= to || taken >= limit) {
                    return;
                }
                sink.accept(record);
                taken++;
            }
        }
    }

    private <T> T withConsumer(java.util.function.Function<KafkaConsumer<String, byte[]>, T> work) {
        Map<String, Object> props = new HashMap<>();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                allConfig.getOptionalValue("kafka.bootstrap.servers", String.class).orElse("localhost:9092"));
        props.put(ConsumerConfig.CLIENT_ID_CONFIG, "dead-letters-" + UUID.randomUUID());
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        // listing must not create the topic of a service that never dead-lettered anything
        props.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 200);
        props.put(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) config.kafkaTimeout().toMillis());
        props.put(ConsumerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) Math.min(config.kafkaTimeout().toMillis(), 30_000));
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(props, new StringDeserializer(),
                new ByteArrayDeserializer())) {
            return work.apply(consumer);
        } catch (KafkaException e) {
            throw new Unavailable("The dead-letter topic could not be read: " + e.getMessage(), e);
        }
    }
}
