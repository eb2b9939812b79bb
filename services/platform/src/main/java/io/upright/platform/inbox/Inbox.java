package io.upright.platform.inbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.upright.contracts.EventCatalog;
import io.upright.contracts.EventType;
import io.upright.contracts.SealedForEmployee;
import io.upright.platform.crypto.AesGcm;
import io.upright.platform.crypto.TopicKeys;
import io.upright.contracts.CloudEventHeaders;
import io.upright.platform.outbox.SealedPayload;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import jakarta.annotation.PostConstruct;
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
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

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
@Startup // its duplicates counter is in /q/metrics from the start, also in a service that consumes nothing yet
@ApplicationScoped
public class Inbox {

    @Inject
    DataSource dataSource;

    @Inject
    ObjectMapper json;

    @Inject
    TopicKeys topicKeys;

    @Inject
    MeterRegistry registry;

    /**
     * {@code upright_inbox_duplicates_total}: records skipped as seen before (redeliveries after a rebalance or a crash;
     * a steady rise means offsets are not being committed).
     */
    private Counter duplicates;

    @PostConstruct
    void registerMetrics() {
        duplicates = Counter.builder("upright.inbox.duplicates")
                .description("Records the inbox had seen before and skipped")
                .register(registry);
    }

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
            if (ps.executeUpdate() == 1) {
                return Optional.of(event);
            }
            duplicates.increment();
            return Optional.empty();
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot record " + event.id() + " in the inbox", e);
        }
    }

    /**
     * {@link #accept} for many decoded records in one statement: inserts the inbox rows of every event not seen before
     * by {@code consumer} and returns those events in the given order. An event given twice counts once (its first
     * place), like one seen in an earlier transaction.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<IncomingEvent> acceptAll(String consumer, List<IncomingEvent> events) {
        Map<List<String>, IncomingEvent> unique = new LinkedHashMap<>();
        for (IncomingEvent event : events) {
            unique.putIfAbsent(List.of(event.source(), event.id()), event);
        }
        if (unique.isEmpty()) {
            return List.of();
        }
        int n = unique.size();
        String[] sources = new String[n];
        String[] ids = new String[n];
        String[] tenants = new String[n];
        String[] types = new String[n];
        int i = 0;
        for (IncomingEvent event : unique.values()) {
            sources[i] = event.source();
            ids[i] = event.id();
            tenants[i] = event.tenant();
            types[i] = event.type();
            i++;
        }
        Set<List<String>> inserted = new HashSet<>();
        // arrays keep the statement one text whatever the batch size (one plan, no parameter limit)
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement(
                     "insert into inbox (consumer, source, event_id, tenant_id, event_type) "
                             + "select ?, s, e, t, y from unnest(?::text[], ?::text[], ?::text[], ?::text[]) as r(s, e, t, y) "
                             + "on conflict do nothing returning source, event_id")) {
            ps.setString(1, consumer);
            ps.setArray(2, c.createArrayOf("text", sources));
            ps.setArray(3, c.createArrayOf("text", ids));
            ps.setArray(4, c.createArrayOf("text", tenants));
            ps.setArray(5, c.createArrayOf("text", types));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    inserted.add(List.of(rs.getString(1), rs.getString(2)));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot record " + n + " events in the inbox", e);
        }
        List<IncomingEvent> accepted = new ArrayList<>(inserted.size());
        unique.forEach((key, event) -> {
            if (inserted.contains(key)) {
                accepted.add(event);
            }
        });
        duplicates.increment(events.size() - accepted.size());
        return accepted;
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
        return new IncomingEvent(id, type, source, subject, time, tenant, record.key(), payload,
                header(record, CloudEventHeaders.TRACEPARENT));
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
