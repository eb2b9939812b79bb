package io.upright.localinfra;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.upright.contracts.CloudEventHeaders;
import io.upright.contracts.EventCatalog;
import io.upright.contracts.EventType;
import io.upright.contracts.IntegrationEvent;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;

/**
 * Builds Kafka records the way a service's outbox relay publishes them (CloudEvents 1.0 binary mode plus the
 * {@code ce_tenant} extension), so consumer tests can feed a service without its producer running. The
 * returned record's headers are mutable: a test makes a poison record by removing one.
 */
public final class CloudEventRecords {

    /** Records are stamped with the real time: they are read by services and brokers that run on it. */
    private static final Clock WALL_CLOCK = Clock.systemUTC();

    // ISO-8601 dates, as the services' Quarkus ObjectMapper writes them
    private static final ObjectMapper JSON = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS);

    private CloudEventRecords() {
    }

    /** A record with every CloudEvents header set; {@code ce_time} is now. */
    public static ProducerRecord<String, byte[]> record(String topic, String key, String ceId, String ceType,
                                                        String source, String subject, String tenant, byte[] body) {
        RecordHeaders headers = new RecordHeaders();
        headers.add(CloudEventHeaders.SPEC_VERSION, bytes(CloudEventHeaders.SPEC_VERSION_1_0));
        headers.add(CloudEventHeaders.ID, bytes(ceId));
        headers.add(CloudEventHeaders.TYPE, bytes(ceType));
        headers.add(CloudEventHeaders.SOURCE, bytes(source));
        headers.add(CloudEventHeaders.SUBJECT, bytes(subject));
        headers.add(CloudEventHeaders.TIME, bytes(Instant.now(WALL_CLOCK).toString()));
        headers.add(CloudEventHeaders.TENANT, bytes(tenant));
        headers.add(CloudEventHeaders.CONTENT_TYPE, bytes(CloudEventHeaders.JSON));
        return new ProducerRecord<>(topic, null, key, body, headers);
    }

    /** A record of a catalogued type, on its owner's topic with its owner as source; the body is taken as is. */
    public static ProducerRecord<String, byte[]> record(EventType<?> type, String key, String ceId, String subject,
                                                        String tenant, byte[] body) {
        return record(type.topic(), key, ceId, type.ceType(), type.owner().source(), subject, tenant, body);
    }

    /** A record of a catalogued type whose body is {@code payload} (a contract record, a map...) as JSON. */
    public static ProducerRecord<String, byte[]> record(EventType<?> type, String key, String ceId, String subject,
                                                        String tenant, Object payload) {
        return record(type, key, ceId, subject, tenant, json(payload));
    }

    /** An integration event exactly as its owner would publish it: its own type, key and subject. */
    public static ProducerRecord<String, byte[]> record(String tenant, String ceId, IntegrationEvent event) {
        return record(EventCatalog.of(event), event.key(), ceId, event.subject(), tenant, (Object) event);
    }

    /** The JSON a relay would put in the body. */
    public static byte[] json(Object payload) {
        try {
            return JSON.writeValueAsBytes(payload);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Cannot write " + payload.getClass().getName() + " as JSON", e);
        }
    }

    private static byte[] bytes(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }
}
