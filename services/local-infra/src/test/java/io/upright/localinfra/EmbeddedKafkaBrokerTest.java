package io.upright.localinfra;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** Reads the configuration back from the running broker: what it reports is what it applies to its logs. */
class EmbeddedKafkaBrokerTest {

    private static final String TOPIC = "upright.durability-check";

    @TempDir
    Path dataDir;

    @Test
    void durableBrokerFlushesEveryAppendAndNeverElectsAnUncleanLeader() throws Exception {
        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(dataDir, 0, Durability.DURABLE)) {
            broker.createTopics(List.of(TOPIC), 3);
            Config brokerConfig = describe(broker, new ConfigResource(ConfigResource.Type.BROKER, "1"));
            assertThat(brokerConfig.get("log.flush.interval.messages").value()).isEqualTo("1");
            assertThat(brokerConfig.get("unclean.leader.election.enable").value()).isEqualTo("false");
            assertThat(brokerConfig.get("offsets.retention.minutes").value()).isEqualTo(String.valueOf(Integer.MAX_VALUE));
            assertThat(brokerConfig.get("min.insync.replicas").value()).isEqualTo("1");
            assertThat(brokerConfig.get("transaction.state.log.min.isr").value()).isEqualTo("1");

            Config topicConfig = describe(broker, new ConfigResource(ConfigResource.Type.TOPIC, TOPIC));
            assertThat(topicConfig.get("flush.messages").value()).isEqualTo("1");
            assertThat(topicConfig.get("unclean.leader.election.enable").value()).isEqualTo("false");

            // the relay's producer settings are accepted by the single-replica broker
            try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                    ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
                    ProducerConfig.ACKS_CONFIG, "all",
                    ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true), new StringSerializer(), new StringSerializer())) {
                RecordMetadata written = producer.send(new ProducerRecord<>(TOPIC, "key", "value")).get(30, TimeUnit.SECONDS);
                assertThat(written.offset()).isZero();
            }
        }
    }

    @Test
    void plainStartKeepsLeavingFlushesToTheOperatingSystem() throws Exception {
        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(dataDir, 0)) {
            broker.createTopics(List.of(TOPIC), 1);
            Config topicConfig = describe(broker, new ConfigResource(ConfigResource.Type.TOPIC, TOPIC));
            assertThat(topicConfig.get("flush.messages").value()).isEqualTo(String.valueOf(Long.MAX_VALUE));
        }
    }

    private static Config describe(EmbeddedKafkaBroker broker, ConfigResource resource) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()))) {
            return admin.describeConfigs(List.of(resource)).all().get(30, TimeUnit.SECONDS).get(resource);
        }
    }
}
