package io.upright.reminders.slack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.upright.contracts.assessments.AssessmentCompleted;
import io.upright.contracts.exercises.RoutineRecommended;
import io.upright.contracts.programs.EmployeeEnrolled;
import io.upright.reminders.routine.EmployeeRoutines;
import io.upright.reminders.testing.Enrolments;
import io.upright.reminders.testing.WebhookReceiver;
import io.upright.localinfra.CloudEventRecords;
import io.upright.localinfra.DevTokens;
import io.upright.platform.inbox.Inbox;
import io.upright.testsupport.kafka.TopicReader;
import io.upright.testsupport.quarkus.UprightTestInfrastructure;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

@QuarkusTest
@WithTestResource(value = UprightTestInfrastructure.class, initArgs = {
        @ResourceArg(name = "database", value = "reminders"),
        @ResourceArg(name = "topics", value = "upright.programs,upright.exercises,upright.assessments,upright.reminders,upright.reminders.dlq")})
class SlackFlowTest {

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

    @ConfigProperty(name = "upright.reminders.slack-signing-secret")
    String signingSecret;

    @Inject
    DataSource dataSource;

    @Inject
    EmployeeRoutines routines;

    @Test
    void a_slack_channel_is_stored_sealed_shown_only_as_a_hint_and_managed_by_admins_of_its_tenant() throws Exception {
        String secretPart = "XyZsecretPart" + UUID.randomUUID().toString().replace("-", "");
        Response created = given().auth().oauth2(admin).contentType("application/json")
                .body(Map.of("webhookUrl", receiver.url("/slack/T000/B000/" + secretPart))).post("/api/slack-channels");
        created.then().statusCode(201).header("Location", containsString("/api/slack-channels/"))
                .body("status", equalTo("active")).body("teamId", nullValue())
                .body("webhookUrlHint", endsWith("/…" + secretPart.substring(secretPart.length() - 4)));
        assertThat(created.asString()).doesNotContain(secretPart);
        String id = created.path("id");

        assertThat(given().auth().oauth2(admin).get("/api/slack-channels").then().statusCode(200)
                .body("total", equalTo(1)).body("items[0].id", equalTo(id)).extract().asString()).doesNotContain(secretPart);
        given().auth().oauth2(admin).get("/api/slack-channels/{id}", id).then().statusCode(200).body("id", equalTo(id));
        assertThat(storedTextMentioning(secretPart)).isZero();

        for (Map<String, Object> body : List.<Map<String, Object>>of(Map.of("webhookUrl", "ftp://hooks.slack.com/x"),
                Map.of("webhookUrl", "https://user:pw@hooks.slack.com/x"), Map.of())) {
            given().auth().oauth2(admin).contentType("application/json").body(body).post("/api/slack-channels")
                    .then().statusCode(400).contentType("application/problem+json").body("errors.field", equalTo(List.of("webhookUrl")));
        }
        given().auth().oauth2(admin).contentType("application/json")
                .body(Map.of("webhookUrl", "https://hooks.slack.com/x", "teamId", "not-a-uuid")).post("/api/slack-channels")
                .then().statusCode(400).contentType("application/problem+json");
        given().auth().oauth2(TOKENS.issue(tenant, UUID.randomUUID().toString(), "employee")).contentType("application/json")
                .body(Map.of("webhookUrl", "https://hooks.slack.com/x")).post("/api/slack-channels").then().statusCode(403);
        String otherAdmin = TOKENS.issue("globex-" + UUID.randomUUID(), "admin-2", "admin");
        given().auth().oauth2(otherAdmin).get("/api/slack-channels/{id}", id).then().statusCode(404);
        given().auth().oauth2(otherAdmin).delete("/api/slack-channels/{id}", id).then().statusCode(404);

        given().auth().oauth2(admin).delete("/api/slack-channels/{id}", id).then().statusCode(204);
        given().auth().oauth2(admin).get("/api/slack-channels/{id}", id).then().statusCode(404);
    }

    @Test
    void the_slack_message_keeps_the_recommended_routine_to_itself_and_its_done_button_records_the_suggested_micro_break() throws Exception {
        UUID employee = UUID.randomUUID();
        registerSlackChannel(null);
        registerWebhook();
        recommend(employee, "hip-flexor-reset", "Hip-flexor reset", 8, false, Instant.now());
        await().atMost(WAIT).until(() -> routines.current(tenant, employee).suggestsRoutine());
        enrol(employee, UUID.randomUUID());

        JsonNode slack = awaitSlackPost();
        assertThat(slack.path("blocks").get(0).path("type").asText()).isEqualTo("section");
        // the channel is the employer's: it does not learn the routine, nor anything else the assessment found
        assertThat(slack.toString()).doesNotContainIgnoringCase("hip-flexor").doesNotContainIgnoringCase("routine")
                .doesNotContain("\":8"); // no field carries the routine's 8 minutes
        assertThat(slack.path("blocks").get(0).path("text").path("text").asText()).contains("sitting a while");
        JsonNode buttons = slack.path("blocks").get(1).path("elements");
        assertThat(slack.path("blocks").get(1).path("type").asText()).isEqualTo("actions");
        assertThat(buttons).extracting(b -> b.path("action_id").asText()).containsExactly("done", "snooze", "skip");
        assertThat(buttons).extracting(b -> b.path("text").path("text").asText()).containsExactly("Done", "Snooze 10 min", "Skip");
        String doneValue = buttons.get(0).path("value").asText();
        String reminderId = doneValue.split(":")[1];
        assertThat(doneValue).isEqualTo("done:" + reminderId);
        assertThat(buttons.get(1).path("value").asText()).isEqualTo("snooze:" + reminderId);
        assertThat(buttons.get(2).path("value").asText()).isEqualTo("skip:" + reminderId);

        // nor does the signed webhook: it only says where the employee reads their own suggestion
        JsonNode webhook = JSON.readTree(await().atMost(WAIT).until(() -> receiver.first(r -> r.path().equals("/hooks/" + tenant)
                && r.body().contains(reminderId)).orElse(null), r -> r != null).body());
        assertThat(webhook.has("routineId")).isFalse();
        assertThat(webhook.has("routineTitle")).isFalse();
        assertThat(webhook.toString()).doesNotContainIgnoringCase("hip-flexor");
        assertThat(webhook.path("suggestionUrl").asText()).isEqualTo("/api/me/reminders/" + reminderId);

        ConsumerRecord<String, byte[]> sent = awaitEvent("upright.reminders.break-reminder-sent.v1", reminderId);
        assertThat(opened(sent).path("channel").asText()).isEqualTo("slack");

        byte[] body = interaction(doneValue);
        long now = Instant.now().getEpochSecond();
        // refused: wrong secret, stale timestamp, tampered body, no signature at all
        postInteraction(body, now, SlackSignature.sign("not-the-secret", now, body)).then().statusCode(401)
                .contentType("application/problem+json");
        long stale = now - 600;
        postInteraction(body, stale, SlackSignature.sign(signingSecret, stale, body)).then().statusCode(401);
        byte[] tampered = interaction("done:" + reminderId + ":routine:120");
        postInteraction(tampered, now, SlackSignature.sign(signingSecret, now, body)).then().statusCode(401);
        given().contentType("application/x-www-form-urlencoded").body(new String(body, StandardCharsets.UTF_8)).post("/api/slack/interactions").then().statusCode(401);
        assertThat(count("select count(*) from event_store where stream_id = ? and event_type = 'BreakTaken'", UUID.fromString(reminderId))).isZero();

        // accepted: Done records what the reminder suggested to the employee, kept with the reminder: a break suggests a
        // micro-break (dose by design), never the full routine
        String suggested = given().auth().oauth2(TOKENS.issue(tenant, employee.toString(), "employee"))
                .get("/api/me/reminders/{id}", reminderId).then().statusCode(200)
                .body("suggestion.type", equalTo("micro-break")).extract().asString();
        JsonNode suggestion = JSON.readTree(suggested).path("suggestion");
        postInteraction(body, now, SlackSignature.sign(signingSecret, now, body)).then().statusCode(200);
        JsonNode taken = opened(awaitEvent("upright.reminders.break-taken.v1", reminderId));
        assertThat(taken.path("routineId").isNull()).isTrue();
        assertThat(taken.path("activity").asText()).isEqualTo(suggestion.path("activity").asText()).isIn("walk", "stretch");
        assertThat(taken.path("activeMinutes").asInt()).isEqualTo(suggestion.path("activeMinutes").asInt()).isBetween(1, 2);
        assertThat(taken.path("employeeId").asText()).isEqualTo(employee.toString());

        // a second press is acknowledged and changes nothing
        postInteraction(body, now, SlackSignature.sign(signingSecret, now, body)).then().statusCode(200);
        assertThat(count("select count(*) from event_store where stream_id = ? and event_type = 'BreakTaken'", UUID.fromString(reminderId))).isEqualTo(1);
    }

    @Test
    void while_exercises_are_withheld_the_message_reads_as_everyones_and_snooze_and_skip_are_recorded() throws Exception {
        UUID employee = UUID.randomUUID();
        registerSlackChannel(null);
        recommend(employee, null, null, null, true, Instant.now());
        await().atMost(WAIT).until(() -> routines.current(tenant, employee).withheldForClinicalReview());
        enrol(employee, UUID.randomUUID());

        JsonNode slack = awaitSlackPost();
        String text = slack.path("blocks").get(0).path("text").path("text").asText();
        assertThat(text).contains("sitting a while").doesNotContainIgnoringCase("routine").doesNotContainIgnoringCase("clinic")
                .doesNotContainIgnoringCase("review").doesNotContainIgnoringCase("paused");
        String doneValue = slack.path("blocks").get(1).path("elements").get(0).path("value").asText();
        String reminderId = doneValue.split(":")[1];
        assertThat(doneValue).isEqualTo("done:" + reminderId);

        byte[] snooze = interaction("snooze:" + reminderId);
        long now = Instant.now().getEpochSecond();
        postInteraction(snooze, now, SlackSignature.sign(signingSecret, now, snooze)).then().statusCode(200)
                .body(containsString("Noted"));
        byte[] skip = interaction("skip:" + reminderId);
        postInteraction(skip, now, SlackSignature.sign(signingSecret, now, skip)).then().statusCode(200);
        assertThat(count("select count(*) from event_store where stream_id = ? and event_type = 'BreakSkipped'", UUID.fromString(reminderId))).isEqualTo(1);
        given().auth().oauth2(TOKENS.issue(tenant, employee.toString(), "employee")).get("/api/me/reminders?size=200")
                .then().statusCode(200).body("items.find { it.id == '" + reminderId + "' }.answer", equalTo("skip"));
    }

    @Test
    void a_team_channel_gets_only_its_own_teams_reminders() throws Exception {
        UUID team = UUID.randomUUID();
        registerSlackChannel(team);
        registerWebhook();
        UUID outsider = UUID.randomUUID();
        enrol(outsider, UUID.randomUUID());
        // settled in the same round as any Slack call: delivered only by webhook means no Slack post was made
        String outsiderReminder = await().atMost(WAIT).until(() -> receiver.first(r -> r.path().equals("/hooks/" + tenant)
                && r.body().contains(outsider.toString())).orElse(null), r -> r != null).headers().get("webhook-id").get(0);
        assertThat(opened(awaitEvent("upright.reminders.break-reminder-sent.v1", outsiderReminder))
                .path("channel").asText()).isEqualTo("webhook");
        assertThat(receiver.count(r -> r.path().equals("/slack/" + tenant) && r.body().contains(outsiderReminder))).isZero();

        UUID member = UUID.randomUUID();
        enrol(member, team);
        String memberReminder = await().atMost(WAIT).until(() -> receiver.first(r -> r.path().equals("/hooks/" + tenant)
                && r.body().contains(member.toString())).orElse(null), r -> r != null).headers().get("webhook-id").get(0);
        assertThat(opened(awaitEvent("upright.reminders.break-reminder-sent.v1", memberReminder))
                .path("channel").asText()).isEqualTo("slack");
    }

    @Test
    void a_clinical_review_hold_wins_over_an_older_routine_until_a_newer_recommendation_arrives() {
        UUID employee = UUID.randomUUID();
        Instant t0 = Instant.now().minusSeconds(60);
        recommend(employee, "hip-flexor-reset", "Hip-flexor reset", 8, false, t0);
        await().atMost(WAIT).until(() -> routines.current(tenant, employee).suggestsRoutine());

        String assessed = UUID.randomUUID().toString();
        TopicReader.send(kafka, CloudEventRecords.record(tenant, assessed, new AssessmentCompleted(UUID.randomUUID(), employee,
                null, "rosa", 1, "rosa", 7, "high", List.of(), true, t0.plusSeconds(10))));
        await().atMost(WAIT).until(() -> routines.current(tenant, employee).withheldForClinicalReview());

        // a recommendation made before the hold (arriving late, from another topic) does not lift it
        String late = recommend(employee, "desk-day-lower-back", "Desk-day lower back", 6, false, t0.plusSeconds(5));
        await().atMost(WAIT).until(() -> count("select count(*) from inbox where consumer = 'reminders' and event_id = ?", late) == 1);
        assertThat(routines.current(tenant, employee).withheldForClinicalReview()).isTrue();

        recommend(employee, "walking-break", "Walking break", 5, false, t0.plusSeconds(20));
        await().atMost(WAIT).until(() -> routines.current(tenant, employee).suggestsRoutine());
        assertThat(routines.current(tenant, employee).routineId()).isEqualTo("walking-break");
    }

    private String recommend(UUID employee, String routineId, String title, Integer minutes, boolean withheld, Instant at) {
        String eventId = UUID.randomUUID().toString();
        TopicReader.send(kafka, CloudEventRecords.record(tenant, eventId, new RoutineRecommended(UUID.randomUUID(), employee,
                UUID.randomUUID(), routineId, title, minutes, List.of("prolonged-sitting"), withheld, at)));
        return eventId;
    }

    private void enrol(UUID employee, UUID team) {
        TopicReader.send(kafka, CloudEventRecords.record(tenant, UUID.randomUUID().toString(), new EmployeeEnrolled(employee, team,
                Enrolments.zoneAroundNoon(), "00:00", "23:59", false, Instant.now())));
    }

    private void registerSlackChannel(UUID team) {
        Map<String, Object> body = team == null ? Map.of("webhookUrl", receiver.url("/slack/" + tenant))
                : Map.of("webhookUrl", receiver.url("/slack/" + tenant), "teamId", team.toString());
        given().auth().oauth2(admin).contentType("application/json").body(body).post("/api/slack-channels").then().statusCode(201);
    }

    private void registerWebhook() {
        given().auth().oauth2(admin).contentType("application/json").body(Map.of("url", receiver.url("/hooks/" + tenant)))
                .post("/api/webhook-endpoints").then().statusCode(201);
    }

    /** The first Slack post to this test's tenant channel (each test has its own tenant and one employee posted there). */
    private JsonNode awaitSlackPost() throws Exception {
        String path = "/slack/" + tenant;
        WebhookReceiver.Received post = await().atMost(WAIT).until(() -> receiver.first(r -> r.path().equals(path)).orElse(null), r -> r != null);
        assertThat(post.headers().get("content-type")).containsExactly("application/json");
        return JSON.readTree(post.body());
    }

    /** A block_actions form body as Slack sends it. */
    private static byte[] interaction(String value) throws Exception {
        String payload = JSON.writeValueAsString(Map.of("type", "block_actions", "user", Map.of("id", "U0123"),
                "actions", List.of(Map.of("action_id", value.split(":")[0], "block_id", SlackBlocks.ACTIONS_BLOCK, "value", value))));
        return ("payload=" + URLEncoder.encode(payload, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8);
    }

    private static Response postInteraction(byte[] body, long timestamp, String signature) {
        return given().contentType("application/x-www-form-urlencoded").header("X-Slack-Request-Timestamp", Long.toString(timestamp))
                .header("X-Slack-Signature", signature).body(new String(body, StandardCharsets.UTF_8)).post("/api/slack/interactions");
    }

    private ConsumerRecord<String, byte[]> awaitEvent(String type, String reminderId) {
        return TopicReader.awaitRecord(kafka, "upright.reminders",
                r -> type.equals(TopicReader.header(r, "ce_type")) && reminderId.equals(TopicReader.header(r, "ce_subject")), WAIT);
    }

    private long storedTextMentioning(String text) throws Exception {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("select (select count(*) from event_store where payload::text like ?) "
                     + "+ (select count(*) from slack_channel where sealed_url like ? or url_hint like ?)")) {
            String pattern = "%" + text + "%";
            ps.setString(1, pattern);
            ps.setString(2, pattern);
            ps.setString(3, pattern);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private long count(String sql, Object parameter) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setObject(1, parameter);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The record as a consumer reads it: a break taken travels sealed under the employee's topic key. */
    private JsonNode opened(ConsumerRecord<String, byte[]> record) {
        return mapper.valueToTree(inbox.decode(record).payload());
    }
}
