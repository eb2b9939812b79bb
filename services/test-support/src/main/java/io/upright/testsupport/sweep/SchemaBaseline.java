package io.upright.testsupport.sweep;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Iterator;
import java.util.Map;

/**
 * A valid-looking value for a (resolved) schema: its example, else its first enum constant, else a value of its type
 * and format within its bounds. The sweep starts from this so that exactly one thing is wrong in each request.
 */
public final class SchemaBaseline {

    /** Fixed so that a run is reproducible and path values stay the same across callers. */
    public static final String UUID_VALUE = "6f1c2d3e-4b5a-4c7d-8e9f-0a1b2c3d4e5f";
    private static final int MAX_DEPTH = 5;
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private SchemaBaseline() {
    }

    public static JsonNode of(JsonNode schema) {
        return of(schema, 0);
    }

    private static JsonNode of(JsonNode schema, int depth) {
        if (schema.has("example") && !schema.get("example").isNull() && exampleFits(schema)) {
            return schema.get("example").deepCopy();
        }
        if (schema.path("examples").isArray() && schema.get("examples").size() > 0) {
            return schema.get("examples").get(0).deepCopy();
        }
        if (schema.path("enum").isArray() && schema.get("enum").size() > 0) {
            return schema.get("enum").get(0).deepCopy();
        }
        if (schema.has("default") && !schema.get("default").isNull()) {
            return schema.get("default").deepCopy();
        }
        String type = typeOf(schema);
        switch (type) {
            case "string":
                return NODES.textNode(string(schema));
            case "integer":
                return NODES.numberNode((long) bounded(schema, 1));
            case "number":
                return NODES.numberNode(bounded(schema, 1.0));
            case "boolean":
                return NODES.booleanNode(true);
            case "array": {
                ArrayNode array = NODES.arrayNode();
                if (depth < MAX_DEPTH) {
                    int count = Math.max(1, schema.path("minItems").asInt(1));
                    for (int i = 0; i < count; i++) {
                        array.add(of(schema.path("items"), depth + 1));
                    }
                }
                return array;
            }
            case "object": {
                ObjectNode object = NODES.objectNode();
                if (depth < MAX_DEPTH) {
                    Iterator<Map.Entry<String, JsonNode>> properties = schema.path("properties").fields();
                    while (properties.hasNext()) {
                        Map.Entry<String, JsonNode> property = properties.next();
                        if (!property.getValue().path("readOnly").asBoolean(false)) {
                            object.set(property.getKey(), of(property.getValue(), depth + 1));
                        }
                    }
                    if (!schema.has("properties") && schema.path("additionalProperties").isObject()) {
                        object.set("sweep", of(schema.get("additionalProperties"), depth + 1));
                    }
                }
                return object;
            }
            default:
                return NODES.textNode("sweep");
        }
    }

    /** An object example on a schema with properties may be partial; build from the properties instead. */
    private static boolean exampleFits(JsonNode schema) {
        return !(schema.has("properties") && schema.get("example").isTextual());
    }

    static String typeOf(JsonNode schema) {
        if (schema.has("type")) {
            return schema.get("type").asText();
        }
        if (schema.has("properties") || schema.has("additionalProperties")) {
            return "object";
        }
        if (schema.has("items")) {
            return "array";
        }
        return "unknown";
    }

    private static String string(JsonNode schema) {
        String format = schema.path("format").asText("");
        String value;
        switch (format) {
            case "uuid":
                value = UUID_VALUE;
                break;
            case "date-time":
                value = "2026-11-25T09:30:00Z";
                break;
            case "date":
                value = "2026-11-25";
                break;
            case "local-time":
            case "time":
                value = "09:30";
                break;
            case "email":
                value = "sweep@example.com";
                break;
            case "uri":
            case "url":
                value = "https://example.com/sweep";
                break;
            case "duration":
                value = "PT1M";
                break;
            default:
                value = "sweep";
        }
        int min = schema.path("minLength").asInt(0);
        int max = schema.path("maxLength").asInt(Integer.MAX_VALUE);
        StringBuilder padded = new StringBuilder(value);
        while (padded.length() < min) {
            padded.append('x');
        }
        return padded.length() > max ? padded.substring(0, max) : padded.toString();
    }

    private static double bounded(JsonNode schema, double preferred) {
        double value = preferred;
        if (schema.has("minimum")) {
            value = Math.max(value, schema.get("minimum").asDouble());
        }
        if (schema.has("exclusiveMinimum") && schema.get("exclusiveMinimum").isNumber()) {
            value = Math.max(value, schema.get("exclusiveMinimum").asDouble() + 1);
        }
        if (schema.has("maximum")) {
            value = Math.min(value, schema.get("maximum").asDouble());
        }
        return value;
    }
}
