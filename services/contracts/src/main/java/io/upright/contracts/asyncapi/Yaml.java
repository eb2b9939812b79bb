package io.upright.contracts.asyncapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;

import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Block-style YAML of a JSON tree, in the tree's own key order, so the same tree always gives the same bytes. A JSON
 * string is a valid YAML double-quoted scalar, so anything that might read as something else is written that way.
 */
final class Yaml {

    /** Scalars YAML reads back as the same string: no leading indicator, no {@code :}, {@code #} or flow characters. */
    private static final Pattern PLAIN = Pattern.compile("[A-Za-z_$][A-Za-z0-9_$ ./-]*");
    /** Plain words a YAML 1.1 reader would turn into a boolean or null. */
    private static final Set<String> RESERVED = Set.of("true", "false", "null", "yes", "no", "on", "off", "y", "n");

    private Yaml() {
    }

    static String write(JsonNode root) {
        StringBuilder out = new StringBuilder();
        mapping(root, 0, out);
        return out.toString();
    }

    private static void mapping(JsonNode object, int indent, StringBuilder out) {
        Iterator<Map.Entry<String, JsonNode>> fields = object.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            out.append(" ".repeat(indent)).append(scalar(field.getKey())).append(':');
            value(field.getValue(), indent, out);
        }
    }

    /** The rest of a line that ends in {@code key:} or {@code -}: a scalar, an empty collection, or a nested block. */
    private static void value(JsonNode value, int indent, StringBuilder out) {
        if (value.isObject() && !value.isEmpty()) {
            out.append('\n');
            mapping(value, indent + 2, out);
        } else if (value.isArray() && !value.isEmpty()) {
            out.append('\n');
            sequence(value, indent + 2, out);
        } else {
            out.append(' ').append(inline(value)).append('\n');
        }
    }

    private static void sequence(JsonNode array, int indent, StringBuilder out) {
        for (JsonNode item : array) {
            if (item.isObject() && !item.isEmpty()) {
                // the item's first key shares the dash's line; the others line up under it
                StringBuilder block = new StringBuilder();
                mapping(item, indent + 2, block);
                out.append(" ".repeat(indent)).append("- ").append(block.substring(indent + 2));
            } else if (item.isArray() && !item.isEmpty()) {
                out.append(" ".repeat(indent)).append("- ").append(item).append('\n'); // JSON flow is YAML flow
            } else {
                out.append(" ".repeat(indent)).append("- ").append(inline(item)).append('\n');
            }
        }
    }

    private static String inline(JsonNode value) {
        if (value.isObject()) {
            return "{}";
        }
        if (value.isArray()) {
            return "[]";
        }
        if (value.isTextual()) {
            return scalar(value.asText());
        }
        return value.toString(); // numbers, booleans, null
    }

    private static String scalar(String text) {
        boolean plain = PLAIN.matcher(text).matches() && !text.endsWith(" ")
                && !RESERVED.contains(text.toLowerCase(Locale.ROOT));
        return plain ? text : TextNode.valueOf(text).toString();
    }
}
