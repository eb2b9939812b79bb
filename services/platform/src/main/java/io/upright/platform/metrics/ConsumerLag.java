package io.upright.platform.metrics;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.Startup;
import io.smallrye.common.annotation.Identifier;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.TopicPartition;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code upright_consumer_lag{group, topic}}: records on the topic that the group has not committed yet, as the broker
 * sees it (so it counts every instance of the service together), for each of this service's incoming channels. Read
 * from the broker at most every {@code upright.metrics.broker-read-every} (15 s), whatever the scrape rate.
 */
@Startup
@ApplicationScoped
public class ConsumerLag {

    private static final Pattern GROUP_ID = Pattern.compile("mp\\.messaging\\.incoming\\.([^.]+)\\.group\\.id");
    private static final Duration BROKER_TIMEOUT = Duration.ofSeconds(3);

    /** One consumer group on one topic. */
    record Subscription(String group, String topic) {
    }

    @Inject
    MeterRegistry registry;

    @Inject
    Config config;

    @Inject
    Clock clock;

    @Inject
    @Identifier("default-kafka-broker")
    Map<String, Object> kafkaConfig;

    /** How often the lag is read from the broker at most. */
    @ConfigProperty(name = "upright.metrics.broker-read-every", defaultValue = "15s")
    Duration brokerReadEvery;

    private Sampled<Map<Subscription, Long>> lag;
    private Admin admin;

    @PostConstruct
    void register() {
        List<Subscription> subscriptions = subscriptions(config);
        lag = new Sampled<>(() -> readLag(subscriptions), brokerReadEvery, clock);
        for (Subscription s : subscriptions) {
            Gauge.builder("upright.consumer.lag", this, m -> m.lagOf(s))
                    .description("Records on the topic not yet committed by the consumer group")
                    .tags("group", s.group(), "topic", s.topic())
                    .register(registry);
        }
    }

    void close(@Observes ShutdownEvent shutdown) {
        synchronized (this) {
            if (admin != null) {
                admin.close(Duration.ofSeconds(2));
                admin = null;
            }
        }
    }

    /** This service's incoming channels that consume as a group: {@code mp.messaging.incoming.<channel>.group.id}. */
    static List<Subscription> subscriptions(Config config) {
        Map<String, Subscription> found = new TreeMap<>();
        for (String name : config.getPropertyNames()) {
            Matcher m = GROUP_ID.matcher(name);
            if (!m.matches()) {
                continue;
            }
            String channel = m.group(1);
            String prefix = "mp.messaging.incoming." + channel + ".";
            if (!config.getOptionalValue(prefix + "enabled", Boolean.class).orElse(true)) {
                continue;
            }
            String group = config.getValue(name, String.class);
            String topic = config.getOptionalValue(prefix + "topic", String.class).orElse(channel);
            found.put(group + "\u0000" + topic, new Subscription(group, topic));
        }
        return List.copyOf(found.values());
    }

    private double lagOf(Subscription s) {
        Map<Subscription, Long> now = lag.get();
        Long value = now == null ? null : now.get(s);
        return value == null ? Double.NaN : value;
    }

    private Map<Subscription, Long> readLag(List<Subscription> subscriptions) {
        if (subscriptions.isEmpty()) {
            return Map.of();
        }
        try {
            Admin client = admin();
            List<String> topics = subscriptions.stream().map(Subscription::topic).distinct().toList();
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            Map<TopicPartition, OffsetSpec> earliest = new HashMap<>();
            for (KafkaFuture<TopicDescription> described : client.describeTopics(topics).topicNameValues().values()) {
                TopicDescription topic;
                try {
                    topic = described.get(BROKER_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
                } catch (ExecutionException e) {
                    continue; // a topic not created yet has no lag to show; the others still do
                }
                topic.partitions().forEach(p -> {
                    latest.put(new TopicPartition(topic.name(), p.partition()), OffsetSpec.latest());
                    earliest.put(new TopicPartition(topic.name(), p.partition()), OffsetSpec.earliest());
                });
            }
            Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends = client.listOffsets(latest).all()
                    .get(BROKER_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> starts = client.listOffsets(earliest).all()
                    .get(BROKER_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            Map<Subscription, Long> lags = new HashMap<>();
            for (Subscription s : subscriptions) {
                Map<TopicPartition, OffsetAndMetadata> committed = client.listConsumerGroupOffsets(s.group())
                        .partitionsToOffsetAndMetadata().get(BROKER_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
                if (ends.keySet().stream().noneMatch(tp -> tp.topic().equals(s.topic()))) {
                    continue; // no such topic (yet): NaN, not a lag of 0
                }
                long total = 0;
                for (Map.Entry<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> end : ends.entrySet()) {
                    if (!end.getKey().topic().equals(s.topic())) {
                        continue;
                    }
                    OffsetAndMetadata at = committed.get(end.getKey());
                    // nothing committed yet: everything still on the partition is to be read
                    long from = at != null ? at.offset() : starts.get(end.getKey()).offset();
                    total += Math.max(0, end.getValue().offset() - from);
                }
                lags.put(s, total);
            }
            return lags;
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Cannot read the consumer lag", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted reading the consumer lag", e);
        }
    }

    private synchronized Admin admin() {
        if (admin == null) {
            Map<String, Object> settings = new HashMap<>();
            kafkaConfig.forEach((key, value) -> {
                if (AdminClientConfig.configNames().contains(key)) {
                    settings.put(key, value);
                }
            });
            settings.put(AdminClientConfig.CLIENT_ID_CONFIG, "upright-metrics");
            settings.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) BROKER_TIMEOUT.toMillis());
            settings.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) BROKER_TIMEOUT.toMillis());
            admin = Admin.create(settings);
        }
        return admin;
    }
}
