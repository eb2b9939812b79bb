package io.upright.reminders.reminder;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.standardwebhooks.Webhook;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.upright.reminders.testing.Enrolments;
import io.upright.reminders.testing.WebhookReceiver;
import io.upright.localinfra.DevTokens;
import io.upright.platform.inbox.Inbox;
import io.upright.testsupport.kafka.TopicReader;
import io.upright.testsupport.quarkus.UprightTestInfrastructure;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

@QuarkusTest
@WithTestResource(value = UprightTestInfrastructure.class, initArgs = {
        @ResourceArg(name = "database", value = "reminders"),
        @ResourceArg(name = "topics", value = "upright.programs,upright.exercises,upright.assessments,upright.reminders,upright.reminders.dlq")})
class ReminderFlowTest {

    private static final DevTokens TOKENS = DevTokens.forTests();
    private static final Duration WAIT = Duration.ofSeconds(45);
    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    Inbox inbox;

    @Inject
    ObjectMapper mapper;


    private final WebhookReceiver receiver = WebhookReceiver.get();
    private final String tenant = "acme-" + UUID.randomUUID();
    private final String admin = TOKENS.issue(tenant, "admin-1", "admin");

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String kafka;

    @Inject
    DataSource dataSource;

    /** What one delivered reminder looked like at the receiver. */
    private record Delivered(String employeeId, String reminderId, String secret, WebhookReceiver.Received request) {
    }

    @Test
    void an_enrolled_employee_gets_a_signed_reminder_and_answering_done_publishes_break_taken() throws Exception {
        Delivered delivered = enrolAndAwaitReminder();

        // the signature verifies with the Standard Webhooks reference library
        WebhookReceiver.Received request = delivered.request();
        new Webhook(delivered.secret()).verify(request.body(), request.headers());
        assertThat(request.headers().get("webhook-id")).containsExactly(delivered.reminderId());
        assertThat(request.headers().get("content-type")).containsExactly("application/json");
        JsonNode body = JSON.readTree(request.body());
        assertThat(body.get("type").asText()).isEqualTo("break.reminder");
        assertThat(body.get("employeeId").asText()).isEqualTo(delivered.employeeId());
        assertThat(body.get("slot").asText()).endsWith("Z");
        assertThat(body.get("message").asText()).isNotBlank();
        assertThat(body.get("answerUrl").asText()).isEqualTo("/api/me/reminders/" + delivered.reminderId() + "/answer");

        ConsumerRecord<String, byte[]> sent = awaitEvent("upright.reminders.break-reminder-sent.v1", delivered.reminderId());
        assertThat(sent.key()).isEqualTo(delivered.employeeId());
        assertThat(TopicReader.header(sent, "ce_tenant")).isEqualTo(tenant);
        assertThat(opened(sent).get("channel").asText()).isEqualTo("webhook");

        String employee = TOKENS.issue(tenant, delivered.employeeId(), "employee");
        given().auth().oauth2(employee).contentType("application/json")
                .body(Map.of("answer", "done", "activity", "walk", "activeMinutes", 3))
                .post("/api/me/reminders/{id}/answer", delivered.reminderId())
                .then().statusCode(200).body("status", equalTo("sent")).body("answer", equalTo("done"))
                .body("activity", equalTo("walk")).body("activeMinutes", equalTo(3));

        ConsumerRecord<String, byte[]> taken = awaitEvent("upright.reminders.break-taken.v1", delivered.reminderId());
        JsonNode takenBody = opened(taken);
        assertThat(taken.key()).isEqualTo(delivered.employeeId());
        assertThat(takenBody.get("activity").asText()).isEqualTo("walk");
        assertThat(takenBody.get("activeMinutes").asInt()).isEqualTo(3);

        given().auth().oauth2(employee).contentType("application/json")
                .body(Map.of("answer", "done", "activity", "stand", "activeMinutes", 2))
                .post("/api/me/reminders/{id}/answer", delivered.reminderId())
                .then().statusCode(409).contentType("application/problem+json");

        given().auth().oauth2(employee).get("/api/me/reminders?size=200")
                .then().statusCode(200).body("items.id", hasItems(delivered.reminderId()))
                .body("items.find { it.id == '" + delivered.reminderId() + "' }.answer", equalTo("done"));
    }

    @Test
    void only_the_reminders_own_employee_can_answer_and_bad_answers_name_the_field() throws Exception {
        Delivered delivered = enrolAndAwaitReminder();
        awaitEvent("upright.reminders.break-reminder-sent.v1", delivered.reminderId());
        Map<String, Object> done = Map.of("answer", "done", "activity", "stretch", "activeMinutes", 5);

        // the same employee id in another tenant, and a colleague in the same tenant, see nothing
        String otherTenant = TOKENS.issue("globex-" + UUID.randomUUID(), delivered.employeeId(), "employee");
        String colleague = TOKENS.issue(tenant, UUID.randomUUID().toString(), "employee");
        for (String stranger : new String[]{otherTenant, colleague}) {
            given().auth().oauth2(stranger).contentType("application/json").body(done)
                    .post("/api/me/reminders/{id}/answer", delivered.reminderId()).then().statusCode(404);
            given().auth().oauth2(stranger).get("/api/me/reminders").then().statusCode(200).body("total", equalTo(0));
        }
        given().auth().oauth2(admin).contentType("application/json").body(done)
                .post("/api/me/reminders/{id}/answer", delivered.reminderId()).then().statusCode(403);

        String employee = TOKENS.issue(tenant, delivered.employeeId(), "employee");
        given().auth().oauth2(employee).contentType("application/json")
                .body(Map.of("answer", "done", "activity", "nap", "activeMinutes", 5))
                .post("/api/me/reminders/{id}/answer", delivered.reminderId())
                .then().statusCode(400).contentType("application/problem+json").body("errors.field", equalTo(java.util.List.of("activity")));
        given().auth().oauth2(employee).contentType("application/json")
                .body(Map.of("answer", "nap", "activity", "walk", "activeMinutes", 5))
                .post("/api/me/reminders/{id}/answer", delivered.reminderId())
                .then().statusCode(400).body("errors.field", equalTo(java.util.List.of("answer")));
        given().auth().oauth2(employee).contentType("application/json")
                .body(Map.of("answer", "done", "activity", "walk", "activeMinutes", 0))
                .post("/api/me/reminders/{id}/answer", delivered.reminderId())
                .then().statusCode(400).body("errors.field", hasItems("activeMinutes"));

        // none of that answered it: the employee still can
        given().auth().oauth2(employee).contentType("application/json").body(done)
                .post("/api/me/reminders/{id}/answer", delivered.reminderId()).then().statusCode(200);
    }

    @Test
    void redelivering_an_enrolment_creates_no_second_schedule() throws Exception {
        UUID employee = UUID.randomUUID();
        String employeeId = employee.toString();
        String eventId = UUID.randomUUID().toString();
        ProducerRecord<String, byte[]> enrolled = Enrolments.employeeEnrolled(eventId, tenant, employeeId, Enrolments.zoneAroundNoon());
        Enrolments.send(kafka, enrolled);
        await().atMost(WAIT).until(() -> count("select count(*) from schedule where employee_id = ?", employee) == 1);

        // the same record again, then the same fact under a new event id (as a replay from programs would be);
        // all share the employee key, so once the last one is in the inbox the earlier ones were consumed
        Enrolments.send(kafka, enrolled);
        String replayId = UUID.randomUUID().toString();
        Enrolments.send(kafka, Enrolments.employeeEnrolled(replayId, tenant, employeeId, "America/New_York"));
        await().atMost(WAIT).until(() -> count("select count(*) from inbox where consumer = 'reminders' and event_id = ?", replayId) == 1);

        assertThat(count("select count(*) from inbox where consumer = 'reminders' and event_id = ?", eventId)).isEqualTo(1);
        assertThat(count("select count(*) from event_store where stream_type = 'schedule' and stream_id = ?", employee)).isEqualTo(1);
        assertThat(count("select count(*) from schedule where employee_id = ?", employee)).isEqualTo(1);
        // one chain of reminders: never more than one slot waiting
        assertThat(count("select count(*) from due_reminder where employee_id = ? and status in ('pending', 'sending')", employee))
                .isLessThanOrEqualTo(1);
    }

    @Test
    void an_endpoint_whose_receiver_answers_410_gone_is_disabled() {
        String endpointId = register(receiver.url("/gone/" + tenant)).get("id");
        Enrolments.send(kafka, Enrolments.employeeEnrolled(UUID.randomUUID().toString(), tenant,
                UUID.randomUUID().toString(), Enrolments.zoneAroundNoon()));

        await().atMost(WAIT).untilAsserted(() -> given().auth().oauth2(admin).get("/api/webhook-endpoints/{id}", endpointId)
                .then().statusCode(200).body("status", equalTo("disabled")));
    }

    private Delivered enrolAndAwaitReminder() {
        Map<String, String> endpoint = register(receiver.url("/hooks/" + tenant));
        String employeeId = UUID.randomUUID().toString();
        Enrolments.send(kafka, Enrolments.employeeEnrolled(UUID.randomUUID().toString(), tenant, employeeId, Enrolments.zoneAroundNoon()));
        String path = "/hooks/" + tenant;
        WebhookReceiver.Received request = await().atMost(WAIT).until(
                () -> receiver.first(r -> r.path().equals(path) && r.body().contains(employeeId)).orElse(null),
                r -> r != null);
        String reminderId = request.headers().get("webhook-id").get(0);
        return new Delivered(employeeId, reminderId, endpoint.get("secret"), request);
    }

    private Map<String, String> register(String url) {
        return given().auth().oauth2(admin).contentType("application/json").body(Map.of("url", url))
                .post("/api/webhook-endpoints").then().statusCode(201).extract().jsonPath().getMap("", String.class, String.class);
    }

    private ConsumerRecord<String, byte[]> awaitEvent(String type, String reminderId) {
        return TopicReader.awaitRecord(kafka, "upright.reminders",
                r -> type.equals(TopicReader.header(r, "ce_type")) && reminderId.equals(TopicReader.header(r, "ce_subject")), WAIT);
    }

    private long count(String sql, Object parameter) throws Exception {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setObject(1, parameter);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }


    /** The record as a consumer reads it: a break taken travels sealed under the employee's topic key. */
    private JsonNode opened(ConsumerRecord<String, byte[]> record) {
        return mapper.valueToTree(inbox.decode(record).payload());
    }
}
