package io.upright.reminders.reminder;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.upright.reminders.testing.Queue;
import io.upright.reminders.testing.ScriptedReceiver;
import io.upright.reminders.testing.ScriptedReceiver.Answer;
import io.upright.localinfra.DevTokens;
import io.upright.platform.inbox.Inbox;
import io.upright.testsupport.kafka.TopicReader;
import io.upright.testsupport.quarkus.UprightTestInfrastructure;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

/**
 * Every answer and outcome of a reminder reaches the real {@code upright.reminders} topic through the outbox with
 * the right fields, and Snooze delivers the same reminder exactly once more, at its end.
 */
@QuarkusTest
@WithTestResource(value = UprightTestInfrastructure.class, initArgs = {
        @ResourceArg(name = "database", value = "reminders"),
        @ResourceArg(name = "topics", value = "upright.programs,upright.exercises,upright.assessments,upright.reminders,upright.reminders.dlq")})
class AnswerEventsFlowTest {

    private static final DevTokens TOKENS = DevTokens.forTests();
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    Inbox inbox;

    @Inject
    ObjectMapper mapper;

    private static final ScriptedReceiver RECEIVER = new ScriptedReceiver();

    private final String tenant = "answers-" + UUID.randomUUID();
    private final String admin = TOKENS.issue(tenant, "admin-1", "admin");
    private final UUID employee = UUID.randomUUID();
    private final String employeeToken = TOKENS.issue(tenant, employee.toString(), "employee");

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String kafka;

    @Inject
    DataSource dataSource;

    @AfterAll
    static void stopReceiver() {
        RECEIVER.close();
    }

    private Queue queue() {
        return new Queue(dataSource, tenant);
    }

    @Test
    void snooze_delivers_the_same_reminder_once_more_at_snoozed_until_and_done_on_a_break_names_no_routine() throws Exception {
        registerEndpoint("/snooze/" + tenant);
        queue().execute("insert into employee_routine (tenant_id, employee_id, routine_id, routine_title, duration_minutes, withheld, as_of) "
                + "values (?, ?, 'hip-flexor-reset', 'Hip-flexor reset', 8, false, now())", tenant, employee);
        UUID id = queue().dueNow(employee, Duration.ofSeconds(60));
        await().atMost(WAIT).until(() -> "sent".equals(queue().status(id)));

        String snoozedUntil = given().auth().oauth2(employeeToken).contentType("application/json").body(Map.of("answer", "snooze"))
                .post("/api/me/reminders/{id}/answer", id)
                .then().statusCode(200).body("answer", equalTo("snooze")).body("status", equalTo("pending"))
                // a break suggests a micro-break, never the full routine (dose by design)
                .body("routineId", nullValue()).body("suggestion.type", equalTo("micro-break")).extract().path("snoozedUntil");
        JsonNode snoozed = opened(awaitEvent("upright.reminders.break-snoozed.v1", id));
        assertThat(snoozed.get("employeeId").asText()).isEqualTo(employee.toString());
        assertThat(Instant.parse(snoozed.get("snoozedUntil").asText())).isEqualTo(Instant.parse(snoozedUntil));
        assertThat(Instant.parse(snoozed.get("snoozedUntil").asText())).isAfter(Instant.parse(snoozed.get("snoozedAt").asText()));

        // a second snooze is refused: a reminder comes back once
        given().auth().oauth2(employeeToken).contentType("application/json").body(Map.of("answer", "snooze"))
                .post("/api/me/reminders/{id}/answer", id).then().statusCode(409);

        await().atMost(WAIT).until(() -> RECEIVER.callsFor(id.toString()).size() == 2 && "sent".equals(queue().status(id)));
        List<ScriptedReceiver.Call> calls = RECEIVER.callsFor(id.toString());
        assertThat(calls.get(1).webhookTimestamp()).isGreaterThanOrEqualTo(Instant.parse(snoozedUntil).getEpochSecond());
        assertThat(queue().events(id, "ReminderSent")).isEqualTo(2);
        assertThat(TopicReader.awaitRecords(kafka, "upright.reminders", r -> is(r, "upright.reminders.break-reminder-sent.v1", id), 2, WAIT))
                .allSatisfy(r -> assertThat(opened(r).get("kind").asText()).isEqualTo("break"));
        // the schedule went on once, at the first delivery: one next slot, not two
        assertThat(queue().count("select count(*) from due_reminder where employee_id = ? and status = 'pending'", employee)).isEqualTo(1);

        given().auth().oauth2(employeeToken).contentType("application/json")
                .body(Map.of("answer", "done", "activity", "routine", "activeMinutes", 8))
                .post("/api/me/reminders/{id}/answer", id).then().statusCode(200).body("answer", equalTo("done"));
        JsonNode taken = opened(awaitEvent("upright.reminders.break-taken.v1", id));
        assertThat(taken.get("routineId").isNull()).isTrue();
        assertThat(taken.get("activity").asText()).isEqualTo("routine");
        assertThat(taken.get("activeMinutes").asInt()).isEqualTo(8);
        assertThat(RECEIVER.callsFor(id.toString())).hasSize(2);
    }

    @Test
    void skip_and_a_plain_walk_are_published_without_a_routine() throws Exception {
        registerEndpoint("/skip/" + tenant);
        UUID skipped = queue().dueNow(employee, Duration.ofSeconds(60));
        await().atMost(WAIT).until(() -> "sent".equals(queue().status(skipped)));
        given().auth().oauth2(employeeToken).contentType("application/json").body(Map.of("answer", "skip"))
                .post("/api/me/reminders/{id}/answer", skipped).then().statusCode(200).body("answer", equalTo("skip"));
        JsonNode event = opened(awaitEvent("upright.reminders.break-skipped.v1", skipped));
        assertThat(event.get("employeeId").asText()).isEqualTo(employee.toString());
        assertThat(event.get("skippedAt").asText()).isNotBlank();

        UUID walked = queue().dueNow(UUID.randomUUID(), Duration.ofSeconds(60));
        await().atMost(WAIT).until(() -> "sent".equals(queue().status(walked)));
        String walker = queue().string("select employee_id::text from due_reminder where id = ?", walked);
        given().auth().oauth2(TOKENS.issue(tenant, walker, "employee")).contentType("application/json")
                .body(Map.of("answer", "done", "activity", "walk", "activeMinutes", 3))
                .post("/api/me/reminders/{id}/answer", walked).then().statusCode(200);
        assertThat(opened(awaitEvent("upright.reminders.break-taken.v1", walked)).get("routineId").isNull()).isTrue();

        // done needs what and how long; an unknown answer names the field
        given().auth().oauth2(employeeToken).contentType("application/json").body(Map.of("answer", "later"))
                .post("/api/me/reminders/{id}/answer", skipped).then().statusCode(400).body("errors.field", equalTo(List.of("answer")));
        given().auth().oauth2(employeeToken).contentType("application/json").body(Map.of("answer", "snooze", "snoozeMinutes", 0))
                .post("/api/me/reminders/{id}/answer", skipped).then().statusCode(400).body("errors[0].field", equalTo("snoozeMinutes"));
    }

    @Test
    void a_reminder_dropped_by_its_time_to_live_publishes_reminder_expired() throws Exception {
        registerEndpoint("/expire/" + tenant);
        Instant slot = Instant.now().truncatedTo(ChronoUnit.SECONDS).minusSeconds(30);
        UUID id = queue().due(employee, slot, slot.plusSeconds(10));
        JsonNode expired = opened(awaitEvent("upright.reminders.reminder-expired.v1", id));
        assertThat(Instant.parse(expired.get("slot").asText())).isEqualTo(slot);
        assertThat(expired.get("employeeId").asText()).isEqualTo(employee.toString());
        assertThat(RECEIVER.callsFor(id.toString())).isEmpty();
    }

    @Test
    void a_410_fails_the_reminder_as_endpoint_gone_and_disables_the_endpoint() throws Exception {
        String path = "/gone/" + tenant;
        RECEIVER.script(path, Answer.of(410));
        String endpointId = registerEndpoint(path);
        UUID id = queue().dueNow(employee, Duration.ofSeconds(60));
        assertFailed(id, "endpoint-gone", "webhook");
        given().auth().oauth2(admin).get("/api/webhook-endpoints/{id}", endpointId).then().statusCode(200).body("status", equalTo("disabled"));
        assertThat(RECEIVER.callsFor(id.toString())).hasSize(1);
    }

    @Test
    void another_4xx_fails_the_reminder_as_rejected_without_retrying() throws Exception {
        String path = "/rejects/" + tenant;
        RECEIVER.script(path, Answer.of(400));
        registerEndpoint(path);
        UUID id = queue().dueNow(employee, Duration.ofSeconds(60));
        assertFailed(id, "rejected", "webhook");
        assertThat(RECEIVER.callsFor(id.toString())).hasSize(1);
    }

    @Test
    void a_receiver_failing_until_the_time_to_live_fails_the_reminder_as_retries_exhausted() throws Exception {
        registerEndpoint("/down/" + tenant);
        UUID id = queue().dueNow(employee, Duration.ofSeconds(3));
        assertFailed(id, "retries-exhausted", "webhook");
        assertThat(RECEIVER.callsFor(id.toString())).hasSizeGreaterThanOrEqualTo(2);
    }

    @Test
    void an_address_the_guard_refuses_fails_the_reminder_as_address_refused() throws Exception {
        String endpointId = registerEndpoint("/refused/" + tenant);
        // as if the URL had been stored before the guard tightened: credentials in it are refused at delivery
        queue().execute("update webhook_endpoint set url = ? where id = ?", "http://user:pw@127.0.0.1:9/refused", UUID.fromString(endpointId));
        UUID id = queue().dueNow(employee, Duration.ofSeconds(60));
        assertFailed(id, "address-refused", "webhook");
    }

    @Test
    void a_tenant_without_any_channel_fails_the_reminder_as_no_channel() throws Exception {
        UUID id = queue().dueNow(employee, Duration.ofSeconds(60));
        assertFailed(id, "no-channel", null);
        assertThat(queue().string("select failure_reason from due_reminder where id = ?", id)).isEqualTo("no-channel");
    }

    private void assertFailed(UUID id, String reason, String channel) throws Exception {
        ConsumerRecord<String, byte[]> record = awaitEvent("upright.reminders.reminder-delivery-failed.v1", id);
        JsonNode failed = opened(record);
        assertThat(record.key()).isEqualTo(employee.toString());
        assertThat(TopicReader.header(record, "ce_tenant")).isEqualTo(tenant);
        assertThat(failed.get("reason").asText()).isEqualTo(reason);
        if (channel == null) {
            assertThat(failed.get("channel").isNull()).as("no channel is named").isTrue();
        } else {
            assertThat(failed.get("channel").asText()).isEqualTo(channel);
        }
        assertThat(failed.get("employeeId").asText()).isEqualTo(employee.toString());
        assertThat(queue().status(id)).isEqualTo("failed");
        assertThat(queue().events(id, "ReminderFailed")).isEqualTo(1);
        assertThat(queue().count("select count(*) from outbox where subject = ? and event_type = 'upright.reminders.reminder-delivery-failed.v1'",
                id.toString())).isEqualTo(1);
    }

    private String registerEndpoint(String path) {
        return given().auth().oauth2(admin).contentType("application/json").body(Map.of("url", RECEIVER.url(path)))
                .post("/api/webhook-endpoints").then().statusCode(201).extract().path("id");
    }

    private static boolean is(ConsumerRecord<String, byte[]> r, String type, UUID reminderId) {
        return type.equals(TopicReader.header(r, "ce_type")) && reminderId.toString().equals(TopicReader.header(r, "ce_subject"));
    }

    private ConsumerRecord<String, byte[]> awaitEvent(String type, UUID reminderId) {
        return TopicReader.awaitRecord(kafka, "upright.reminders", r -> is(r, type, reminderId), WAIT);
    }

    /** The record as a consumer reads it: a break taken travels sealed under the employee's topic key. */
    private JsonNode opened(ConsumerRecord<String, byte[]> record) {
        return mapper.valueToTree(inbox.decode(record).payload());
    }
}
