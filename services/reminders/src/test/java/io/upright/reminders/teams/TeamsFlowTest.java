package io.upright.reminders.teams;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.upright.contracts.assessments.AssessmentCompleted;
import io.upright.contracts.programs.EmployeeContactShared;
import io.upright.contracts.programs.EmployeeEnrolled;
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

/** Teams workflow channels: registration (URL sealed, hint only), Adaptive Card delivery and the signed answer links. */
@QuarkusTest
@WithTestResource(value = UprightTestInfrastructure.class, initArgs = {
        @ResourceArg(name = "database", value = "reminders"),
        @ResourceArg(name = "topics", value = "upright.programs,upright.exercises,upright.assessments,upright.reminders,upright.reminders.dlq")})
class TeamsFlowTest {

    private static final DevTokens TOKENS = DevTokens.forTests();
    private static final Duration WAIT = Duration.ofSeconds(45);
    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    Inbox inbox;

    @Inject
    ObjectMapper mapper;


    private final WebhookReceiver receiver = WebhookReceiver.get();
    private final String tenant = "teams-" + UUID.randomUUID();
    private final String admin = TOKENS.issue(tenant, "admin-1", "admin");

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String kafka;

    @ConfigProperty(name = "upright.reminders.answer-link-secret")
    String linkSecret;

    @Inject
    DataSource dataSource;

    @Test
    void a_teams_workflow_url_is_stored_sealed_shown_as_a_hint_and_managed_by_admins_of_its_tenant() {
        String sig = "SiGpart" + UUID.randomUUID().toString().replace("-", "");
        String url = receiver.url("/teams/" + tenant + "/workflows/x/triggers/manual/paths/invoke") + "?api-version=2016-06-01&sig=" + sig;
        Response created = given().auth().oauth2(admin).contentType("application/json").body(Map.of("webhookUrl", url)).post("/api/teams-channels");
        created.then().statusCode(201).body("status", equalTo("active")).body("webhookUrlHint", endsWith("/…" + sig.substring(sig.length() - 4)));
        assertThat(created.asString()).doesNotContain(sig);
        String id = created.path("id");
        assertThat(given().auth().oauth2(admin).get("/api/teams-channels/{id}", id).then().statusCode(200).extract().asString()).doesNotContain(sig);
        assertThat(count("select count(*) from teams_channel where sealed_url like ? or url_hint like ?", "%" + sig + "%", "%" + sig + "%")).isZero();
        assertThat(count("select count(*) from event_store where payload::text like ?", "%" + sig + "%")).isZero();

        given().auth().oauth2(admin).contentType("application/json").body(Map.of("webhookUrl", "http://user:pw@127.0.0.1/x"))
                .post("/api/teams-channels").then().statusCode(400).body("errors.field", equalTo(List.of("webhookUrl")));
        given().auth().oauth2(TOKENS.issue(tenant, UUID.randomUUID().toString(), "employee")).contentType("application/json")
                .body(Map.of("webhookUrl", url)).post("/api/teams-channels").then().statusCode(403);
        String otherAdmin = TOKENS.issue("globex-" + UUID.randomUUID(), "admin-1", "admin");
        given().auth().oauth2(otherAdmin).get("/api/teams-channels/{id}", id).then().statusCode(404);
        given().auth().oauth2(admin).delete("/api/teams-channels/{id}", id).then().statusCode(204);
        given().auth().oauth2(admin).get("/api/teams-channels/{id}", id).then().statusCode(404);
    }

    @Test
    void a_reminder_arrives_as_an_adaptive_card_whose_signed_links_answer_it_once() throws Exception {
        given().auth().oauth2(admin).contentType("application/json").body(Map.of("webhookUrl", receiver.url("/teams/" + tenant)))
                .post("/api/teams-channels").then().statusCode(201);
        UUID employee = UUID.randomUUID();
        TopicReader.send(kafka, CloudEventRecords.record(tenant, UUID.randomUUID().toString(),
                new EmployeeContactShared(employee, employee + "@acme.example", null, Instant.now())));
        TopicReader.send(kafka, CloudEventRecords.record(tenant, UUID.randomUUID().toString(), new EmployeeEnrolled(employee,
                UUID.randomUUID(), Enrolments.zoneAroundNoon(), "00:00", "23:59", false, Instant.now())));

        // the workflow is told whose card it is: the tenant's flow posts it to that person's chat alone
        assertThat(awaitEnvelope().path("recipient").path("email").asText()).isEqualTo(employee + "@acme.example");
        JsonNode card = awaitCard();
        assertThat(card.path("type").asText()).isEqualTo("AdaptiveCard");
        List<String> urls = card.path("actions").findValuesAsText("url");
        assertThat(card.path("actions").findValuesAsText("title")).containsExactly("Done", "Snooze 10 min", "Skip");
        assertThat(urls).allSatisfy(u -> assertThat(u).startsWith("http://localhost:8084/api/answer-links/"));
        String done = path(urls.get(0));
        String reminderId = done.substring("/api/answer-links/".length(), "/api/answer-links/".length() + 36);
        ConsumerRecord<String, byte[]> sent = awaitEvent("upright.reminders.break-reminder-sent.v1", reminderId);
        assertThat(opened(sent).path("channel").asText()).isEqualTo("teams");

        // a tampered link (another answer under Done's signature) is refused; HEAD records nothing
        String skip = path(urls.get(2));
        String forged = skip.substring(0, skip.lastIndexOf('.')) + done.substring(done.lastIndexOf('.'));
        given().get(forged).then().statusCode(403).contentType("application/problem+json");
        given().head(done).then().statusCode(200);
        assertThat(count("select count(*) from event_store where stream_id = ?::uuid and event_type = 'BreakTaken'", reminderId)).isZero();

        given().get(done).then().statusCode(200).contentType(containsString("text/html")).body(containsString("recorded"));
        JsonNode taken = opened(awaitEvent("upright.reminders.break-taken.v1", reminderId));
        // nothing recommended: the break suggested a built-in micro-break (walk two minutes, or stretch tall for one)
        assertThat(taken.path("activity").asText()).isIn("walk", "stretch");
        assertThat(taken.path("activeMinutes").asInt()).isBetween(1, 2);
        // one-time: the same link again, or Skip afterwards, changes nothing
        given().get(done).then().statusCode(200).body(containsString("already answered"));
        given().get(skip).then().statusCode(200).body(containsString("already answered"));
        assertThat(count("select count(*) from event_store where stream_id = ?::uuid and event_type in ('BreakTaken', 'BreakSkipped')", reminderId))
                .isEqualTo(1);
    }

    @Test
    void the_done_link_of_an_employee_held_for_clinical_review_says_nothing_of_it_and_records_their_walk() throws Exception {
        given().auth().oauth2(admin).contentType("application/json").body(Map.of("webhookUrl", receiver.url("/teams/" + tenant)))
                .post("/api/teams-channels").then().statusCode(201);
        UUID employee = UUID.randomUUID();
        TopicReader.send(kafka, CloudEventRecords.record(tenant, UUID.randomUUID().toString(), new AssessmentCompleted(UUID.randomUUID(),
                employee, null, "rosa", 1, "rosa", 3, "low", List.of(), true, Instant.now().minusSeconds(5))));
        await().atMost(WAIT).until(() -> count("select count(*) from employee_routine where employee_id = ?::uuid and withheld",
                employee.toString()) == 1);
        TopicReader.send(kafka, CloudEventRecords.record(tenant, UUID.randomUUID().toString(),
                new EmployeeContactShared(employee, employee + "@acme.example", null, Instant.now())));
        TopicReader.send(kafka, CloudEventRecords.record(tenant, UUID.randomUUID().toString(), new EmployeeEnrolled(employee,
                UUID.randomUUID(), Enrolments.zoneAroundNoon(), "00:00", "23:59", false, Instant.now())));

        JsonNode card = awaitCard();
        assertThat(card.toString()).doesNotContainIgnoringCase("clinic").doesNotContainIgnoringCase("walk-2")
                .doesNotContain("FactSet");
        String done = path(card.path("actions").findValuesAsText("url").get(0));
        String reminderId = done.substring("/api/answer-links/".length(), "/api/answer-links/".length() + 36);
        // the link is <reminderId>.done.<expires>.<signature>: nothing about the employee but which reminder
        assertThat(done).matches("/api/answer-links/" + reminderId + "\\.done\\.\\d+\\.[A-Za-z0-9_-]{43}");
        awaitEvent("upright.reminders.break-reminder-sent.v1", reminderId);

        // the page it opens confirms, and says nothing of the review either
        String page = given().get(done).then().statusCode(200).contentType(containsString("text/html")).extract().asString();
        assertThat(page).contains("recorded").doesNotContainIgnoringCase("clinic").doesNotContainIgnoringCase("walk");
        JsonNode taken = opened(awaitEvent("upright.reminders.break-taken.v1", reminderId));
        assertThat(taken.path("activity").asText()).isEqualTo("walk");
        assertThat(taken.path("activeMinutes").asInt()).isEqualTo(2);
        assertThat(taken.path("routineId").isNull()).isTrue();
    }

    @Test
    void without_an_email_to_name_as_recipient_the_workflow_gets_nothing_and_the_webhook_still_serves() throws Exception {
        given().auth().oauth2(admin).contentType("application/json").body(Map.of("webhookUrl", receiver.url("/teams/" + tenant)))
                .post("/api/teams-channels").then().statusCode(201);
        given().auth().oauth2(admin).contentType("application/json").body(Map.of("url", receiver.url("/hooks/" + tenant)))
                .post("/api/webhook-endpoints").then().statusCode(201);
        UUID employee = UUID.randomUUID();
        TopicReader.send(kafka, CloudEventRecords.record(tenant, UUID.randomUUID().toString(), new EmployeeEnrolled(employee,
                UUID.randomUUID(), Enrolments.zoneAroundNoon(), "00:00", "23:59", false, Instant.now())));
        String reminderId = await().atMost(WAIT).until(() -> receiver.first(r -> r.path().equals("/hooks/" + tenant)
                && r.body().contains(employee.toString())).orElse(null), r -> r != null).headers().get("webhook-id").get(0);
        // settled in the same round as any Teams call: delivered by webhook alone means no card was sent
        assertThat(opened(awaitEvent("upright.reminders.break-reminder-sent.v1", reminderId)).path("channel").asText()).isEqualTo("webhook");
        assertThat(receiver.count(r -> r.path().equals("/teams/" + tenant))).isZero();
    }

    @Test
    void an_expired_link_is_gone_and_a_foreign_key_or_garbage_is_refused() {
        AnswerLinks links = new AnswerLinks(linkSecret.getBytes(StandardCharsets.UTF_8));
        UUID reminder = UUID.randomUUID();
        given().get("/api/answer-links/" + links.token(reminder, "skip", Instant.now().minusSeconds(5)))
                .then().statusCode(410).contentType("application/problem+json");
        AnswerLinks foreign = new AnswerLinks("not-the-service-secret-at-all".getBytes(StandardCharsets.UTF_8));
        given().get("/api/answer-links/" + foreign.token(reminder, "skip", Instant.now().plusSeconds(600))).then().statusCode(403);
        given().get("/api/answer-links/nonsense").then().statusCode(403);
        // authentic and valid, but no such reminder
        given().get("/api/answer-links/" + links.token(reminder, "skip", Instant.now().plusSeconds(600))).then().statusCode(403);
    }

    private JsonNode awaitEnvelope() throws Exception {
        String path = "/teams/" + tenant;
        WebhookReceiver.Received post = await().atMost(WAIT).until(() -> receiver.first(r -> r.path().equals(path)).orElse(null), r -> r != null);
        return JSON.readTree(post.body());
    }

    private JsonNode awaitCard() throws Exception {
        JsonNode envelope = awaitEnvelope();
        assertThat(envelope.path("type").asText()).isEqualTo("message");
        assertThat(envelope.path("attachments").get(0).path("contentType").asText()).isEqualTo(TeamsCard.CARD_TYPE);
        return envelope.path("attachments").get(0).path("content");
    }

    private static String path(String url) {
        return url.substring("http://localhost:8084".length());
    }

    private ConsumerRecord<String, byte[]> awaitEvent(String type, String reminderId) {
        return TopicReader.awaitRecord(kafka, "upright.reminders",
                r -> type.equals(TopicReader.header(r, "ce_type")) && reminderId.equals(TopicReader.header(r, "ce_subject")), WAIT);
    }

    private long count(String sql, Object... parameters) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                ps.setObject(i + 1, parameters[i]);
            }
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
