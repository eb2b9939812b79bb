package io.upright.contracts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.upright.contracts.assessments.FindingCodes;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

class EventSchemasMatchRecordsTest {

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void every_catalogued_event_has_a_schema_naming_exactly_its_record_fields() throws Exception {
        for (EventType<?> type : EventCatalog.ALL) {
            JsonNode schema = schemaOf(type);
            Set<String> recordFields = Arrays.stream(type.javaType().getRecordComponents())
                    .map(RecordComponent::getName).collect(Collectors.toSet());
            Set<String> schemaFields = new HashSet<>();
            schema.get("properties").fieldNames().forEachRemaining(schemaFields::add);
            assertThat(schemaFields).as(type.ceType()).isEqualTo(recordFields);
            assertThat(schema.get("title").asText()).isEqualTo(type.ceType());
        }
    }

    @Test
    void ce_types_follow_the_naming_convention_and_are_unique() {
        Set<String> seen = new HashSet<>();
        for (EventType<?> type : EventCatalog.ALL) {
            assertThat(type.ceType()).matches("upright\\.[a-z]+\\.[a-z]+(-[a-z]+)*\\.v[0-9]+");
            assertThat(seen.add(type.ceType())).as("duplicate " + type.ceType()).isTrue();
            assertThat(type.javaType()).isRecord();
        }
    }

    @Test
    void payloads_never_carry_personal_fields() {
        Set<String> forbidden = Set.of("name", "displayName", "email", "chatHandle", "painLevel", "answers", "comment");
        for (EventType<?> type : EventCatalog.ALL) {
            if (type == EventCatalog.TEAM_CREATED) {
                continue; // a team name is an organisational label
            }
            Set<String> allowed = type == EventCatalog.EMPLOYEE_CONTACT_SHARED ? CONTACT_FIELDS : Set.of();
            for (RecordComponent c : type.javaType().getRecordComponents()) {
                if (!allowed.contains(c.getName())) {
                    assertThat(forbidden).as(type.ceType()).doesNotContain(c.getName());
                }
            }
        }
    }

    /** The one deliberate exception: reminders needs the contact to find the chat user. */
    private static final Set<String> CONTACT_FIELDS = Set.of("email", "chatHandle");

    @Test
    void the_only_event_carrying_contact_data_is_sealed_for_the_employee() {
        // sealing is what lets erasure make every copy of the email and handle unreadable
        assertThat(SealedForEmployee.class).isAssignableFrom(EventCatalog.EMPLOYEE_CONTACT_SHARED.javaType());
        assertThat(Arrays.stream(EventCatalog.EMPLOYEE_CONTACT_SHARED.javaType().getRecordComponents())
                .map(RecordComponent::getName)).containsExactly("employeeId", "email", "chatHandle", "sharedAt");
    }

    @Test
    void the_assessment_completed_schema_lists_exactly_the_finding_codes() throws Exception {
        Set<String> schemaCodes = new HashSet<>();
        schemaOf(EventCatalog.ASSESSMENT_COMPLETED).at("/properties/findingCodes/items/enum")
                .forEach(code -> schemaCodes.add(code.asText()));
        assertThat(schemaCodes).isEqualTo(FindingCodes.ALL);
    }

    private JsonNode schemaOf(EventType<?> type) throws Exception {
        try (InputStream in = getClass().getResourceAsStream("/schemas/" + type.ceType() + ".json")) {
            assertThat(in).as("schema for " + type.ceType()).isNotNull();
            return json.readTree(in);
        }
    }
}
