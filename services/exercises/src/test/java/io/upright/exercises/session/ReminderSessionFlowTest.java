package io.upright.exercises.session;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.upright.contracts.EventCatalog;
import io.upright.contracts.reminders.BreakTaken;
import io.upright.localinfra.CloudEventRecords;
import io.upright.localinfra.DevTokens;
import io.upright.platform.inbox.Inbox;
import io.upright.testsupport.kafka.TopicReader;
import io.upright.testsupport.quarkus.UprightTestInfrastructure;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

@QuarkusTest
@WithTestResource(value = UprightTestInfrastructure.class, initArgs = {
        @ResourceArg(name = "database", value = "exercises"),
        @ResourceArg(name = "topics", value = "upright.assessments,upright.programs,upright.reminders,upright.exercises,upright.exercises.dlq")})
class ReminderSessionFlowTest {

    private static final DevTokens TOKENS = DevTokens.forTests();
    @Inject
    Inbox inbox;

    @Inject
    ObjectMapper mapper;

    private static final String COMPLETED = "upright.exercises.exercise-session-completed.v2";

    private final String tenant = "acme-" + UUID.randomUUID();

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String kafka;

    static ProducerRecord<String, byte[]> breakTaken(String ceId, String tenant, String key, UUID employee,
                                                    String activity, int minutes, String routineId) {
        UUID reminder = UUID.randomUUID();
        BreakTaken taken = new BreakTaken(reminder, employee, activity, minutes, routineId, Instant.now());
        return CloudEventRecords.record(EventCatalog.BREAK_TAKEN, key, ceId, reminder.toString(), tenant, taken);
    }

    @Test
    void done_on_a_routine_reminder_delivered_twice_logs_one_unrated_session_and_publishes_one_completion() throws Exception {
        UUID employee = UUID.randomUUID();
        String key = employee.toString();
        ProducerRecord<String, byte[]> done = breakTaken(UUID.randomUUID().toString(), tenant, key, employee, "routine", 7,
                "walking-break");
        TopicReader.send(kafka, done);
        TopicReader.send(kafka, done);
        // a walk is not a routine: nothing is logged for it
        TopicReader.send(kafka, breakTaken(UUID.randomUUID().toString(), tenant, key, employee, "walk", 5, null));
        // a marker behind them on the same partition: once its completion is out, the others were handled
        UUID marker = UUID.randomUUID();
        TopicReader.send(kafka, breakTaken(UUID.randomUUID().toString(), tenant, key, marker, "routine", 6, "posture-reset"));
        TopicReader.awaitRecord(kafka, "upright.exercises",
                r -> marker.toString().equals(r.key()) && COMPLETED.equals(TopicReader.header(r, "ce_type")),
                Duration.ofSeconds(30));

        List<ConsumerRecord<String, byte[]>> mine = TopicReader.readAll(kafka, "upright.exercises", Duration.ofSeconds(2))
                .stream().filter(r -> key.equals(r.key()) && COMPLETED.equals(TopicReader.header(r, "ce_type"))).toList();
        assertThat(mine).hasSize(1);
        assertThat(TopicReader.header(mine.get(0), "ce_tenant")).isEqualTo(tenant);
        JsonNode body = opened(mine.get(0));
        assertThat(body.get("routineId").asText()).isEqualTo("walking-break");
        assertThat(body.get("seconds").asInt()).isEqualTo(420);
        assertThat(body.get("feltRating").isNull()).as("not rated").isTrue();

        String token = TOKENS.issue(tenant, employee.toString(), "employee");
        given().auth().oauth2(token).get("/api/me/exercise-sessions").then().statusCode(200)
                .body("total", equalTo(1)).body("items[0].routineId", equalTo("walking-break"))
                .body("items[0].minutes", equalTo(7)).body("items[0].feltRating", nullValue());
        given().auth().oauth2(TOKENS.issue("globex-" + UUID.randomUUID(), employee.toString(), "employee"))
                .get("/api/me/exercise-sessions").then().statusCode(200).body("total", equalTo(0));
    }

    /** The record as a consumer reads it: its payload travels sealed under the employee's topic key. */
    private JsonNode opened(ConsumerRecord<String, byte[]> record) {
        return mapper.valueToTree(inbox.decode(record).payload());
    }
}
