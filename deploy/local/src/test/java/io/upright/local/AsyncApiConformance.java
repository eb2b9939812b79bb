package io.upright.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Holds a Kafka record to docs/asyncapi.yaml: its ce_type is a message of its topic's channel, and its headers, key and
 * value have that message's header, key and payload schemas' properties (no others where the schema allows none), each
 * required one present, consts, uuid formats and patterns kept.
 */
final class AsyncApiConformance {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final JsonNode document;

    AsyncApiConformance(JsonNode document) {
        this.document = document;
    }

    static AsyncApiConformance of(Path root) {
        try {
            return new AsyncApiConformance(new ObjectMapper(new YAMLFactory())
                    .readTree(root.resolve(AsyncApiCommand.DOCUMENT).toFile()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @return the id of the message the record is */
    String check(ConsumerRecord<String, byte[]> record) {
        JsonNode channel = document.path("channels").path(record.topic());
        assertThat(channel.isObject()).as("docs/asyncapi.yaml has a channel " + record.topic()).isTrue();
        String type = header(record, "ce_type");
        String id = null;
        JsonNode message = null;
        Iterator<Map.Entry<String, JsonNode>> messages = channel.path("messages").fields();
        while (messages.hasNext()) {
            Map.Entry<String, JsonNode> candidate = messages.next();
            JsonNode resolved = resolve(candidate.getValue());
            if (resolved.at("/headers/properties/ce_type/const").asText().equals(type)) {
                id = candidate.getKey();
                message = resolved;
            }
        }
        assertThat(message).as(type + " is a message of channel " + record.topic()).isNotNull();

        JsonNode headers = message.path("headers");
        Set<String> names = new HashSet<>();
        for (Header h : record.headers()) {
            names.add(h.key());
            String value = h.value() == null ? null : new String(h.value(), StandardCharsets.UTF_8);
            JsonNode schema = headers.path("properties").path(h.key());
            assertThat(schema.isObject()).as(id + " declares header " + h.key()).isTrue();
            holds(id + " header " + h.key(), schema, value);
        }
        for (JsonNode required : headers.path("required")) {
            assertThat(names).as(id + " headers").contains(required.asText());
        }
        holds(id + " key", message.at("/bindings/kafka/key"), record.key());

        JsonNode payload = resolve(message.path("payload"));
        JsonNode body;
        try {
            body = JSON.readTree(record.value());
        } catch (IOException e) {
            throw new AssertionError(id + " value is not JSON", e);
        }
        Set<String> fields = new HashSet<>();
        body.fieldNames().forEachRemaining(fields::add);
        Set<String> declared = new HashSet<>();
        payload.path("properties").fieldNames().forEachRemaining(declared::add);
        if (payload.path("additionalProperties").isBoolean() && !payload.path("additionalProperties").asBoolean()) {
            assertThat(declared).as(id + " payload fields").containsAll(fields);
        }
        for (JsonNode required : payload.path("required")) {
            JsonNode value = body.get(required.asText());
            String declaredType = payload.path("properties").path(required.asText()).path("type").toString();
            assertThat(value != null && (!value.isNull() || declaredType.contains("null")))
                    .as(id + "." + required.asText() + " is required").isTrue();
        }
        for (String field : fields) {
            JsonNode schema = payload.path("properties").path(field);
            if (body.get(field).isTextual() && schema.isObject()) {
                holds(id + "." + field, schema, body.get(field).asText());
            }
        }
        return id;
    }

    /** The string schema's const, uuid format and pattern hold for {@code value}. */
    private static void holds(String what, JsonNode schema, String value) {
        if (schema.has("const")) {
            assertThat(value).as(what).isEqualTo(schema.path("const").asText());
        }
        if ("uuid".equals(schema.path("format").asText())) {
            assertThat(UUID.fromString(value).toString()).as(what).isEqualToIgnoringCase(value);
        }
        if (schema.has("pattern")) {
            assertThat(value).as(what).containsPattern(schema.path("pattern").asText());
        }
    }

    /** A local {@code $ref} ("#/components/…") followed to what it names. */
    private JsonNode resolve(JsonNode node) {
        while (node.has("$ref")) {
            String ref = node.path("$ref").asText();
            assertThat(ref).startsWith("#/");
            node = document.at(ref.substring(1));
            assertThat(node.isMissingNode()).as(ref + " resolves").isFalse();
        }
        return node;
    }

    private static String header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
