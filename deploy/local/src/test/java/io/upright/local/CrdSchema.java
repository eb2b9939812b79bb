package io.upright.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * A CustomResourceDefinition's structural schema, checked as the API server would before admitting a custom resource:
 * types, required fields, enums, bounds, patterns, and every field the schema does not name refused unless it says
 * {@code x-kubernetes-preserve-unknown-fields} (the API server would silently prune it: a typo would vanish). Not
 * checked: the CEL rules ({@code x-kubernetes-validations}) and formats. The resource's {@code metadata} is ObjectMeta,
 * which KubernetesManifestsTest parses with the fabric8 model instead.
 */
final class CrdSchema {

    private final String group;
    private final String kind;
    private final Map<String, JsonNode> servedVersions = new HashMap<>();

    private CrdSchema(JsonNode crd) {
        if (!"CustomResourceDefinition".equals(crd.path("kind").asText())) {
            throw new IllegalArgumentException("not a CustomResourceDefinition: " + crd.path("kind").asText());
        }
        group = crd.at("/spec/group").asText();
        kind = crd.at("/spec/names/kind").asText();
        for (JsonNode version : crd.at("/spec/versions")) {
            if (version.path("served").asBoolean()) {
                servedVersions.put(version.path("name").asText(), version.at("/schema/openAPIV3Schema"));
            }
        }
    }

    static CrdSchema load(Path file) throws IOException {
        List<ObjectNode> documents = KustomizeRenderer.readDocuments(file);
        if (documents.size() != 1) {
            throw new IllegalArgumentException(file + " holds " + documents.size() + " documents, not one CRD");
        }
        return new CrdSchema(documents.get(0));
    }

    String kind() {
        return kind;
    }

    boolean defines(String apiVersion, String resourceKind) {
        return kind.equals(resourceKind) && apiVersion.startsWith(group + "/");
    }

    /** What the API server would refuse in this resource; empty when it is admitted. */
    List<String> validate(JsonNode resource) {
        List<String> errors = new ArrayList<>();
        String apiVersion = resource.path("apiVersion").asText();
        JsonNode schema = servedVersions.get(apiVersion.substring(apiVersion.indexOf('/') + 1));
        if (!defines(apiVersion, resource.path("kind").asText()) || schema == null) {
            errors.add(apiVersion + " " + resource.path("kind").asText() + " is not served by the " + group + " " + kind + " CRD");
            return errors;
        }
        validate(schema, resource, "", errors, true);
        return errors;
    }

    private static void validate(JsonNode schema, JsonNode node, String path, List<String> errors, boolean structural) {
        if (node.isNull()) {
            if (!schema.path("nullable").asBoolean()) {
                errors.add(path + ": null");
            }
            return;
        }
        if (schema.path("x-kubernetes-int-or-string").asBoolean()) {
            if (!node.isIntegralNumber() && !node.isTextual()) {
                errors.add(path + ": neither integer nor string");
            }
        } else if (schema.has("type") && !hasType(node, schema.get("type").asText())) {
            errors.add(path + ": " + node.getNodeType().name().toLowerCase() + ", not " + schema.get("type").asText());
            return;
        }
        if (schema.has("enum")) {
            boolean listed = false;
            for (JsonNode allowed : schema.get("enum")) {
                listed |= allowed.equals(node) || (allowed.isNumber() && node.isNumber() && allowed.decimalValue().compareTo(node.decimalValue()) == 0);
            }
            if (!listed) {
                errors.add(path + ": " + node + " is not one of " + schema.get("enum"));
            }
        }
        bounds(schema, node, path, errors);
        if (node.isObject()) {
            object(schema, node, path, errors, structural);
        } else if (node.isArray() && schema.has("items")) {
            for (int i = 0; i < node.size(); i++) {
                validate(schema.get("items"), node.get(i), path + "[" + i + "]", errors, structural);
            }
        }
        for (JsonNode branch : schema.path("allOf")) {
            validate(branch, node, path, errors, false);
        }
        if (schema.has("anyOf") && passing(schema.get("anyOf"), node, path) == 0) {
            errors.add(path + ": matches none of anyOf");
        }
        if (schema.has("oneOf") && passing(schema.get("oneOf"), node, path) != 1) {
            errors.add(path + ": does not match exactly one of oneOf");
        }
        if (schema.has("not")) {
            List<String> notErrors = new ArrayList<>();
            validate(schema.get("not"), node, path, notErrors, false);
            if (notErrors.isEmpty()) {
                errors.add(path + ": matches what 'not' forbids");
            }
        }
    }

    /** How many branches accept the node; a branch of a structural schema only adds constraints, never fields. */
    private static int passing(JsonNode branches, JsonNode node, String path) {
        int passing = 0;
        for (JsonNode branch : branches) {
            List<String> branchErrors = new ArrayList<>();
            validate(branch, node, path, branchErrors, false);
            passing += branchErrors.isEmpty() ? 1 : 0;
        }
        return passing;
    }

    private static void object(JsonNode schema, JsonNode node, String path, List<String> errors, boolean structural) {
        for (JsonNode required : schema.path("required")) {
            if (!node.has(required.asText())) {
                errors.add(path + "." + required.asText() + ": required");
            }
        }
        JsonNode properties = schema.path("properties");
        JsonNode additional = schema.get("additionalProperties");
        boolean keepsUnknown = schema.path("x-kubernetes-preserve-unknown-fields").asBoolean()
                || (additional != null && additional.isBoolean() && additional.asBoolean());
        Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            String fieldPath = path + "." + field.getKey();
            if (path.isEmpty() && field.getKey().equals("metadata")) {
                continue; // ObjectMeta: the API server checks it, not the CRD's schema
            }
            if (properties.has(field.getKey())) {
                validate(properties.get(field.getKey()), field.getValue(), fieldPath, errors, structural);
            } else if (additional != null && additional.isObject()) {
                validate(additional, field.getValue(), fieldPath, errors, structural);
            } else if (structural && !keepsUnknown) {
                errors.add(fieldPath + ": unknown field");
            }
        }
        if (schema.has("minProperties") && node.size() < schema.get("minProperties").asInt()) {
            errors.add(path + ": fewer than " + schema.get("minProperties") + " properties");
        }
        if (schema.has("maxProperties") && node.size() > schema.get("maxProperties").asInt()) {
            errors.add(path + ": more than " + schema.get("maxProperties") + " properties");
        }
    }

    private static void bounds(JsonNode schema, JsonNode node, String path, List<String> errors) {
        if (node.isNumber()) {
            if (schema.has("minimum") && node.decimalValue().compareTo(schema.get("minimum").decimalValue()) < 0) {
                errors.add(path + ": " + node + " below the minimum " + schema.get("minimum"));
            }
            if (schema.has("maximum") && node.decimalValue().compareTo(schema.get("maximum").decimalValue()) > 0) {
                errors.add(path + ": " + node + " above the maximum " + schema.get("maximum"));
            }
        }
        if (node.isTextual()) {
            String text = node.asText();
            if (schema.has("minLength") && text.length() < schema.get("minLength").asInt()) {
                errors.add(path + ": shorter than " + schema.get("minLength"));
            }
            if (schema.has("maxLength") && text.length() > schema.get("maxLength").asInt()) {
                errors.add(path + ": longer than " + schema.get("maxLength"));
            }
            if (schema.has("pattern") && !matches(schema.get("pattern").asText(), text)) {
                errors.add(path + ": '" + text + "' does not match " + schema.get("pattern").asText());
            }
        }
        if (node.isArray()) {
            if (schema.has("minItems") && node.size() < schema.get("minItems").asInt()) {
                errors.add(path + ": fewer than " + schema.get("minItems") + " items");
            }
            if (schema.has("maxItems") && node.size() > schema.get("maxItems").asInt()) {
                errors.add(path + ": more than " + schema.get("maxItems") + " items");
            }
        }
    }

    private static boolean matches(String pattern, String text) {
        try {
            return Pattern.compile(pattern).matcher(text).find();
        } catch (PatternSyntaxException e) {
            throw new IllegalStateException("a CRD pattern Java cannot read: " + pattern, e);
        }
    }

    private static boolean hasType(JsonNode node, String type) {
        switch (type) {
            case "object":
                return node.isObject();
            case "array":
                return node.isArray();
            case "string":
                return node.isTextual();
            case "integer":
                return node.isIntegralNumber();
            case "number":
                return node.isNumber();
            case "boolean":
                return node.isBoolean();
            default:
                throw new IllegalStateException("unknown schema type " + type);
        }
    }
}
