package io.upright.contracts.asyncapi;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.upright.contracts.EventCatalog;
import io.upright.contracts.IntegrationEvent;
import io.upright.contracts.UprightService;
import io.upright.contracts.asyncapi.AsyncApiDocument.Subscription;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AsyncApiTreeTest {

    @Test
    void the_key_and_subject_are_named_by_the_record_field_the_event_returns() {
        assertThat(AsyncApiDocument.fieldOf(EventCatalog.BREAK_TAKEN, IntegrationEvent::key)).isEqualTo("employeeId");
        assertThat(AsyncApiDocument.fieldOf(EventCatalog.BREAK_TAKEN, IntegrationEvent::subject)).isEqualTo("reminderId");
        assertThat(AsyncApiDocument.fieldOf(EventCatalog.PROGRAM_ENDED, IntegrationEvent::key)).isEqualTo("programId");
        assertThat(AsyncApiDocument.fieldOf(EventCatalog.ANONYMITY_THRESHOLD_CHANGED, IntegrationEvent::key))
                .isEqualTo("=anonymity-threshold");
    }

    @Test
    void every_catalogued_type_can_be_sampled_for_its_key_and_subject() {
        EventCatalog.ALL.forEach(type -> {
            assertThat(AsyncApiDocument.fieldOf(type, IntegrationEvent::key)).as(type.ceType()).isNotBlank();
            assertThat(AsyncApiDocument.fieldOf(type, IntegrationEvent::subject)).as(type.ceType()).isNotBlank();
        });
    }

    @Test
    void a_subscription_to_a_topic_nobody_publishes_on_is_refused() {
        assertThatThrownBy(() -> AsyncApiDocument.tree(List.of(
                new Subscription(UprightService.INSIGHTS, "upright.nowhere", "upright.insights.dlq"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("upright.nowhere");
    }

    @Test
    void a_service_without_a_dead_letter_topic_gets_a_receive_operation_and_no_dead_letter_channel() {
        ObjectNode doc = AsyncApiDocument.tree(List.of(new Subscription(UprightService.INSIGHTS, "upright.programs", null)));
        assertThat(doc.at("/operations/insights.consume.upright.programs/action").asText()).isEqualTo("receive");
        assertThat(doc.path("channels").has("upright.insights.dlq")).isFalse();
    }

    @Test
    void a_version_a_newer_one_replaced_is_received_and_upcast_but_no_longer_sent_by_its_owner() {
        String v1 = EventCatalog.EXERCISE_SESSION_COMPLETED_V1.ceType();
        String v2 = EventCatalog.EXERCISE_SESSION_COMPLETED.ceType();
        ObjectNode doc = AsyncApiDocument.tree(List.of(
                new Subscription(UprightService.INSIGHTS, "upright.exercises", "upright.insights.dlq")));

        assertThat(messages(doc, "exercises.publish")).contains(v2, EventCatalog.ROUTINE_RECOMMENDED.ceType())
                .doesNotContain(v1);
        assertThat(messages(doc, "insights.consume.upright.exercises")).contains(v1, v2);
        assertThat(doc.at("/operations/insights.consume.upright.exercises/summary").asText())
                .contains("reads " + v1 + ", no longer published, as " + v2 + " (upcast)");
        assertThat(messages(doc, "insights.dead-letter.upright.insights.dlq")).contains(v1 + AsyncApiDocument.DEAD_LETTER_SUFFIX);
        assertThat(doc.path("channels").path("upright.exercises").path("messages").has(v1)).as("still on the topic").isTrue();
        assertThat(doc.at("/components/messages/" + v1 + "/description").asText())
                .startsWith("No longer published: exercises publishes " + v2 + " instead.").contains("upcast");
        assertThat(doc.at("/components/messages/" + v1 + "/x-upright-replaced-by").asText()).isEqualTo(v2);
        assertThat(doc.at("/components/messages/" + v2 + "/description").asText()).doesNotContain("No longer published");
        assertThat(doc.at("/components/messages/" + v2).has("x-upright-replaced-by")).isFalse();
    }

    /** The message ids an operation refers to (the last segment of each channel message $ref). */
    private static List<String> messages(ObjectNode doc, String operation) {
        List<String> ids = new java.util.ArrayList<>();
        doc.path("operations").path(operation).path("messages").forEach(m -> {
            String ref = m.path("$ref").asText();
            ids.add(ref.substring(ref.lastIndexOf('/') + 1));
        });
        assertThat(ids).as(operation).isNotEmpty();
        return ids;
    }

    @Test
    void yaml_quotes_every_scalar_a_reader_would_take_for_something_else() {
        ObjectNode tree = new ObjectMapper().createObjectNode();
        tree.put("version", "1.0").put("flag", "yes").put("ref", "#/components/x").put("plain", "upright.programs")
                .put("number", 3).putNull("none");
        tree.putArray("list").add("a").addObject().put("k", "v").put("l", "w");
        tree.putObject("empty");
        assertThat(Yaml.write(tree)).isEqualTo("""
                version: "1.0"
                flag: "yes"
                ref: "#/components/x"
                plain: upright.programs
                number: 3
                none: null
                list:
                  - a
                  - k: v
                    l: w
                empty: {}
                """);
    }
}
