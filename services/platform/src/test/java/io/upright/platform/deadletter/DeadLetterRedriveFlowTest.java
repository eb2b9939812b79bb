package io.upright.platform.deadletter;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.upright.localinfra.CloudEventRecords;
import io.upright.localinfra.DevTokens;
import io.upright.platform.notes.NoteConsumer;
import io.upright.testsupport.http.Api;
import io.upright.testsupport.kafka.TopicReader;
import io.upright.testsupport.quarkus.UprightTestInfrastructure;
import io.upright.platform.coordination.OneAtATime;
import jakarta.inject.Inject;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

/**
 * Issue 13, dead-letter redrive: what the consumer dead-letters (a poison record, a record it has a defect with) an
 * operator lists without bodies and redrives through the inbox once the defect is fixed, exactly once.
 */
@QuarkusTest
@WithTestResource(value = UprightTestInfrastructure.class, initArgs = {
        @ResourceArg(name = "database", value = "platform"),
        @ResourceArg(name = "topics", value = "upright.programs,upright.platform-test,upright.platform-test.dlq")})
class DeadLetterRedriveFlowTest {

    private static final String TOPIC = "upright.platform-test";
    private static final String DLQ = TOPIC + ".dlq";
    private static final String PATH = "/api/operator/dead-letters";
    private static final DevTokens TOKENS = DevTokens.forTests();
    private static final String OPERATOR = TOKENS.issue("platform", "operator-1", "operator");
    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    OneAtATime oneAtATime;

    @Inject
    DataSource dataSource;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String kafka;

    @Test
    void a_defect_is_dead_lettered_and_after_the_fix_one_redrive_applies_it_once_and_the_next_is_a_no_op() throws Exception {
        String subject = UUID.randomUUID().toString();
        String eventId = UUID.randomUUID().toString();
        String secret = "pain-level-" + UUID.randomUUID();
        NoteConsumer.DEFECTIVE_SUBJECTS.add(subject);
        TopicReader.send(kafka, record(eventId, subject, "{\"text\":\"" + secret + "\"}"));

        JsonNode listed = awaitListed(eventId);
        assertThat(listed.path("originalTopic").asText()).isEqualTo(TOPIC);
        assertThat(listed.path("originalOffset").isNumber()).isTrue();
        assertThat(listed.path("reason").asText()).contains("simulated defect");
        assertThat(listed.path("eventType").asText()).isEqualTo("upright.platform-test.note-added.v1");
        assertThat(listed.path("tenant").asText()).isEqualTo("tenant-a");
        assertThat(listed.path("pending").asBoolean()).isTrue();
        assertThat(listed.path("outcome").isNull()).isTrue();
        assertThat(listed.has("value") || listed.has("body") || listed.has("key")).isFalse();
        int partition = listed.path("partition").asInt();
        long offset = listed.path("offset").asLong();
        String redrive = PATH + "/" + partition + "/" + offset + "/redrive";

        // before the fix it still fails: reported, not applied, still pending
        Api.as(OPERATOR).post(redrive).then().statusCode(200)
                .body("outcome", equalTo("failed-again")).body("eventId", equalTo(eventId));
        assertThat(effectsFor(subject)).isZero();
        assertThat(listed(eventId).orElseThrow().path("pending").asBoolean()).isTrue();

        NoteConsumer.DEFECTIVE_SUBJECTS.remove(subject); // the fix is deployed
        Api.as(OPERATOR).post(redrive).then().statusCode(200)
                .body("outcome", equalTo("applied")).body("originalTopic", equalTo(TOPIC));
        assertThat(effectsFor(subject)).isEqualTo(1);

        Api.as(OPERATOR).post(redrive).then().statusCode(200).body("outcome", equalTo("already-applied"));
        assertThat(effectsFor(subject)).isEqualTo(1);
        JsonNode after = listed(eventId).orElseThrow();
        assertThat(after.path("pending").asBoolean()).isFalse();
        assertThat(after.path("outcome").asText()).isEqualTo("already-applied");
        assertThat(after.path("redrives").asInt()).isEqualTo(3);
        assertThat(after.path("redrivenAt").asText()).isNotBlank();
        // whichever page it is on, no body ever leaves the service
        assertThat(allPages()).doesNotContain(secret);
    }

    @Test
    void a_poison_record_fails_again_on_redrive_all_and_stays_listed_as_pending() throws Exception {
        String subject = UUID.randomUUID().toString();
        String eventId = UUID.randomUUID().toString();
        ProducerRecord<String, byte[]> poison = record(eventId, subject, "{\"text\":\"fine\"}");
        poison.headers().remove("ce_type");
        TopicReader.send(kafka, poison);
        awaitListed(eventId);

        JsonNode report = JSON.readTree(Api.as(OPERATOR).post(PATH + "/redrive").then().statusCode(200)
                .extract().asString());
        JsonNode mine = null;
        for (JsonNode outcome : report.path("outcomes")) {
            if (eventId.equals(outcome.path("eventId").asText())) {
                mine = outcome;
            }
        }
        assertThat(mine).as("the poison record is among the redriven").isNotNull();
        assertThat(mine.path("outcome").asText()).isEqualTo("failed-again");
        assertThat(mine.path("reason").asText()).contains("ce_type");
        assertThat(report.path("failedAgain").asInt()).isPositive();

        JsonNode listed = listed(eventId).orElseThrow();
        assertThat(listed.path("pending").asBoolean()).isTrue();
        assertThat(listed.path("outcome").asText()).isEqualTo("failed-again");
        assertThat(listed.path("outcomeReason").asText()).contains("ce_type");
        assertThat(effectsFor(subject)).isZero();
    }

    @Test
    void the_count_and_the_dead_letters_health_check_report_pending_records_and_readiness_stays_up() throws Exception {
        String eventId = UUID.randomUUID().toString();
        ProducerRecord<String, byte[]> poison = record(eventId, UUID.randomUUID().toString(), "{}");
        poison.headers().remove("ce_tenant");
        TopicReader.send(kafka, poison);
        awaitListed(eventId);

        Api.as(OPERATOR).get(PATH + "/count").then().statusCode(200)
                .body("topic", equalTo(DLQ))
                .body("pending", org.hamcrest.Matchers.greaterThanOrEqualTo(1));
        RestAssured.given().get("/q/health").then().statusCode(200)
                .body("checks.find { it.name == 'dead-letters' }.status", equalTo("UP"))
                .body("checks.find { it.name == 'dead-letters' }.data.topic", equalTo(DLQ))
                .body("checks.find { it.name == 'dead-letters' }.data.deadLetters", org.hamcrest.Matchers.greaterThanOrEqualTo(1));
        String ready = RestAssured.given().get("/q/health/ready").then().statusCode(200).extract().asString();
        assertThat(ready).doesNotContain("dead-letters");
    }

    @Test
    void only_an_operator_may_list_count_or_redrive() {
        for (String role : new String[]{"employee", "hr", "admin", "content-editor"}) {
            String token = TOKENS.issue("tenant-a", UUID.randomUUID().toString(), role);
            Api.as(token).get(PATH).then().statusCode(403).contentType("application/problem+json");
            Api.as(token).get(PATH + "/count").then().statusCode(403);
            Api.as(token).post(PATH + "/0/0/redrive").then().statusCode(403);
            Api.as(token).post(PATH + "/redrive").then().statusCode(403);
        }
        Api.anonymous().get(PATH).then().statusCode(401).contentType("application/problem+json");
        Api.anonymous().post(PATH + "/redrive").then().statusCode(401);
    }

    @Test
    void while_another_instance_redrives_a_redrive_here_is_409_and_runs_once_that_one_has_finished() {
        // another instance's redrive: the same lock, taken on a session of its own
        try (OneAtATime.Held elsewhere = oneAtATime.tryAcquire(Redriver.LOCK).orElseThrow()) {
            Api.as(OPERATOR).post(PATH + "/redrive").then().statusCode(409).contentType("application/problem+json")
                    .body("detail", org.hamcrest.Matchers.containsString("already running"));
            Api.as(OPERATOR).post(PATH + "/0/0/redrive").then().statusCode(409);
        }
        Api.as(OPERATOR).post(PATH + "/redrive").then().statusCode(200);
    }

    @Test
    void a_redrive_of_an_offset_the_topic_does_not_hold_is_404() {
        Api.as(OPERATOR).post(PATH + "/97/0/redrive").then().statusCode(404).contentType("application/problem+json");
        Api.as(OPERATOR).post(PATH + "/0/987654321/redrive").then().statusCode(404)
                .body("type", equalTo("urn:upright:problem:not-found"));
    }

    @Test
    void a_dead_letter_from_a_topic_no_consumer_here_reads_is_409() throws Exception {
        String eventId = UUID.randomUUID().toString();
        ProducerRecord<String, byte[]> stray = CloudEventRecords.record(DLQ, "key", eventId,
                "upright.elsewhere.thing-happened.v1", "urn:upright:elsewhere", "s", "tenant-a",
                "{}".getBytes(StandardCharsets.UTF_8));
        stray.headers().add("dead-letter-topic", "upright.elsewhere".getBytes(StandardCharsets.UTF_8));
        stray.headers().add("dead-letter-partition", "0".getBytes(StandardCharsets.UTF_8));
        stray.headers().add("dead-letter-offset", "5".getBytes(StandardCharsets.UTF_8));
        stray.headers().add("dead-letter-reason", "elsewhere".getBytes(StandardCharsets.UTF_8));
        TopicReader.send(kafka, stray);
        JsonNode listed = awaitListed(eventId);

        Api.as(OPERATOR).post(PATH + "/" + listed.path("partition").asInt() + "/" + listed.path("offset").asLong() + "/redrive")
                .then().statusCode(409).contentType("application/problem+json")
                .body("detail", org.hamcrest.Matchers.containsString("upright.elsewhere"));
    }

    @Test
    void the_list_is_paged_in_partition_then_offset_order() throws Exception {
        for (int i = 0; i < 2; i++) {
            ProducerRecord<String, byte[]> poison = record(UUID.randomUUID().toString(), UUID.randomUUID().toString(), "{}");
            poison.headers().remove("ce_source");
            TopicReader.send(kafka, poison);
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> page(0, 1).path("total").asLong() >= 2);
        JsonNode first = page(0, 1);
        JsonNode second = page(1, 1);
        assertThat(first.path("items")).hasSize(1);
        assertThat(first.path("size").asInt()).isEqualTo(1);
        JsonNode a = first.path("items").get(0);
        JsonNode b = second.path("items").get(0);
        assertThat(a.path("partition").asInt() < b.path("partition").asInt()
                || (a.path("partition").asInt() == b.path("partition").asInt() && a.path("offset").asLong() < b.path("offset").asLong()))
                .as("ordered by partition, then offset").isTrue();
        Api.as(OPERATOR).get(PATH + "?size=201").then().statusCode(400).contentType("application/problem+json");
    }

    private static ProducerRecord<String, byte[]> record(String eventId, String subject, String body) {
        return CloudEventRecords.record(TOPIC, "key", eventId, "upright.platform-test.note-added.v1",
                "urn:upright:platform-test", subject, "tenant-a", body.getBytes(StandardCharsets.UTF_8));
    }

    private JsonNode awaitListed(String eventId) throws Exception {
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(300)).until(() -> listed(eventId).isPresent());
        return listed(eventId).orElseThrow();
    }

    private Optional<JsonNode> listed(String eventId) throws Exception {
        for (int page = 0; ; page++) {
            JsonNode body = page(page, 200);
            for (JsonNode item : body.path("items")) {
                if (eventId.equals(item.path("eventId").asText())) {
                    return Optional.of(item);
                }
            }
            if (body.path("items").size() < 200) {
                return Optional.empty();
            }
        }
    }

    private String allPages() {
        StringBuilder all = new StringBuilder();
        for (int page = 0; ; page++) {
            String body = Api.as(OPERATOR).get(PATH + "?page=" + page + "&size=200").then().statusCode(200).extract().asString();
            all.append(body);
            if (!body.contains("\"items\":[{")) {
                return all.toString();
            }
        }
    }

    private JsonNode page(int page, int size) throws Exception {
        return JSON.readTree(Api.as(OPERATOR).get(PATH + "?page=" + page + "&size=" + size)
                .then().statusCode(200).extract().asString());
    }

    private int effectsFor(String subject) throws Exception {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("select count(*) from test_effects where subject = ?")) {
            ps.setString(1, subject);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }
}
