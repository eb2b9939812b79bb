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
import io.upright.reminders.testing.Queue;
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
import java.time.temporal.ChronoUnit;
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
    void a_shared_channel_announces_a_team_break_once_for_the_team_without_buttons_and_never_a_personal_reminder() throws Exception {
        registerSlackChannel(null);
        registerWebhook();
        Queue queue = new Queue(dataSource, tenant);
        // a personal break: the webhook takes it, the shared channel does not
        UUID alone = UUID.randomUUID();
        UUID personal = queue.dueNow(alone, Duration.ofSeconds(60));
        await().atMost(WAIT).until(() -> "sent".equals(queue.status(personal)));
        assertThat(receiver.count(r -> r.path().equals("/slack/" + tenant))).isZero();

        // the team's break, due for two teammates at once: announced once, words only
        UUID team = UUID.randomUUID();
        Instant slot = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        UUID first = queue.teamBreak(UUID.randomUUID(), team, slot, Duration.ofSeconds(60));
        UUID second = queue.teamBreak(UUID.randomUUID(), team, slot, Duration.ofSeconds(60));
        await().atMost(WAIT).until(() -> "sent".equals(queue.status(first)) && "sent".equals(queue.status(second)));
        List<WebhookReceiver.Received> posts = receiver.all(r -> r.path().equals("/slack/" + tenant));
        assertThat(posts).hasSize(1);
        JsonNode announcement = JSON.readTree(posts.get(0).body());
        assertThat(announcement.path("text").asText()).contains("team's break");
        assertThat(announcement.path("blocks")).hasSize(1);
        assertThat(posts.get(0).body()).doesNotContain("\"actions\"").doesNotContain(first.toString()).doesNotContain(second.toString());
    }

    @Test
    void a_team_channel_announces_only_its_own_teams_breaks() throws Exception {
        UUID team = UUID.randomUUID();
        registerSlackChannel(team);
        registerWebhook();
        Queue queue = new Queue(dataSource, tenant);
        Instant slot = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        UUID outsiders = queue.teamBreak(UUID.randomUUID(), UUID.randomUUID(), slot, Duration.ofSeconds(60));
        // settled in the same round as any Slack call: delivered only by webhook means no Slack post was made
        await().atMost(WAIT).until(() -> "sent".equals(queue.status(outsiders)));
        assertThat(receiver.count(r -> r.path().equals("/slack/" + tenant))).isZero();

        UUID members = queue.teamBreak(UUID.randomUUID(), team, slot, Duration.ofSeconds(60));
        await().atMost(WAIT).until(() -> "sent".equals(queue.status(members)));
        assertThat(receiver.count(r -> r.path().equals("/slack/" + tenant))).isEqualTo(1);
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
