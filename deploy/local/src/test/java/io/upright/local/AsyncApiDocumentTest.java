package io.upright.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.upright.contracts.EventCatalog;
import io.upright.contracts.EventType;
import io.upright.contracts.SealedForEmployee;
import io.upright.contracts.UprightService;
import io.upright.contracts.asyncapi.AsyncApiDocument;
import io.upright.contracts.asyncapi.AsyncApiDocument.Subscription;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** docs/asyncapi.yaml is what the contracts and the services' configuration say, and says all of it. */
class AsyncApiDocumentTest {

    private static final Path ROOT = Path.of(System.getProperty("upright.root", "../..")).toAbsolutePath().normalize();
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    @Test
    void the_committed_document_is_the_generated_one_byte_for_byte() throws IOException {
        String generated = AsyncApiCommand.render(ROOT);
        String committed = Files.readString(ROOT.resolve(AsyncApiCommand.DOCUMENT), StandardCharsets.UTF_8);
        assertThat(committed).as("docs/asyncapi.yaml is stale: run ./upright asyncapi").isEqualTo(generated);
    }

    @Test
    void the_document_reads_back_as_asyncapi_3_yaml_equal_to_the_tree_it_was_written_from() throws IOException {
        List<Subscription> subscriptions = AsyncApiCommand.subscriptions(ROOT);
        JsonNode read = YAML.readTree(AsyncApiDocument.yaml(subscriptions));
        assertThat(read.path("asyncapi").asText()).isEqualTo("3.0.0");
        assertThat(read).isEqualTo(AsyncApiDocument.tree(subscriptions));
    }

    @Test
    void the_same_subscriptions_in_any_order_give_the_same_bytes() throws IOException {
        List<Subscription> subscriptions = new ArrayList<>(AsyncApiCommand.subscriptions(ROOT));
        String once = AsyncApiDocument.yaml(subscriptions);
        Collections.reverse(subscriptions);
        assertThat(AsyncApiDocument.yaml(subscriptions)).isEqualTo(once);
    }

    @Test
    void every_catalogued_type_is_a_message_of_its_owner_s_channel_with_its_ce_type_and_pinned_schema() throws IOException {
        JsonNode doc = document();
        for (EventType<?> type : EventCatalog.ALL) {
            JsonNode ref = doc.at("/channels/" + type.topic() + "/messages/" + type.ceType() + "/$ref");
            assertThat(ref.asText()).as(type.ceType()).isEqualTo("#/components/messages/" + type.ceType());
            JsonNode message = doc.at("/components/messages/" + type.ceType());
            assertThat(message.at("/headers/properties/ce_type/const").asText()).isEqualTo(type.ceType());
            assertThat(message.at("/headers/properties/ce_source/const").asText()).isEqualTo(type.owner().source());
            assertThat(doc.at("/components/schemas/" + type.ceType() + "/title").asText()).isEqualTo(type.ceType());
            boolean sealed = SealedForEmployee.class.isAssignableFrom(type.javaType());
            assertThat(message.at("/payload/$ref").asText()).as(type.ceType()).isEqualTo(sealed
                    ? "#/components/schemas/" + AsyncApiDocument.SEALED_PAYLOAD : "#/components/schemas/" + type.ceType());
            assertThat(message.at("/x-upright-sealed-content/$ref").asText())
                    .isEqualTo(sealed ? "#/components/schemas/" + type.ceType() : "");
        }
        assertThat(doc.at("/operations/programs.publish/action").asText()).isEqualTo("send");
    }

    @Test
    void the_record_key_names_the_field_the_event_s_key_method_returns() throws IOException {
        JsonNode messages = document().path("components").path("messages");
        assertThat(messages.at("/" + EventCatalog.ASSESSMENT_COMPLETED.ceType() + "/bindings/kafka/key/description").asText())
                .contains("the event's employeeId");
        assertThat(messages.at("/" + EventCatalog.PROGRAM_LAUNCHED.ceType() + "/bindings/kafka/key/description").asText())
                .contains("the event's programId");
        assertThat(messages.at("/" + EventCatalog.ASSESSMENT_COMPLETED.ceType() + "/headers/properties/ce_subject/description")
                .asText()).endsWith("the event's assessmentId");
        assertThat(messages.at("/" + EventCatalog.ANONYMITY_THRESHOLD_CHANGED.ceType() + "/bindings/kafka/key/const").asText())
                .isEqualTo("anonymity-threshold");
    }

    @Test
    void every_topic_a_service_reads_has_its_receive_operation_and_every_dead_letter_topic_its_channel() throws IOException {
        JsonNode doc = document();
        List<Subscription> subscriptions = AsyncApiCommand.subscriptions(ROOT);
        assertThat(subscriptions).extracting(Subscription::consumer).contains(UprightService.ASSESSMENTS,
                UprightService.EXERCISES, UprightService.REMINDERS, UprightService.INSIGHTS);
        for (Subscription s : subscriptions) {
            JsonNode receive = doc.path("operations").path(s.consumer().slug() + ".consume." + s.topic());
            assertThat(receive.path("action").asText()).as(s.toString()).isEqualTo("receive");
            assertThat(receive.at("/channel/$ref").asText()).isEqualTo("#/channels/" + s.topic());
            assertThat(s.deadLetterTopic()).as(s + " dead-letters").isNotNull();
            assertThat(doc.at("/channels/" + s.deadLetterTopic() + "/address").asText()).isEqualTo(s.deadLetterTopic());
            assertThat(doc.path("operations").path(s.consumer().slug() + ".dead-letter." + s.deadLetterTopic())
                    .path("action").asText()).isEqualTo("send");
            for (EventType<?> type : EventCatalog.ALL) {
                if (type.topic().equals(s.topic())) {
                    String deadLetter = type.ceType() + AsyncApiDocument.DEAD_LETTER_SUFFIX;
                    assertThat(doc.at("/channels/" + s.deadLetterTopic() + "/messages/" + deadLetter + "/$ref").asText())
                            .isEqualTo("#/components/messages/" + deadLetter);
                }
            }
        }
    }

    @Test
    void a_dead_letter_is_the_original_record_plus_the_dead_letter_headers() throws IOException {
        JsonNode messages = document().path("components").path("messages");
        String type = EventCatalog.EMPLOYEE_ENROLLED.ceType();
        JsonNode original = messages.path(type);
        JsonNode dead = messages.path(type + AsyncApiDocument.DEAD_LETTER_SUFFIX);
        assertThat(dead.path("payload")).isEqualTo(original.path("payload"));
        assertThat(dead.at("/bindings/kafka/key")).isEqualTo(original.at("/bindings/kafka/key"));
        List<String> required = new ArrayList<>();
        dead.at("/headers/required").forEach(h -> required.add(h.asText()));
        assertThat(required).contains("ce_type", "ce_id", "dead-letter-reason", "dead-letter-topic", "dead-letter-offset");
        assertThat(dead.at("/headers/properties/dead-letter-topic/const").asText()).isEqualTo("upright.programs");
    }

    @Test
    void a_record_as_the_services_publish_it_conforms_and_one_off_the_document_does_not() {
        AsyncApiConformance conformance = AsyncApiConformance.of(ROOT);
        String team = UUID.randomUUID().toString();
        ConsumerRecord<String, byte[]> created = published("upright.programs", EventCatalog.TEAM_CREATED, team, team,
                "{\"teamId\":\"" + team + "\",\"name\":\"Alpha\",\"createdAt\":\"2026-01-05T08:00:00Z\"}");
        assertThat(conformance.check(created)).isEqualTo(EventCatalog.TEAM_CREATED.ceType());

        String ada = UUID.randomUUID().toString();
        ConsumerRecord<String, byte[]> enrolled = published("upright.programs", EventCatalog.EMPLOYEE_ENROLLED, ada, ada,
                "{\"sealedFor\":\"" + ada + "\",\"sealed\":\"tk1:AAECAw==\"}");
        assertThat(conformance.check(enrolled)).isEqualTo(EventCatalog.EMPLOYEE_ENROLLED.ceType());

        ConsumerRecord<String, byte[]> dead = published("upright.assessments.dlq", EventCatalog.EMPLOYEE_ENROLLED, ada, ada,
                "{\"sealedFor\":\"" + ada + "\",\"sealed\":\"tk1:AAECAw==\"}");
        header(dead, "dead-letter-exception-class-name", "java.lang.IllegalStateException");
        header(dead, "dead-letter-reason", "boom");
        header(dead, "dead-letter-topic", "upright.programs");
        header(dead, "dead-letter-partition", "0");
        header(dead, "dead-letter-offset", "42");
        assertThat(conformance.check(dead)).isEqualTo(EventCatalog.EMPLOYEE_ENROLLED.ceType() + AsyncApiDocument.DEAD_LETTER_SUFFIX);

        ConsumerRecord<String, byte[]> wrongTopic = published("upright.assessments", EventCatalog.TEAM_CREATED, team, team,
                "{\"teamId\":\"" + team + "\",\"name\":\"Alpha\",\"createdAt\":\"2026-01-05T08:00:00Z\"}");
        assertThatThrownBy(() -> conformance.check(wrongTopic)).isInstanceOf(AssertionError.class);
        ConsumerRecord<String, byte[]> extraField = published("upright.programs", EventCatalog.TEAM_CREATED, team, team,
                "{\"teamId\":\"" + team + "\",\"name\":\"A\",\"createdAt\":\"2026-01-05T08:00:00Z\",\"email\":\"a@b\"}");
        assertThatThrownBy(() -> conformance.check(extraField)).isInstanceOf(AssertionError.class);
        ConsumerRecord<String, byte[]> missingField = published("upright.programs", EventCatalog.TEAM_CREATED, team, team,
                "{\"teamId\":\"" + team + "\",\"name\":\"A\"}");
        assertThatThrownBy(() -> conformance.check(missingField)).isInstanceOf(AssertionError.class);
        ConsumerRecord<String, byte[]> plainSealed = published("upright.programs", EventCatalog.EMPLOYEE_LEFT, ada, ada,
                "{\"employeeId\":\"" + ada + "\",\"teamId\":\"" + team + "\",\"leftAt\":\"2026-01-05T08:00:00Z\"}");
        assertThatThrownBy(() -> conformance.check(plainSealed)).isInstanceOf(AssertionError.class);
        ConsumerRecord<String, byte[]> noTenant = published("upright.programs", EventCatalog.TEAM_CREATED, team, team,
                "{\"teamId\":\"" + team + "\",\"name\":\"Alpha\",\"createdAt\":\"2026-01-05T08:00:00Z\"}");
        noTenant.headers().remove("ce_tenant");
        assertThatThrownBy(() -> conformance.check(noTenant)).isInstanceOf(AssertionError.class);
    }

    /** A record with the headers the outbox relay writes. */
    private static ConsumerRecord<String, byte[]> published(String topic, EventType<?> type, String key, String subject, String value) {
        ConsumerRecord<String, byte[]> r = new ConsumerRecord<>(topic, 0, 0L, key, value.getBytes(StandardCharsets.UTF_8));
        header(r, "ce_specversion", "1.0");
        header(r, "ce_id", UUID.randomUUID().toString());
        header(r, "ce_type", type.ceType());
        header(r, "ce_source", type.owner().source());
        header(r, "ce_subject", subject);
        header(r, "ce_time", "2026-01-05T08:00:00Z");
        header(r, "ce_tenant", "acme");
        header(r, "content-type", "application/json");
        return r;
    }

    private static void header(ConsumerRecord<String, byte[]> record, String name, String value) {
        record.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
    }

    private static JsonNode document() throws IOException {
        return YAML.readTree(ROOT.resolve(AsyncApiCommand.DOCUMENT).toFile());
    }
}
