package io.upright.testsupport.sweep;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.POJONode;
import com.fasterxml.jackson.databind.util.RawValue;
import io.upright.testsupport.sweep.OpenApiOperations.Operation;
import io.upright.testsupport.sweep.OpenApiOperations.Parameter;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Generates the bad requests for one operation, each from the schema-built baseline with one thing wrong: a body
 * field of the wrong type, null, absent, with a NUL, huge, or a number out of every range; a body that is not JSON,
 * empty, an array, nested beyond any parser's limit; a path, query or header parameter of garbage.
 */
public final class BadInputMutations {

    /** Body fields are mutated this deep (a.b.c); deeper fields are covered by their parent being wrong. */
    static final int MAX_FIELD_DEPTH = 3;
    static final int LARGE = 100_000;
    static final int HUGE = 1_000_000;

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final String LONG_SEGMENT = "a".repeat(3_000);

    /** Percent-encoded on purpose: sent as written, so the server sees the raw NUL, invalid UTF-8, dot segments. */
    static final List<String> PARAMETER_GARBAGE = List.of(
            "%00", "x%00y", "..", "%2e%2e", "%2e%2e%2f%2e%2e", "%FF", "%C0%AF", "%20", "%7B%7D%5B%5D", "%22%27%3C%3E",
            LONG_SEGMENT, "not-a-uuid", "-1", "1.5", "1e309", "9223372036854775808", "-9223372036854775809", "abc",
            "true", "null");
    /** Query parameters can also be present with nothing in them. */
    static final List<String> QUERY_ONLY_GARBAGE = List.of("");
    static final List<String> HEADER_GARBAGE = List.of(
            "garbage", "\"", "\"unterminated", "W/", "*", "-1", "9223372036854775808", "x".repeat(4_000), "\u00ff\u00fe");

    private final Map<String, String> pathValues;

    /** @param pathValues values for path parameters by name (e.g. an id that exists), else built from the schema */
    public BadInputMutations(Map<String, String> pathValues) {
        this.pathValues = Map.copyOf(pathValues);
    }

    public List<SweepRequest> of(Operation op) {
        return of(op, Map.of());
    }

    /** @param seeded path values for this operation only (an id the caller just created), before the general ones */
    public List<SweepRequest> of(Operation op, Map<String, String> seeded) {
        Map<String, String> known = new LinkedHashMap<>(pathValues);
        known.putAll(seeded);
        List<SweepRequest> requests = new ArrayList<>();
        Map<String, String> path = new LinkedHashMap<>();
        Map<String, String> query = new LinkedHashMap<>();
        Map<String, String> headers = new LinkedHashMap<>();
        for (Parameter p : op.parameters()) {
            String value = baselineParameter(p, known);
            switch (p.in()) {
                case "path":
                    path.put(p.name(), value);
                    break;
                case "query":
                    if (p.required()) {
                        query.put(p.name(), value);
                    }
                    break;
                case "header":
                    if (p.required()) {
                        headers.put(p.name(), value);
                    }
                    break;
                default:
                    break;
            }
        }
        JsonNode baselineBody = op.bodySchema() == null ? null : SchemaBaseline.of(op.bodySchema());
        Builder base = new Builder(op, path, query, headers, op.bodyMediaType(), bytes(baselineBody));
        requests.add(base.request("baseline", true));

        for (Parameter p : op.parameters()) {
            List<String> garbage = new ArrayList<>();
            switch (p.in()) {
                case "path":
                    garbage.addAll(PARAMETER_GARBAGE);
                    break;
                case "query":
                    garbage.addAll(PARAMETER_GARBAGE);
                    garbage.addAll(QUERY_ONLY_GARBAGE);
                    break;
                case "header":
                    garbage.addAll(HEADER_GARBAGE);
                    break;
                default:
                    break;
            }
            for (String value : garbage) {
                String label = p.in() + " " + p.name() + "=" + describe(value);
                requests.add(base.withParameter(p, value).request(label, true));
            }
            if (p.in().equals("query")) {
                // the same parameter twice: a framework may hand the resource a list or the first, never a 500
                Builder twice = base.withParameter(p, baselineParameter(p, known) + "&" + p.name() + "=2");
                requests.add(twice.request("query " + p.name() + " twice", false));
            }
        }

        if (op.bodyMediaType() == null) {
            return requests;
        }
        // whole-body mutations
        String media = op.bodyMediaType();
        requests.add(base.withBody(media, "{\"unterminated\": ").request("body not JSON", true));
        requests.add(base.withBody(media, "").request("body empty", true));
        requests.add(base.withBody(media, "[]").request("body an empty array", true));
        requests.add(base.withBody(media, "null").request("body null", true));
        requests.add(base.withBody(media, "\"text\"").request("body a string", false));
        requests.add(base.withBody(media, "1e309").request("body a huge number", false));
        requests.add(base.withBody(media, "[" + text(baselineBody) + "]").request("body the baseline in an array", false));
        requests.add(base.withBody(media, "[".repeat(5_000) + "]".repeat(5_000)).request("body nested 5000 deep", false));
        requests.add(base.withBody(media, "{\"a\":\"\u0000\"}").request("body with a NUL in an unknown field", false));
        requests.add(base.withBody(media, text(baselineBody) + "garbage").request("body with trailing garbage", false));
        requests.add(base.withBody("text/plain", text(baselineBody)).request("body sent as text/plain", false));
        requests.add(base.withBody("application/json; charset=latin-99", text(baselineBody))
                .request("body with an unknown charset", false));
        if (!op.jsonBody() || baselineBody == null) {
            return requests;
        }
        List<Field> fields = new ArrayList<>();
        collect(baselineBody, op.bodySchema(), new ArrayList<>(), fields);
        boolean hugeSent = false;
        for (Field field : fields) {
            for (Mutation m : mutationsFor(field)) {
                JsonNode body = baselineBody.deepCopy();
                replace(body, field.path(), m.value());
                requests.add(base.withBody(media, text(body)).request(field.label() + " " + m.label(), m.sampled()));
            }
            if (!hugeSent && "string".equals(field.type())) {
                hugeSent = true;
                JsonNode body = baselineBody.deepCopy();
                replace(body, field.path(), NODES.textNode("x".repeat(HUGE)));
                requests.add(base.withBody(media, text(body)).request(field.label() + " a 1 MB string", false));
            }
        }
        if (!hugeSent && baselineBody.isObject()) {
            ObjectNode body = baselineBody.deepCopy();
            body.put("sweep", "x".repeat(HUGE));
            requests.add(base.withBody(media, text(body)).request("unknown field a 1 MB string", false));
        }
        return requests;
    }

    private static String baselineParameter(Parameter p, Map<String, String> known) {
        if (known.containsKey(p.name()) && p.in().equals("path")) {
            return known.get(p.name());
        }
        JsonNode value = SchemaBaseline.of(p.schema());
        if (value.isArray()) {
            value = value.size() > 0 ? value.get(0) : NODES.textNode("sweep");
        }
        return encode(value.isTextual() ? value.asText() : value.toString());
    }

    /** The mutations for one field, by the type its schema declares. */
    static List<Mutation> mutationsFor(Field field) {
        List<Mutation> m = new ArrayList<>();
        m.add(new Mutation("null", NODES.nullNode(), true));
        if (field.inObject()) {
            m.add(new Mutation("absent", null, false));
        }
        switch (field.type()) {
            case "string":
                m.add(new Mutation("a number", NODES.numberNode(12345), false));
                m.add(new Mutation("a boolean", NODES.booleanNode(true), false));
                m.add(new Mutation("an object", NODES.objectNode().put("a", 1), false));
                m.add(new Mutation("an array", NODES.arrayNode().add("x"), false));
                m.add(new Mutation("with a NUL", NODES.textNode("a\u0000b"), true));
                m.add(new Mutation("empty", NODES.textNode(""), false));
                m.add(new Mutation("blank", NODES.textNode("   "), false));
                m.add(new Mutation("a 100 KB string", NODES.textNode("x".repeat(LARGE)), false));
                m.add(new Mutation("of the wrong format", NODES.textNode("not-a-" + field.format()), false));
                m.add(new Mutation("a lone surrogate", NODES.textNode("\ud800"), false));
                break;
            case "integer":
            case "number":
                m.add(new Mutation("a string", NODES.textNode("abc"), false));
                m.add(new Mutation("a boolean", NODES.booleanNode(true), false));
                m.add(new Mutation("an object", NODES.objectNode(), false));
                m.add(new Mutation("an array", NODES.arrayNode().add(1), false));
                m.add(new Mutation("1e309", raw("1e309"), true));
                m.add(new Mutation("-1e400", raw("-1e400"), false));
                m.add(new Mutation("2^63", raw("9223372036854775808"), false));
                m.add(new Mutation("-2^63-1", raw("-9223372036854775809"), false));
                m.add(new Mutation("a 400-digit number", raw("9".repeat(400)), false));
                m.add(new Mutation("-1", NODES.numberNode(-1), false));
                m.add(new Mutation("2^31", NODES.numberNode(2_147_483_648L), false));
                if (field.type().equals("integer")) {
                    m.add(new Mutation("1.5", raw("1.5"), false));
                }
                break;
            case "boolean":
                m.add(new Mutation("a string", NODES.textNode("yes"), false));
                m.add(new Mutation("a number", NODES.numberNode(1), false));
                m.add(new Mutation("an object", NODES.objectNode(), false));
                m.add(new Mutation("an array", NODES.arrayNode().add(true), false));
                break;
            case "array":
                m.add(new Mutation("a string", NODES.textNode("x"), false));
                m.add(new Mutation("a number", NODES.numberNode(1), false));
                m.add(new Mutation("an object", NODES.objectNode(), false));
                m.add(new Mutation("a boolean", NODES.booleanNode(true), false));
                m.add(new Mutation("with a null element", NODES.arrayNode().addNull(), true));
                m.add(new Mutation("with a 1e309 element", NODES.arrayNode().add(raw("1e309")), false));
                m.add(new Mutation("empty", NODES.arrayNode(), false));
                break;
            default:
                // objects and schemas without a type
                m.add(new Mutation("a string", NODES.textNode("x"), false));
                m.add(new Mutation("a number", NODES.numberNode(1), false));
                m.add(new Mutation("1e309", raw("1e309"), false));
                m.add(new Mutation("an array", NODES.arrayNode().add("x"), false));
                m.add(new Mutation("a boolean", NODES.booleanNode(true), false));
                m.add(new Mutation("empty", NODES.objectNode(), false));
                m.add(new Mutation("with a NUL key", NODES.objectNode().put("\u0000", "x"), false));
                break;
        }
        return m;
    }

    /** Walks the baseline body beside its schema, listing every field down to {@link #MAX_FIELD_DEPTH}. */
    static void collect(JsonNode value, JsonNode schema, List<Object> path, List<Field> fields) {
        if (path.size() >= MAX_FIELD_DEPTH) {
            return;
        }
        if (value.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> entries = value.fields();
            while (entries.hasNext()) {
                Map.Entry<String, JsonNode> entry = entries.next();
                JsonNode fieldSchema = schema.path("properties").has(entry.getKey())
                        ? schema.path("properties").get(entry.getKey())
                        : schema.path("additionalProperties");
                List<Object> fieldPath = new ArrayList<>(path);
                fieldPath.add(entry.getKey());
                fields.add(new Field(List.copyOf(fieldPath), typeOf(fieldSchema, entry.getValue()),
                        fieldSchema.path("format").asText("format")));
                collect(entry.getValue(), fieldSchema, fieldPath, fields);
            }
        } else if (value.isArray() && value.size() > 0) {
            List<Object> elementPath = new ArrayList<>(path);
            elementPath.add(0);
            JsonNode items = schema.path("items");
            fields.add(new Field(List.copyOf(elementPath), typeOf(items, value.get(0)), items.path("format").asText("format")));
            collect(value.get(0), items, elementPath, fields);
        }
    }

    private static String typeOf(JsonNode schema, JsonNode value) {
        String declared = schema.isMissingNode() ? "unknown" : SchemaBaseline.typeOf(schema);
        if (!declared.equals("unknown")) {
            return declared;
        }
        if (value.isTextual()) {
            return "string";
        }
        if (value.isIntegralNumber()) {
            return "integer";
        }
        if (value.isNumber()) {
            return "number";
        }
        if (value.isBoolean()) {
            return "boolean";
        }
        return value.isArray() ? "array" : "object";
    }

    /** Sets (or, for a null value, removes) the node at {@code path}. */
    static void replace(JsonNode body, List<Object> path, JsonNode value) {
        JsonNode parent = body;
        for (int i = 0; i < path.size() - 1; i++) {
            Object step = path.get(i);
            parent = step instanceof Integer ? parent.get((Integer) step) : parent.get((String) step);
        }
        Object last = path.get(path.size() - 1);
        if (last instanceof Integer) {
            ((ArrayNode) parent).set((Integer) last, value == null ? NODES.nullNode() : value);
        } else if (value == null) {
            ((ObjectNode) parent).remove((String) last);
        } else {
            ((ObjectNode) parent).set((String) last, value);
        }
    }

    private static JsonNode raw(String json) {
        return new POJONode(new RawValue(json));
    }

    private static String text(JsonNode body) {
        if (body == null) {
            return "";
        }
        try {
            return JSON.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] bytes(JsonNode body) {
        return body == null ? null : text(body).getBytes(StandardCharsets.UTF_8);
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    static String describe(String value) {
        if (value.isEmpty()) {
            return "(empty)";
        }
        return value.length() > 40 ? value.charAt(0) + "×" + value.length() : value;
    }

    /** A body field: its path (names and array indexes), declared type and format. */
    record Field(List<Object> path, String type, String format) {

        boolean inObject() {
            return path.get(path.size() - 1) instanceof String;
        }

        String label() {
            StringBuilder label = new StringBuilder("field ");
            for (int i = 0; i < path.size(); i++) {
                Object step = path.get(i);
                if (step instanceof Integer) {
                    label.append('[').append(step).append(']');
                } else {
                    label.append(i == 0 ? "" : ".").append(step);
                }
            }
            return label.toString();
        }
    }

    /** A replacement value; null means the field is removed. */
    record Mutation(String label, JsonNode value, boolean sampled) {
    }

    /** The baseline request with its parts, copied with one part changed. */
    private static final class Builder {
        private final Operation op;
        private final Map<String, String> path;
        private final Map<String, String> query;
        private final Map<String, String> headers;
        private final String contentType;
        private final byte[] body;

        Builder(Operation op, Map<String, String> path, Map<String, String> query, Map<String, String> headers,
                String contentType, byte[] body) {
            this.op = op;
            this.path = path;
            this.query = query;
            this.headers = headers;
            this.contentType = contentType;
            this.body = body;
        }

        Builder withParameter(Parameter p, String value) {
            Map<String, String> newPath = new LinkedHashMap<>(path);
            Map<String, String> newQuery = new LinkedHashMap<>(query);
            Map<String, String> newHeaders = new LinkedHashMap<>(headers);
            switch (p.in()) {
                case "path":
                    newPath.put(p.name(), value);
                    break;
                case "query":
                    newQuery.put(p.name(), value);
                    break;
                default:
                    newHeaders.put(p.name(), value);
                    break;
            }
            return new Builder(op, newPath, newQuery, newHeaders, contentType, body);
        }

        Builder withBody(String newContentType, String newBody) {
            return new Builder(op, path, query, headers, newContentType, newBody.getBytes(StandardCharsets.UTF_8));
        }

        SweepRequest request(String mutation, boolean sampled) {
            String url = op.path();
            for (Map.Entry<String, String> p : path.entrySet()) {
                url = url.replace("{" + p.getKey() + "}", p.getValue());
            }
            StringBuilder withQuery = new StringBuilder(url);
            char separator = '?';
            for (Map.Entry<String, String> q : query.entrySet()) {
                withQuery.append(separator).append(q.getKey()).append('=').append(q.getValue());
                separator = '&';
            }
            return new SweepRequest(op.method(), op.path(), withQuery.toString(), Map.copyOf(headers), contentType, body,
                    mutation, sampled, String.join(", ", op.produces()));
        }
    }
}
