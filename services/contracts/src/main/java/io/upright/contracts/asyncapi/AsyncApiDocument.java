package io.upright.contracts.asyncapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.upright.contracts.CloudEventHeaders;
import io.upright.contracts.EventCatalog;
import io.upright.contracts.EventType;
import io.upright.contracts.IntegrationEvent;
import io.upright.contracts.SealedForEmployee;
import io.upright.contracts.UprightService;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.RecordComponent;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

/**
 * The AsyncAPI 3.0 document of Upright's Kafka traffic, made from the {@link EventCatalog}, the pinned schemas and
 * what each service subscribes to: one channel per topic and per dead-letter topic, one message per CloudEvents type
 * (and its dead-lettered form), a send operation per publishing service and receive and dead-letter operations per
 * subscription. A version a newer one of its type replaced is a message of its channel and of the operations that
 * receive it (old records stay on the topic and are read, upcast), never of its owner's send operation. Same input,
 * same bytes: docs/asyncapi.yaml is compared with it byte for byte.
 */
public final class AsyncApiDocument {

    public static final String ASYNCAPI_VERSION = "3.0.0";
    /**
     * Version of the contract the document describes. Each event type carries its own version in its ce_type; this
     * one moves (minor: types or optional fields added, major: a type withdrawn) so readers can tell documents apart.
     */
    public static final String CONTRACT_VERSION = "1.0.0";
    public static final String SEALED_PAYLOAD = "sealed-payload";
    public static final String DEAD_LETTER_SUFFIX = ".dead-letter";

    private static final String KAFKA_BINDING_VERSION = "0.5.0";
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * One incoming channel of a service: the topic it reads, and the dead-letter topic where it puts the records of
     * that topic it cannot apply (null: it has none).
     */
    public record Subscription(UprightService consumer, String topic, String deadLetterTopic) {
    }

    private AsyncApiDocument() {
    }

    /** The document as YAML. */
    public static String yaml(List<Subscription> subscriptions) {
        return Yaml.write(tree(subscriptions));
    }

    /** The document as a JSON tree, in the order it is written. */
    public static ObjectNode tree(List<Subscription> subscriptions) {
        List<Subscription> ordered = new ArrayList<>(subscriptions);
        ordered.sort(Comparator.comparing((Subscription s) -> s.consumer())
                .thenComparing(s -> publisherOf(s.topic()))
                .thenComparing(Subscription::deadLetterTopic, Comparator.nullsFirst(Comparator.naturalOrder())));

        ObjectNode doc = JSON.createObjectNode();
        doc.put("asyncapi", ASYNCAPI_VERSION);
        doc.put("id", "urn:upright:events");
        ObjectNode info = doc.putObject("info");
        info.put("title", "Upright events");
        info.put("version", CONTRACT_VERSION);
        info.put("description", "Every Kafka record Upright's services publish and consume: CloudEvents 1.0 in binary "
                + "mode (attributes in ce_* headers, the event as the JSON value). Generated from the contracts module "
                + "by ./upright asyncapi; do not edit by hand.");
        ObjectNode kafka = doc.putObject("servers").putObject("kafka");
        kafka.put("host", "{bootstrap}");
        kafka.put("protocol", "kafka");
        kafka.put("description", "The deployment's Kafka cluster.");
        kafka.putObject("variables").putObject("bootstrap")
                .put("description", "The cluster's bootstrap servers (host:port); each deployment supplies its own.");
        doc.put("defaultContentType", "application/json");

        ObjectNode channels = doc.putObject("channels");
        ObjectNode operations = doc.putObject("operations");
        ObjectNode schemas = JSON.createObjectNode();
        ObjectNode messages = JSON.createObjectNode();
        schemas.set(SEALED_PAYLOAD, sealedPayload());

        for (UprightService owner : UprightService.values()) {
            List<EventType<?>> types = typesOf(owner);
            if (types.isEmpty()) {
                continue;
            }
            ObjectNode channel = channels.putObject(owner.topic());
            channel.put("address", owner.topic());
            channel.put("description", "The integration events " + owner.slug() + " publishes, each keyed for ordering "
                    + "(see the message's Kafka key).");
            ObjectNode refs = channel.putObject("messages");
            List<String> published = new ArrayList<>();
            for (EventType<?> type : types) {
                JsonNode plain = schemaOf(type);
                schemas.set(type.ceType(), plain);
                messages.set(type.ceType(), message(type, plain));
                refs.putObject(type.ceType()).put("$ref", "#/components/messages/" + type.ceType());
                if (replacement(type) == null) {
                    published.add(type.ceType());
                }
            }
            operation(operations, owner.slug() + ".publish", "send", owner.topic(), published,
                    owner.slug() + " publishes its integration events from its outbox, in commit order per key.");
        }

        Map<String, List<Subscription>> byDeadLetterTopic = new LinkedHashMap<>();
        for (Subscription s : ordered) {
            ObjectNode read = (ObjectNode) channels.get(s.topic());
            if (read == null) {
                throw new IllegalArgumentException(s.consumer().slug() + " reads " + s.topic() + ", where nothing is published");
            }
            StringBuilder upcasts = new StringBuilder();
            for (EventType<?> type : typesOf(publisherOf(s.topic()))) {
                if (replacement(type) != null) {
                    upcasts.append(" It reads ").append(type.ceType()).append(", no longer published, as ")
                            .append(replacement(type).ceType()).append(" (upcast).");
                }
            }
            operation(operations, s.consumer().slug() + ".consume." + s.topic(), "receive", s.topic(), messageIds(read),
                    s.consumer().slug() + " reads " + s.topic() + " and skips the types it has no use for." + upcasts);
            if (s.deadLetterTopic() != null) {
                byDeadLetterTopic.computeIfAbsent(s.deadLetterTopic(), t -> new ArrayList<>()).add(s);
            }
        }
        byDeadLetterTopic.keySet().stream().sorted().forEach(topic -> {
            ObjectNode channel = channels.putObject(topic);
            channel.put("address", topic);
            channel.put("description", "Records a consumer could not apply: the original key, value and headers, plus "
                    + "the dead-letter-* headers saying why and where from. ./upright dlq lists and redrives them.");
            ObjectNode refs = channel.putObject("messages");
            Set<UprightService> writers = new LinkedHashSet<>();
            for (Subscription s : byDeadLetterTopic.get(topic)) {
                writers.add(s.consumer());
                for (EventType<?> type : typesOf(publisherOf(s.topic()))) {
                    String id = type.ceType() + DEAD_LETTER_SUFFIX;
                    messages.set(id, deadLetter(type, (ObjectNode) messages.get(type.ceType())));
                    refs.putObject(id).put("$ref", "#/components/messages/" + id);
                }
            }
            for (UprightService writer : writers) {
                operation(operations, writer.slug() + ".dead-letter." + topic, "send", topic, messageIds(channel),
                        writer.slug() + " dead-letters a record it cannot apply instead of stopping its partition.");
            }
        });

        ObjectNode components = doc.putObject("components");
        components.set("schemas", schemas);
        components.set("messages", messages);
        return doc;
    }

    /** The service whose topic this is. */
    public static UprightService publisherOf(String topic) {
        for (UprightService service : UprightService.values()) {
            if (service.topic().equals(topic)) {
                return service;
            }
        }
        throw new IllegalArgumentException("No Upright service publishes on " + topic);
    }

    private static List<EventType<?>> typesOf(UprightService owner) {
        return EventCatalog.ALL.stream().filter(t -> t.owner() == owner).toList();
    }

    /**
     * The type that replaced {@code type}: the newest version of its name when that is newer, else null (it is the
     * one its owner publishes). Owners publish only the newest version; consumers upcast the older ones to it.
     */
    static EventType<?> replacement(EventType<?> type) {
        EventType<?> newest = type;
        for (EventType<?> t : typesOf(type.owner())) {
            if (t.name().equals(type.name()) && t.version() > newest.version()) {
                newest = t;
            }
        }
        return newest == type ? null : newest;
    }

    private static List<String> messageIds(ObjectNode channel) {
        List<String> ids = new ArrayList<>();
        channel.get("messages").fieldNames().forEachRemaining(ids::add);
        return ids;
    }

    private static void operation(ObjectNode operations, String id, String action, String channelId,
                                  List<String> messageIds, String summary) {
        ObjectNode op = operations.putObject(id);
        op.put("action", action);
        op.putObject("channel").put("$ref", "#/channels/" + channelId);
        op.put("summary", summary);
        ArrayNode refs = op.putArray("messages");
        messageIds.forEach(m -> refs.addObject().put("$ref", "#/channels/" + channelId + "/messages/" + m));
    }

    private static ObjectNode message(EventType<?> type, JsonNode plain) {
        boolean sealed = SealedForEmployee.class.isAssignableFrom(type.javaType());
        ObjectNode m = JSON.createObjectNode();
        m.put("name", type.ceType());
        m.put("title", title(type));
        m.put("summary", plain.path("description").asText());
        m.put("contentType", "application/json");
        String subject = fieldOf(type, IntegrationEvent::subject);
        m.putObject("correlationId")
                .put("description", "ce_subject is the aggregate the event is about: " + describe(subject) + ".")
                .put("location", "$message.header#/" + CloudEventHeaders.SUBJECT);
        m.set("headers", headers(type, idSchema(plain, subject, "The aggregate the event is about", null)));
        EventType<?> replacement = replacement(type);
        String legacy = replacement == null ? "" : "No longer published: " + type.owner().slug() + " publishes "
                + replacement.ceType() + " instead. Records of this version written before may still be on the topic "
                + "(retention, a replay, an old instance during a rolling upgrade); consumers read them as "
                + replacement.ceType() + " (upcast by the contracts' Upcasts.latest).";
        if (sealed) {
            m.set("payload", ref(SEALED_PAYLOAD));
            m.put("description", (legacy.isEmpty() ? "" : legacy + " ") + "Sealed for the employee: the value is "
                    + "{sealedFor, sealed}, where sealed is this event's JSON (x-upright-sealed-content) encrypted under "
                    + "the employee's topic key, unreadable everywhere once the employee is erased.");
            m.set("x-upright-sealed-content", ref(type.ceType()));
        } else {
            m.set("payload", ref(type.ceType()));
            if (!legacy.isEmpty()) {
                m.put("description", legacy);
            }
        }
        if (replacement != null) {
            m.put("x-upright-replaced-by", replacement.ceType());
        }
        String key = fieldOf(type, IntegrationEvent::key);
        ObjectNode binding = m.putObject("bindings").putObject("kafka");
        binding.set("key", idSchema(plain, key, "The record key", key.equals("employeeId")
                ? "so one employee's events stay in order on one partition"
                : "so the aggregate's events stay in order on one partition"));
        binding.put("bindingVersion", KAFKA_BINDING_VERSION);
        return m;
    }

    /** The record a consumer could not apply, as it lands on the dead-letter topic: unchanged, plus why and whence. */
    private static ObjectNode deadLetter(EventType<?> type, ObjectNode original) {
        ObjectNode m = original.deepCopy();
        m.put("name", type.ceType() + DEAD_LETTER_SUFFIX);
        m.put("title", title(type) + ", dead-lettered");
        ObjectNode headers = (ObjectNode) m.get("headers");
        ObjectNode props = (ObjectNode) headers.get("properties");
        ArrayNode required = (ArrayNode) headers.get("required");
        deadLetterHeader(props, required, "dead-letter-exception-class-name", "The failure's class", true);
        deadLetterHeader(props, required, "dead-letter-reason", "The failure's message", true);
        deadLetterHeader(props, required, "dead-letter-cause-class-name", "The failure's cause's class, when it had one", false);
        deadLetterHeader(props, required, "dead-letter-cause", "The failure's cause's message, when it had one", false);
        deadLetterHeader(props, required, "dead-letter-topic", "The topic the record was read from", true)
                .put("const", type.topic());
        deadLetterHeader(props, required, "dead-letter-partition", "Its partition there", true).put("pattern", "^[0-9]+$");
        deadLetterHeader(props, required, "dead-letter-offset", "Its offset there", true).put("pattern", "^[0-9]+$");
        return m;
    }

    private static ObjectNode deadLetterHeader(ObjectNode props, ArrayNode required, String name, String description,
                                               boolean always) {
        if (always) {
            required.add(name);
        }
        return props.putObject(name).put("type", "string").put("description", description);
    }

    private static ObjectNode headers(EventType<?> type, ObjectNode subject) {
        ObjectNode h = JSON.createObjectNode();
        h.put("type", "object");
        ObjectNode p = h.putObject("properties");
        p.putObject(CloudEventHeaders.SPEC_VERSION).put("type", "string").put("const", "1.0");
        p.putObject(CloudEventHeaders.ID).put("type", "string").put("format", "uuid")
                .put("description", "Unique per event; consumers deduplicate on it");
        p.putObject(CloudEventHeaders.TYPE).put("type", "string").put("const", type.ceType());
        p.putObject(CloudEventHeaders.SOURCE).put("type", "string").put("const", type.owner().source());
        p.set(CloudEventHeaders.SUBJECT, subject);
        p.putObject(CloudEventHeaders.TIME).put("type", "string").put("format", "date-time")
                .put("description", "When the change that caused the event committed");
        p.putObject(CloudEventHeaders.TENANT).put("type", "string").put("description", "The tenant the event belongs to");
        p.putObject(CloudEventHeaders.CONTENT_TYPE).put("type", "string").put("const", "application/json");
        ArrayNode required = h.putArray("required");
        p.fieldNames().forEachRemaining(required::add);
        // optional: an event written outside any trace has none
        p.putObject(CloudEventHeaders.TRACEPARENT).put("type", "string").put("pattern", "^00-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}$")
                .put("description", "The CloudEvents distributed-tracing extension: the W3C trace context of the span "
                        + "that wrote the event; a consumer continues that trace");
        return h;
    }

    /** The schema of an id the event names by {@code field} (its schema's), or of a constant ({@code =value}). */
    private static ObjectNode idSchema(JsonNode plain, String field, String what, String why) {
        ObjectNode s = JSON.createObjectNode().put("type", "string");
        String which;
        if (field.startsWith("=")) {
            s.put("const", field.substring(1));
            which = "always " + field.substring(1);
        } else {
            JsonNode format = plain.path("properties").path(field).path("format");
            if (!format.isMissingNode()) {
                s.put("format", format.asText());
            }
            which = "the event's " + field;
        }
        s.put("description", what + ": " + which + (why == null ? "" : ", " + why));
        return s;
    }

    private static String describe(String field) {
        return field.startsWith("=") ? "the constant " + field.substring(1) : "its " + field;
    }

    /**
     * Which record component {@code accessor} (key or subject) returns, found by asking a sample event: each component
     * gets a distinct value, so the one returned names it. A value no component has is a constant, returned as
     * {@code =value}. Asking the record keeps the document true to {@link IntegrationEvent#key()} without a second list.
     */
    static String fieldOf(EventType<?> type, Function<IntegrationEvent, String> accessor) {
        RecordComponent[] components = type.javaType().getRecordComponents();
        Object[] values = new Object[components.length];
        Class<?>[] types = new Class<?>[components.length];
        for (int i = 0; i < components.length; i++) {
            types[i] = components[i].getType();
            values[i] = sample(types[i], i);
        }
        IntegrationEvent event;
        try {
            event = type.javaType().getDeclaredConstructor(types).newInstance(values);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Cannot make a sample " + type.ceType(), e);
        }
        String value = accessor.apply(event);
        for (int i = 0; i < components.length; i++) {
            if (values[i] != null && value.equals(values[i].toString())) {
                return components[i].getName();
            }
        }
        return "=" + value;
    }

    private static Object sample(Class<?> type, int i) {
        if (type == UUID.class) {
            return new UUID(0xA5A1L, i + 1L);
        }
        if (type == String.class) {
            return "sample-" + i;
        }
        if (type == int.class || type == Integer.class) {
            return 1000 + i;
        }
        if (type == long.class || type == Long.class) {
            return 1000L + i;
        }
        if (type == boolean.class) {
            return false;
        }
        if (type == Instant.class) {
            return Instant.EPOCH.plusSeconds(i);
        }
        if (type == LocalDate.class) {
            return LocalDate.EPOCH.plusDays(i);
        }
        if (type == LocalTime.class) {
            return LocalTime.of(0, i % 60);
        }
        if (type == List.class) {
            return List.of();
        }
        if (type == Set.class) {
            return Set.of();
        }
        if (type.isEnum()) {
            return type.getEnumConstants()[0];
        }
        return null;
    }

    private static String title(EventType<?> type) {
        String words = type.name().replace('-', ' ');
        return words.substring(0, 1).toUpperCase(Locale.ROOT) + words.substring(1) + " (v" + type.version() + ")";
    }

    private static ObjectNode ref(String schema) {
        return JSON.createObjectNode().put("$ref", "#/components/schemas/" + schema);
    }

    /** What a sealed event's value is on the wire (the platform's SealedPayload). */
    private static ObjectNode sealedPayload() {
        ObjectNode s = JSON.createObjectNode();
        s.put("title", SEALED_PAYLOAD);
        s.put("description", "A sealed event: whose topic key sealed it (also the record key), and the event's JSON "
                + "sealed with AES-GCM under that key (tk1: then base64 of nonce and ciphertext).");
        s.put("type", "object");
        ObjectNode p = s.putObject("properties");
        p.putObject("sealedFor").put("type", "string").put("format", "uuid");
        p.putObject("sealed").put("type", "string").put("pattern", "^tk1:[A-Za-z0-9+/]+=*$");
        s.putArray("required").add("sealedFor").add("sealed");
        s.put("additionalProperties", false);
        return s;
    }

    private static JsonNode schemaOf(EventType<?> type) {
        String path = "/schemas/" + type.ceType() + ".json";
        try (InputStream in = EventCatalog.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("No pinned schema " + path);
            }
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
