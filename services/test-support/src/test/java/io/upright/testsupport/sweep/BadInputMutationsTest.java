package io.upright.testsupport.sweep;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.upright.testsupport.sweep.OpenApiOperations.Operation;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

class BadInputMutationsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static final String DOCUMENT = """
            {"openapi": "3.1.0",
             "paths": {
               "/api/things/{id}": {
                 "put": {
                   "parameters": [
                     {"name": "id", "in": "path", "required": true, "schema": {"type": "string", "format": "uuid"}},
                     {"name": "If-Match", "in": "header", "schema": {"type": "string"}}],
                   "requestBody": {"content": {"application/json": {"schema": {"$ref": "#/components/schemas/Thing"}}}},
                   "responses": {"200": {"content": {"application/json": {}}}}}},
               "/api/things": {
                 "get": {
                   "parameters": [{"name": "size", "in": "query", "schema": {"type": "integer", "maximum": 200}}],
                   "responses": {"200": {"content": {"application/json": {}}}}}},
               "/q/health": {"get": {}}},
             "components": {"schemas": {
               "Thing": {"type": "object", "required": ["name"], "properties": {
                 "name": {"type": "string", "example": "Desk"},
                 "minutes": {"type": ["integer", "null"], "minimum": 5},
                 "kind": {"type": "string", "enum": ["SIT", "STAND"]},
                 "tags": {"type": "array", "items": {"type": "string"}},
                 "owner": {"$ref": "#/components/schemas/Owner"}}},
               "Owner": {"type": "object", "properties": {"id": {"type": "string", "format": "uuid"}}}}}}
            """;

    @Test
    void operations_follow_refs_and_leave_out_the_framework_endpoints() throws Exception {
        List<Operation> operations = new OpenApiOperations(JSON.readTree(DOCUMENT)).operations();

        assertThat(operations).extracting(Operation::id).containsExactly("PUT /api/things/{id}", "GET /api/things");
        JsonNode body = operations.get(0).bodySchema();
        assertThat(body.at("/properties/owner/properties/id/format").asText()).isEqualTo("uuid");
        assertThat(body.at("/properties/minutes/type").asText()).isEqualTo("integer");
    }

    @Test
    void the_baseline_body_is_valid_looking_from_examples_enums_bounds_and_formats() throws Exception {
        Operation put = new OpenApiOperations(JSON.readTree(DOCUMENT)).operations().get(0);

        JsonNode baseline = SchemaBaseline.of(put.bodySchema());

        assertThat(baseline.toString()).isEqualTo("{\"name\":\"Desk\",\"minutes\":5,\"kind\":\"SIT\",\"tags\":[\"sweep\"],"
                + "\"owner\":{\"id\":\"" + SchemaBaseline.UUID_VALUE + "\"}}");
    }

    @Test
    void each_body_mutation_changes_exactly_one_field_of_the_baseline() throws Exception {
        Operation put = new OpenApiOperations(JSON.readTree(DOCUMENT)).operations().get(0);
        List<SweepRequest> requests = new BadInputMutations(Map.of()).of(put);
        Map<String, String> bodies = requests.stream().filter(r -> r.body() != null)
                .collect(Collectors.toMap(SweepRequest::mutation, r -> new String(r.body(), StandardCharsets.UTF_8),
                        (a, b) -> a));

        assertThat(bodies.get("field minutes 1e309")).isEqualTo(bodies.get("baseline").replace("\"minutes\":5", "\"minutes\":1e309"));
        assertThat(bodies.get("field minutes 1.5")).contains("\"minutes\":1.5").contains("\"name\":\"Desk\"");
        assertThat(bodies.get("field owner.id with a NUL")).contains("\"id\":\"a\\u0000b\"");
        assertThat(bodies.get("field tags[0] a number")).contains("\"tags\":[12345]");
        assertThat(bodies.get("field name absent")).doesNotContain("\"name\"").contains("\"kind\":\"SIT\"");
        assertThat(bodies.get("field kind null")).contains("\"kind\":null");
        assertThat(bodies.get("field name a 1 MB string")).hasSizeGreaterThan(BadInputMutations.HUGE);
        assertThat(bodies).containsKeys("body not JSON", "body empty", "body an empty array", "field tags a string",
                "field owner an array", "field minutes -1e400", "field minutes 2^63");
    }

    @Test
    void path_query_and_header_parameters_get_raw_garbage_one_at_a_time() throws Exception {
        List<Operation> operations = new OpenApiOperations(JSON.readTree(DOCUMENT)).operations();
        List<SweepRequest> put = new BadInputMutations(Map.of()).of(operations.get(0));
        List<SweepRequest> get = new BadInputMutations(Map.of()).of(operations.get(1));

        assertThat(put.get(0).url()).isEqualTo("/api/things/" + SchemaBaseline.UUID_VALUE);
        assertThat(put).extracting(SweepRequest::url).contains("/api/things/%00", "/api/things/%FF", "/api/things/..",
                "/api/things/not-a-uuid");
        assertThat(put).filteredOn(r -> r.mutation().startsWith("header If-Match")).isNotEmpty()
                .allSatisfy(r -> assertThat(r.url()).isEqualTo("/api/things/" + SchemaBaseline.UUID_VALUE));
        assertThat(get).extracting(SweepRequest::url).contains("/api/things", "/api/things?size=abc",
                "/api/things?size=9223372036854775808", "/api/things?size=", "/api/things?size=1&size=2");
    }

    @Test
    void a_caller_that_is_turned_away_still_gets_every_kind_of_bad_input_in_the_sample() throws Exception {
        Operation put = new OpenApiOperations(JSON.readTree(DOCUMENT)).operations().get(0);
        List<SweepRequest> sampled = new BadInputMutations(Map.of()).of(put).stream().filter(SweepRequest::sampled).toList();

        assertThat(sampled).extracting(SweepRequest::mutation)
                .contains("baseline", "body not JSON", "body empty", "path id=%00", "field name null", "field name with a NUL",
                        "field minutes 1e309");
    }
}
