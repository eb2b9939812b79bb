package io.upright.contracts.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SchemaCompatibilityTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PUBLISHED = """
            {"type": "object",
             "properties": {
               "employeeId": {"type": "string", "format": "uuid"},
               "minutes": {"type": "integer"},
               "kind": {"type": "string", "enum": ["break", "walk"]},
               "codes": {"type": "array", "items": {"type": "string", "enum": ["A", "B"]}}
             },
             "required": ["employeeId", "minutes"]}""";

    @Test
    void the_same_schema_breaks_nobody() {
        assertThat(SchemaCompatibility.breaks(schema(PUBLISHED), schema(PUBLISHED))).isEmpty();
    }

    @Test
    void a_removed_property_breaks_the_consumers_that_read_it() {
        assertThat(SchemaCompatibility.breaks(schema(PUBLISHED), schema(PUBLISHED.replace("\"minutes\": {\"type\": \"integer\"},", "")
                .replace(", \"minutes\"]", "]")))).containsExactly("minutes was removed");
    }

    @Test
    void a_property_whose_type_changes_breaks_its_readers() {
        assertThat(SchemaCompatibility.breaks(schema(PUBLISHED), schema(PUBLISHED.replace("\"minutes\": {\"type\": \"integer\"}",
                "\"minutes\": {\"type\": \"string\"}")))).containsExactly("minutes changed its type from \"integer\" to \"string\"");
    }

    @Test
    void a_new_required_property_breaks_reading_the_records_already_on_the_topic() {
        assertThat(SchemaCompatibility.breaks(schema(PUBLISHED), schema(PUBLISHED
                .replace("\"properties\": {", "\"properties\": {\"teamId\": {\"type\": \"string\"},")
                .replace("\"required\": [", "\"required\": [\"teamId\", ")))).containsExactly("teamId became required");
    }

    @Test
    void a_new_optional_property_and_a_grown_enum_break_nobody() {
        assertThat(SchemaCompatibility.breaks(schema(PUBLISHED), schema(PUBLISHED
                .replace("\"properties\": {", "\"properties\": {\"note\": {\"type\": \"string\"},")
                .replace("[\"break\", \"walk\"]", "[\"break\", \"walk\", \"stretch\"]")))).isEmpty();
    }

    @Test
    void an_enum_value_dropped_even_inside_an_array_breaks_the_records_that_hold_it() {
        assertThat(SchemaCompatibility.breaks(schema(PUBLISHED), schema(PUBLISHED.replace("[\"A\", \"B\"]", "[\"A\"]"))))
                .containsExactly("codes[] lost the value B");
    }

    private static JsonNode schema(String text) {
        try {
            return JSON.readTree(text);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
