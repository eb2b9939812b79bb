package io.upright.platform.inbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.upright.contracts.EventCatalog;
import io.upright.contracts.EventType;
import io.upright.contracts.SealedForEmployee;
import io.upright.platform.crypto.AesGcm;
import io.upright.platform.crypto.TopicKeys;
import io.upright.platform.outbox.CloudEventHeaders;
import io.upright.platform.outbox.SealedPayload;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

import javax.sql.DataSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * Idempotent consumption. A consumer calls {@link #accept} first thing inside the transaction of its
 * effect: the record's (consumer, source, id) is inserted into the inbox, and a record seen before comes
 * back empty. If the effect fails, the inbox row rolls back with it, so the record is retried or
 * dead-lettered, never half applied.
 *
 * <pre>
 * &#64;Incoming("programs") &#64;Blocking &#64;Transactional
 * void on(ConsumerRecord&lt;String, byte[]&gt; record) {
 *     inbox.accept("reminders", record).ifPresent(event -&gt; {
 *         if (event.payload() instanceof EmployeeEnrolled enrolled) { ... }
 *     });
 * }
 * </pre>
 */
@ApplicationScoped
public class Inbox {

    @Inject
    DataSource dataSource;

    @Inject
    ObjectMapper json;

    @Inject
    TopicKeys topicKeys;

    /**
     * @return the decoded event on its first delivery to {@code consumer}, empty on a redelivery
     * @throws PoisonRecord when the record is not a readable Upright CloudEvent
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<IncomingEvent> accept(String consumer, ConsumerRecord<String, byte[]> record) {
        IncomingEvent event = decode(record);
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement(
                     "insert into inbox (consumer, source, event_id, tenant_id, event_type) values (?, ?, ?, ?, ?) "
                             + "on conflict do nothing")) {
            ps.setString(1, consumer);
            ps.setString(2, event.source());
            ps.setString(3, event.id());
            ps.setString(4, event.tenant());
            ps.setString(5, event.type());
            return ps.executeUpdate() == 1 ? Optional.of(event) : Optional.empty();
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot record " + event.id() + " in the inbox", e);
        }
    }

    /** Reads the CloudEvents binary-mode headers and the JSON body of a record. */
    public IncomingEvent decode(ConsumerRecord<String, byte[]> record) {
        String id = required(record, CloudEventHeaders.ID);
        String type = required(record, CloudEventHeaders.TYPE);
        String source = required(record, CloudEventHeaders.SOURCE);
        String tenant = required(record, CloudEventHeaders.TENANT);
        String subject = header(record, CloudEventHeaders.SUBJECT);
        String timeHeader = header(record, CloudEventHeaders.TIME);
        Instant time;
        try {
            time = timeHeader == null ? Instant.ofEpochMilli(record.timestamp()) : Instant.parse(timeHeader);
        } catch (DateTimeParseException e) {
            throw new PoisonRecord("ce_time is not an ISO-8601 instant: " + timeHeader, e);
        }
        if (record.value() == null) {
            throw new PoisonRecord("record " + id + " has no body");
        }
        Object payload;
        try {
            Optional<EventType<?>> known = EventCatalog.byCeType(type);
            if (known.isEmpty()) {
                payload = json.readTree(record.value());
            } else if (SealedForEmployee.class.isAssignableFrom(known.get().javaType())) {
                payload = openSealed(tenant, type, id, record.value(), known.get().javaType());
            } else {
                payload = json.readValue(record.value(), known.get().javaType());
            }
        } catch (IOException e) {
            throw new PoisonRecord("body of " + type + " " + id + " is not valid: " + e.getMessage(), e);
        }
        return new IncomingEvent(id, type, source, subject, time, tenant, record.key(), payload);
    }

    /**
     * Opens a body sealed for one employee. A plain JSON body (a record published before sealing existed) is read as
     * it is; a body whose key was destroyed is an {@link ErasedEmployeeEvent}.
     */
    private Object openSealed(String tenant, String type, String id, byte[] body, Class<?> javaType) throws IOException {
        JsonNode tree = json.readTree(body);
        if (tree == null || !tree.has("sealed") || !tree.has("sealedFor")) {
            return json.treeToValue(tree, javaType);
        }
        SealedPayload sealed = json.treeToValue(tree, SealedPayload.class);
        if (sealed.sealedFor() == null || sealed.sealed() == null) {
            throw new PoisonRecord("sealed body of " + type + " " + id + " names no employee or holds nothing");
        }
        Optional<byte[]> opened;
        try {
            opened = topicKeys.open(tenant, sealed.sealedFor(), type, sealed.sealed());
        } catch (AesGcm.TamperedException e) {
            throw new PoisonRecord("sealed body of " + type + " " + id + " does not open: " + e.getMessage(), e);
        }
        if (opened.isEmpty()) {
            return new ErasedEmployeeEvent(type, sealed.sealedFor());
        }
        return json.readValue(opened.get(), javaType);
    }

    private static String required(ConsumerRecord<String, byte[]> record, String name) {
        String value = header(record, name);
        if (value == null || value.isBlank()) {
            throw new PoisonRecord("record at " + record.topic() + "/" + record.partition() + "@" + record.offset()
                    + " has no " + name + " header");
        }
        return value;
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
