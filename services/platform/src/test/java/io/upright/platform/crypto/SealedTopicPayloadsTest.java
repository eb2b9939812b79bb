package io.upright.platform.crypto;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.upright.contracts.assessments.AssessmentCompleted;
import io.upright.contracts.programs.TeamCreated;
import io.upright.platform.inbox.ErasedEmployeeEvent;
import io.upright.platform.inbox.Inbox;
import io.upright.platform.inbox.PoisonRecord;
import io.upright.platform.outbox.Outbox;
import io.upright.testsupport.kafka.TopicReader;
import io.upright.testsupport.quarkus.UprightTestInfrastructure;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Erasure reaches Kafka: a record about one employee's health travels sealed under their key from the vault, every
 * consumer opens it while they are a participant, and once the key is destroyed the very same bytes on the topic
 * (and any copy of them) open as nothing.
 */
@QuarkusTest
@WithTestResource(value = UprightTestInfrastructure.class, initArgs = {
        @ResourceArg(name = "database", value = "platform"),
        @ResourceArg(name = "topics", value = "upright.assessments,upright.programs")})
class SealedTopicPayloadsTest {

    @Inject
    Outbox outbox;

    @Inject
    Inbox inbox;

    @Inject
    TopicKeys topicKeys;

    @Inject
    ObjectMapper json;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String kafka;

    @Test
    void a_health_record_on_the_topic_holds_no_readable_finding_score_or_review_and_opens_for_consumers() throws Exception {
        UUID employee = UUID.randomUUID();
        ConsumerRecord<String, byte[]> record = publish("tenant-a", completed(employee));

        String body = new String(record.value(), StandardCharsets.UTF_8);
        assertThat(body).doesNotContain("LUMBAR_SUPPORT_MISSING", "HIGH", "clinicalReview", "findingCodes", "riskLevel", "ROSA");
        JsonNode tree = json.readTree(body);
        assertThat(tree.get("sealedFor").asText()).isEqualTo(employee.toString());
        assertThat(tree.get("sealed").asText()).startsWith(TopicKeys.PREFIX);

        Object opened = inbox.decode(record).payload();
        assertThat(opened).isInstanceOf(AssessmentCompleted.class);
        assertThat(((AssessmentCompleted) opened).findingCodes()).containsExactly("LUMBAR_SUPPORT_MISSING");
        assertThat(((AssessmentCompleted) opened).clinicalReview()).isTrue();
    }

    @Test
    void after_the_key_is_shredded_the_same_record_opens_as_an_erased_employee_event_and_new_ones_never_open() throws Exception {
        UUID employee = UUID.randomUUID();
        ConsumerRecord<String, byte[]> before = publish("tenant-a", completed(employee));
        assertThat(topicKeys.hasKey("tenant-a", employee)).isTrue();

        assertThat(topicKeys.shred("tenant-a", employee)).isTrue();
        assertThat(topicKeys.shred("tenant-a", employee)).as("shredding again changes nothing").isFalse();

        assertThat(inbox.decode(before).payload())
                .isEqualTo(new ErasedEmployeeEvent("upright.assessments.assessment-completed.v1", employee));
        // an event sealed for them after the erasure (topics are not ordered against each other) never opens either
        ConsumerRecord<String, byte[]> after = publish("tenant-a", completed(employee));
        assertThat(inbox.decode(after).payload()).isInstanceOf(ErasedEmployeeEvent.class);
        assertThat(topicKeys.hasKey("tenant-a", employee)).isFalse();
    }

    @Test
    void one_employee_key_is_per_tenant_and_a_body_sealed_for_someone_else_is_a_poison_record() throws Exception {
        UUID employee = UUID.randomUUID();
        publish("tenant-a", completed(employee));
        ConsumerRecord<String, byte[]> otherTenant = publish("tenant-b", completed(employee));
        topicKeys.shred("tenant-a", employee);
        assertThat(inbox.decode(otherTenant).payload()).as("erasing in one tenant leaves the other's alone")
                .isInstanceOf(AssessmentCompleted.class);

        // the same ciphertext claimed for another employee does not open: the key and the employee are bound in
        UUID someoneElse = UUID.randomUUID();
        publish("tenant-b", completed(someoneElse));
        JsonNode tree = json.readTree(otherTenant.value());
        byte[] forged = json.writeValueAsBytes(json.createObjectNode()
                .put("sealedFor", someoneElse.toString()).put("sealed", tree.get("sealed").asText()));
        ConsumerRecord<String, byte[]> tampered = new ConsumerRecord<>(otherTenant.topic(), otherTenant.partition(),
                otherTenant.offset(), otherTenant.key(), forged);
        otherTenant.headers().forEach(h -> tampered.headers().add(h));
        assertThatThrownBy(() -> inbox.decode(tampered)).isInstanceOf(PoisonRecord.class);
    }

    @Test
    void events_about_no_one_stay_plain_json() throws Exception {
        UUID team = UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> outbox.enqueue("tenant-a", new TeamCreated(team, "Finance", Instant.now())));
        ConsumerRecord<String, byte[]> record = TopicReader.awaitRecord(kafka, "upright.programs",
                r -> team.toString().equals(r.key()), Duration.ofSeconds(30));
        assertThat(json.readTree(record.value()).get("name").asText()).isEqualTo("Finance");
    }

    private ConsumerRecord<String, byte[]> publish(String tenant, AssessmentCompleted event) {
        UUID eventId = QuarkusTransaction.requiringNew().call(() -> outbox.enqueue(tenant, event));
        return TopicReader.awaitRecord(kafka, "upright.assessments",
                r -> eventId.toString().equals(TopicReader.header(r, "ce_id")), Duration.ofSeconds(30));
    }

    private static AssessmentCompleted completed(UUID employee) {
        return new AssessmentCompleted(UUID.randomUUID(), employee, UUID.randomUUID(), "rosa", 1, "ROSA", 7, "HIGH",
                List.of("LUMBAR_SUPPORT_MISSING"), true, Instant.parse("2026-11-30T09:00:00Z"));
    }
}
