package io.upright.insights.settings;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import io.upright.localinfra.DevTokens;
import io.upright.testsupport.http.Api;
import io.upright.testsupport.kafka.TopicReader;
import io.upright.testsupport.quarkus.UprightTestInfrastructure;
import io.upright.testsupport.time.AdjustableClock;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A tenant's k reaches the other services: when an admin changes it, insights publishes
 * {@code AnonymityThresholdChanged} on the real {@code upright.insights} topic through its outbox, naming no one; a
 * request that changes nothing (the value in force, a refused value, HR trying) publishes nothing.
 */
@QuarkusTest
@WithTestResource(value = UprightTestInfrastructure.class, initArgs = {
        @ResourceArg(name = "database", value = "insights"),
        @ResourceArg(name = "topics", value = "upright.programs,upright.assessments,upright.exercises,upright.reminders,upright.insights.dlq")})
class AnonymityThresholdPublishedFlowTest {

    private static final DevTokens TOKENS = DevTokens.forTests();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TYPE = "upright.insights.anonymity-threshold-changed.v1";
    private static final Instant MONDAY_NOON = Instant.parse("2026-03-09T12:00:00Z");

    private final AdjustableClock clock = AdjustableClock.at(MONDAY_NOON);

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String kafka;

    @BeforeEach
    void fixTheClock() {
        QuarkusMock.installMockForType(clock, Clock.class);
    }

    @Test
    void an_admin_changing_k_publishes_each_change_once_in_order_on_upright_insights_and_nothing_else_publishes() throws Exception {
        String tenant = "acme-" + UUID.randomUUID();
        String admin = TOKENS.issue(tenant, "admin-7", "admin");
        String hr = TOKENS.issue(tenant, "hr-7", "hr");

        Api.as(admin).body("{\"anonymityThreshold\": 8}").put("/api/insights/settings").then().statusCode(200);
        clock.advance(Duration.ofHours(1));
        Api.as(admin).body("{\"anonymityThreshold\": 8}").put("/api/insights/settings").then().statusCode(200); // in force already
        Api.as(admin).body("{\"anonymityThreshold\": 3}").put("/api/insights/settings").then().statusCode(400);  // below the floor
        Api.as(hr).body("{\"anonymityThreshold\": 5}").put("/api/insights/settings").then().statusCode(403);     // HR may not
        clock.advance(Duration.ofHours(1));
        Api.as(admin).body("{\"anonymityThreshold\": 6}").put("/api/insights/settings").then().statusCode(200);

        // the last change is there, so the relay has sent everything before it (one key, one partition)
        TopicReader.awaitRecord(kafka, "upright.insights",
                r -> tenant.equals(TopicReader.header(r, "ce_tenant")) && thresholdOf(r) == 6,
                Duration.ofSeconds(30));
        List<ConsumerRecord<String, byte[]>> published = new ArrayList<>();
        for (ConsumerRecord<String, byte[]> r : TopicReader.readAll(kafka, "upright.insights", Duration.ofSeconds(2))) {
            if (tenant.equals(TopicReader.header(r, "ce_tenant"))) {
                published.add(r);
            }
        }
        assertThat(published).hasSize(2);

        ConsumerRecord<String, byte[]> first = published.get(0);
        assertThat(TopicReader.header(first, "ce_type")).isEqualTo(TYPE);
        assertThat(TopicReader.header(first, "ce_source")).isEqualTo("urn:upright:insights");
        assertThat(TopicReader.header(first, "ce_subject")).isEqualTo("anonymity-threshold");
        assertThat(first.key()).isEqualTo("anonymity-threshold");
        assertThat(TopicReader.header(first, "ce_id")).isNotBlank();
        JsonNode raised = JSON.readTree(first.value());
        List<String> fields = new ArrayList<>();
        raised.fieldNames().forEachRemaining(fields::add);
        assertThat(fields).containsExactlyInAnyOrder("threshold", "previousThreshold", "changedAt");
        assertThat(raised.get("threshold").asInt()).isEqualTo(8);
        assertThat(raised.get("previousThreshold").asInt()).as("the service's k was in force before").isEqualTo(5);
        assertThat(Instant.parse(raised.get("changedAt").asText())).isEqualTo(MONDAY_NOON);
        // who changed it stays on insights' own trail: the event names no one
        assertThat(new String(first.value())).doesNotContain("admin-7").doesNotContain(tenant);

        JsonNode lowered = JSON.readTree(published.get(1).value());
        assertThat(lowered.get("threshold").asInt()).isEqualTo(6);
        assertThat(lowered.get("previousThreshold").asInt()).isEqualTo(8);
        assertThat(Instant.parse(lowered.get("changedAt").asText())).isEqualTo(MONDAY_NOON.plus(Duration.ofHours(2)));

        // the trail and the events tell the same story
        Api.as(hr).get("/api/insights/settings/threshold-changes").then().statusCode(200)
                .body("threshold", org.hamcrest.Matchers.contains(6, 8));
    }

    private static int thresholdOf(ConsumerRecord<String, byte[]> record) {
        try {
            return JSON.readTree(record.value()).path("threshold").asInt();
        } catch (java.io.IOException e) {
            return -1;
        }
    }
}
