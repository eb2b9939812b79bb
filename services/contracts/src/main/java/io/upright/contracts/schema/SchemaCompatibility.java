package io.upright.contracts.schema;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Whether a payload schema can replace the one a version was published with. Records of a published version stay on
 * the topics for good (insights replays them) and consumers of every age read them, so within one {@code .vN}:
 * <ul>
 *   <li>no property disappears, and none changes its type, format or items (an old consumer still reads it);</li>
 *   <li>no property becomes required that was not (an old record does not have it);</li>
 *   <li>an enum may grow but never lose a value (old records hold it).</li>
 * </ul>
 * A change beyond that is a new version with an upcaster; docs/events.md, Versioning.
 */
public final class SchemaCompatibility {

    private SchemaCompatibility() {
    }

    /** @return why {@code current} breaks readers of {@code published}; empty when it does not */
    public static List<String> breaks(JsonNode published, JsonNode current) {
        List<String> problems = new ArrayList<>();
        compareObject("", published, current, problems);
        return problems;
    }

    private static void compareObject(String path, JsonNode published, JsonNode current, List<String> problems) {
        JsonNode before = published.path("properties");
        JsonNode after = current.path("properties");
        before.fieldNames().forEachRemaining(name -> {
            String at = path + name;
            if (!after.has(name)) {
                problems.add(at + " was removed");
                return;
            }
            compareProperty(at, before.get(name), after.get(name), problems);
        });
        Set<String> wasRequired = texts(published.path("required"));
        for (String required : texts(current.path("required"))) {
            if (!wasRequired.contains(required)) {
                problems.add(path + required + " became required");
            }
        }
    }

    private static void compareProperty(String at, JsonNode before, JsonNode after, List<String> problems) {
        for (String keyword : List.of("type", "format", "pattern")) {
            if (!Objects.equals(before.get(keyword), after.get(keyword))) {
                problems.add(at + " changed its " + keyword + " from " + before.get(keyword) + " to " + after.get(keyword));
            }
        }
        if (before.has("enum")) {
            Set<String> kept = texts(after.path("enum"));
            for (String value : texts(before.get("enum"))) {
                if (!kept.contains(value)) {
                    problems.add(at + " lost the value " + value);
                }
            }
        }
        if (before.has("items")) {
            compareProperty(at + "[]", before.get("items"), after.path("items"), problems);
        }
        if (before.has("properties")) {
            compareObject(at + ".", before, after, problems);
        }
    }

    private static Set<String> texts(JsonNode array) {
        Set<String> values = new HashSet<>();
        array.forEach(v -> values.add(v.asText()));
        return values;
    }
}
