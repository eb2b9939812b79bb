package io.upright.testsupport.sweep;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads the operations out of an OpenAPI 3.x document: method, path, parameters and the JSON request body schema,
 * with every {@code $ref} into {@code components} followed, so the mutation generator never sees a reference.
 */
public final class OpenApiOperations {

    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch");
    /** Deep enough for every body the services take; a recursive schema stops here instead of looping. */
    private static final int MAX_RESOLVE_DEPTH = 8;

    private final JsonNode document;

    public OpenApiOperations(JsonNode document) {
        this.document = document;
    }

    /** Every operation, in document order, except the framework's own {@code /q/*} endpoints. */
    public List<Operation> operations() {
        List<Operation> operations = new ArrayList<>();
        Iterator<Map.Entry<String, JsonNode>> paths = document.path("paths").fields();
        while (paths.hasNext()) {
            Map.Entry<String, JsonNode> path = paths.next();
            if (path.getKey().startsWith("/q/")) {
                continue;
            }
            JsonNode item = deref(path.getValue());
            List<Parameter> shared = parameters(item.path("parameters"));
            Iterator<Map.Entry<String, JsonNode>> methods = item.fields();
            while (methods.hasNext()) {
                Map.Entry<String, JsonNode> method = methods.next();
                if (!METHODS.contains(method.getKey())) {
                    continue;
                }
                JsonNode op = deref(method.getValue());
                List<Parameter> parameters = new ArrayList<>(shared);
                for (Parameter own : parameters(op.path("parameters"))) {
                    parameters.removeIf(p -> p.name().equals(own.name()) && p.in().equals(own.in()));
                    parameters.add(own);
                }
                String mediaType = null;
                JsonNode bodySchema = null;
                JsonNode content = deref(op.path("requestBody")).path("content");
                Iterator<Map.Entry<String, JsonNode>> media = content.fields();
                while (media.hasNext()) {
                    Map.Entry<String, JsonNode> candidate = media.next();
                    // JSON wins when an operation takes several media types
                    if (mediaType == null || candidate.getKey().contains("json")) {
                        mediaType = candidate.getKey();
                        bodySchema = resolve(candidate.getValue().path("schema"), 0);
                    }
                }
                operations.add(new Operation(method.getKey().toUpperCase(Locale.ROOT), path.getKey(),
                        List.copyOf(parameters), mediaType, bodySchema, produces(op)));
            }
        }
        return operations;
    }

    private List<Parameter> parameters(JsonNode list) {
        List<Parameter> parameters = new ArrayList<>();
        for (JsonNode raw : list) {
            JsonNode p = deref(raw);
            parameters.add(new Parameter(p.path("name").asText(), p.path("in").asText(),
                    p.path("required").asBoolean(false), resolve(p.path("schema"), 0)));
        }
        return parameters;
    }

    /** The media types the operation answers with, so each request asks for what the operation can give. */
    private static List<String> produces(JsonNode op) {
        Set<String> media = new LinkedHashSet<>();
        Iterator<JsonNode> responses = op.path("responses").elements();
        while (responses.hasNext()) {
            responses.next().path("content").fieldNames().forEachRemaining(media::add);
        }
        media.add("application/json");
        media.add("application/problem+json");
        return List.copyOf(media);
    }

    private JsonNode deref(JsonNode node) {
        JsonNode current = node;
        for (int i = 0; i < MAX_RESOLVE_DEPTH && current.has("$ref"); i++) {
            current = document.at(current.get("$ref").asText().substring(1));
        }
        return current;
    }

    /**
     * A schema with its references, {@code allOf} (merged), {@code oneOf}/{@code anyOf} (first non-null branch) and
     * 3.1 type lists ({@code ["string", "null"]}) flattened to one plain schema per node.
     */
    JsonNode resolve(JsonNode schema, int depth) {
        if (schema == null || schema.isMissingNode() || !schema.isObject()) {
            return JsonNodeFactory.instance.objectNode();
        }
        JsonNode target = schema;
        if (schema.has("$ref")) {
            target = document.at(schema.get("$ref").asText().substring(1));
        }
        ObjectNode flat = JsonNodeFactory.instance.objectNode();
        if (depth > MAX_RESOLVE_DEPTH) {
            return flat;
        }
        // keywords beside a 3.1 $ref (description, nullable, example) still count
        flat.setAll(copyWithout((ObjectNode) target));
        if (schema != target) {
            flat.setAll(copyWithout((ObjectNode) schema));
        }
        flat.remove("$ref");
        for (String combinator : List.of("oneOf", "anyOf")) {
            JsonNode branches = flat.remove(combinator);
            if (branches != null) {
                for (JsonNode branch : branches) {
                    JsonNode resolved = resolve(branch, depth + 1);
                    if (!"null".equals(resolved.path("type").asText())) {
                        merge(flat, resolved);
                        break;
                    }
                }
            }
        }
        JsonNode allOf = flat.remove("allOf");
        if (allOf != null) {
            for (JsonNode part : allOf) {
                merge(flat, resolve(part, depth + 1));
            }
        }
        JsonNode type = flat.get("type");
        if (type != null && type.isArray()) {
            String single = null;
            for (JsonNode t : type) {
                if (!"null".equals(t.asText())) {
                    single = t.asText();
                    break;
                }
            }
            flat.put("type", single == null ? "null" : single);
        }
        if (flat.has("properties")) {
            ObjectNode properties = JsonNodeFactory.instance.objectNode();
            Iterator<Map.Entry<String, JsonNode>> fields = flat.get("properties").fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                properties.set(field.getKey(), resolve(field.getValue(), depth + 1));
            }
            flat.set("properties", properties);
            if (!flat.has("type")) {
                flat.put("type", "object");
            }
        }
        if (flat.has("items")) {
            flat.set("items", resolve(flat.get("items"), depth + 1));
        }
        if (flat.path("additionalProperties").isObject()) {
            flat.set("additionalProperties", resolve(flat.get("additionalProperties"), depth + 1));
        }
        return flat;
    }

    private static ObjectNode copyWithout(ObjectNode node) {
        ObjectNode copy = node.deepCopy();
        copy.remove("$ref");
        return copy;
    }

    private static void merge(ObjectNode into, JsonNode part) {
        Iterator<Map.Entry<String, JsonNode>> fields = part.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            if (field.getKey().equals("properties") && into.path("properties").isObject()) {
                ((ObjectNode) into.get("properties")).setAll((ObjectNode) field.getValue());
            } else if (field.getKey().equals("required") && into.path("required").isArray()) {
                field.getValue().forEach(r -> ((ArrayNode) into.get("required")).add(r));
            } else {
                into.set(field.getKey(), field.getValue());
            }
        }
    }

    /** One HTTP operation of the document. {@code bodySchema} is null when the operation takes no body. */
    public record Operation(String method, String path, List<Parameter> parameters, String bodyMediaType,
                            JsonNode bodySchema, List<String> produces) {

        public String id() {
            return method + " " + path;
        }

        /** A page for a browser answers its errors as HTML; everything else answers them as problem documents. */
        public boolean htmlPage() {
            return produces.contains("text/html");
        }

        public boolean jsonBody() {
            return bodyMediaType != null && bodyMediaType.contains("json");
        }
    }

    /** A path, query or header parameter; cookies are not swept. */
    public record Parameter(String name, String in, boolean required, JsonNode schema) {
    }
}
