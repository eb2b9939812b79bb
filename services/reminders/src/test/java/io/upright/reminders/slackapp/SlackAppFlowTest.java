package io.upright.reminders.slackapp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.upright.contracts.programs.EmployeeContactShared;
import io.upright.contracts.programs.EmployeeEnrolled;
import io.upright.localinfra.CloudEventRecords;
import io.upright.localinfra.DevTokens;
import io.upright.reminders.testing.Enrolments;
import io.upright.reminders.testing.SlackStandIn;
import io.upright.reminders.testing.SlackTesting;
import io.restassured.specification.RequestSpecification;
import io.upright.reminders.testing.WebhookReceiver;
import io.upright.testsupport.kafka.TopicReader;
import io.upright.testsupport.quarkus.UprightTestInfrastructure;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static io.restassured.RestAssured.given;
import static io.upright.reminders.testing.SlackStandIn.slack;
import static io.upright.reminders.testing.SlackTesting.encode;
import static io.upright.reminders.testing.SlackTesting.form;
import static io.upright.reminders.testing.SlackTesting.json;
import static io.upright.reminders.testing.SlackTesting.randomId;
import static io.upright.reminders.testing.SlackTesting.split;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

/**
 * The Slack app against a local stand-in for Slack's Web API, through the SDK: install with OAuth v2, a direct message
 * to each employee found by email, answers only from the owner, the message updated after an answer, 429 with
 * Retry-After, and uninstall. Every request the SDK made is checked against Slack's documented shape.
 */
@QuarkusTest
@WithTestResource(value = UprightTestInfrastructure.class, initArgs = {
        @ResourceArg(name = "database", value = "reminders"),
        @ResourceArg(name = "topics", value = "upright.programs,upright.exercises,upright.assessments,upright.reminders,upright.reminders.dlq")})
@WithTestResource(SlackStandIn.class)
class SlackAppFlowTest {

    private static final DevTokens TOKENS = DevTokens.forTests();
    private static final Duration WAIT = Duration.ofSeconds(45);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String tenant = "slack-app-" + UUID.randomUUID();
    private final String admin = TOKENS.issue(tenant, "admin-1", "admin");
    // each test its own workspace, bot and people, so the stand-in's request log tells the tests apart
    private final String workspace = "T" + randomId();
    private final String botToken = "xoxb-" + UUID.randomUUID();
    private final String botUser = "U" + randomId();
    private final String owner = "U" + randomId();
    private final String email = "ada." + UUID.randomUUID() + "@example.com";

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String kafka;

    @ConfigProperty(name = "upright.reminders.slack-signing-secret")
    String signingSecret;

    @Inject
    DataSource dataSource;

    @BeforeEach
    void slackAnswersAsDocumented() {
        slack().stubFor(post(urlPathEqualTo("/api/oauth.v2.access")).withFormParam("code", WireMock.equalTo("code-" + workspace))
                .willReturn(okJson(json(Map.of("ok", true, "access_token", botToken, "token_type", "bot", "scope", "chat:write,users:read.email",
                        "bot_user_id", botUser, "app_id", "A0UPRIGHT", "team", Map.of("id", workspace, "name", "Acme " + workspace))))));
        slack().stubFor(post(urlPathEqualTo("/api/users.lookupByEmail")).withFormParam("email", WireMock.equalTo(email))
                .willReturn(okJson(json(Map.of("ok", true, "user", Map.of("id", owner, "team_id", workspace))))));
        slack().stubFor(post(urlPathEqualTo("/api/chat.postMessage")).withFormParam("channel", WireMock.equalTo(owner))
                .willReturn(okJson(json(Map.of("ok", true, "channel", "D" + owner.substring(1), "ts", "1733400000.000100")))));
        slack().stubFor(post(urlPathMatching("/actions/" + workspace + "/.*")).willReturn(okJson("{\"ok\":true}")));
        slack().stubFor(post(urlPathEqualTo("/api/chat.update")).willReturn(okJson("{\"ok\":true}")));
        // nobody is in Do Not Disturb or a huddle unless a test says so
        slack().stubFor(post(urlPathEqualTo("/api/dnd.info")).willReturn(okJson("{\"ok\":true,\"dnd_enabled\":false,\"snooze_enabled\":false}")));
        slack().stubFor(post(urlPathEqualTo("/api/users.profile.get")).willReturn(okJson("{\"ok\":true,\"profile\":{}}")));
    }

    @Test
    void an_admin_adds_the_app_with_slack_oauth_and_its_bot_token_is_kept_sealed() throws Exception {
        String authorize = given().auth().oauth2(admin).post("/api/slack/installations").then().statusCode(200)
                .extract().path("authorizeUrl");
        Map<String, String> query = split(URI.create(authorize).getRawQuery());
        assertThat(authorize).startsWith("https://slack.com/oauth/v2/authorize?");
        assertThat(query.get("client_id")).isEqualTo(SlackStandIn.CLIENT_ID);
        assertThat(query.get("scope").split(",")).contains("chat:write", "im:write", "users:read.email", "commands");
        assertThat(query.get("redirect_uri")).isEqualTo(SlackStandIn.REDIRECT_URI);
        String state = query.get("state");

        given().queryParam("code", "code-" + workspace).queryParam("state", state).get("/api/slack/oauth/callback")
                .then().statusCode(200).body(org.hamcrest.Matchers.containsString("Acme " + workspace));
        // the code was exchanged as Slack documents: form-encoded, with the app's client id and secret
        LoggedRequest exchange = slack().findAll(postRequestedFor(urlPathEqualTo("/api/oauth.v2.access"))
                .withFormParam("code", WireMock.equalTo("code-" + workspace))).get(0);
        assertThat(exchange.getHeader("Content-Type")).startsWith("application/x-www-form-urlencoded");
        Map<String, String> form = form(exchange);
        String basic = exchange.containsHeader("Authorization") ? exchange.getHeader("Authorization") : "";
        assertThat(form.getOrDefault("client_id", "") + basic).isNotBlank();
        assertThat(form.get("redirect_uri")).isEqualTo(SlackStandIn.REDIRECT_URI);

        given().auth().oauth2(admin).get("/api/slack/installation").then().statusCode(200)
                .body("slackTeamId", equalTo(workspace)).body("status", equalTo("active"));
        assertThat(given().auth().oauth2(admin).get("/api/slack/installation").asString()).doesNotContain(botToken);
        assertThat(count("select (select count(*) from event_store where payload::text like ?) "
                + "+ (select count(*) from slack_app_installation where sealed_bot_token like ?)", "%" + botToken + "%", "%" + botToken + "%")).isZero();

        // the state is single-use; a made-up one, a cancelled install and another tenant's view are refused
        given().queryParam("code", "code-" + workspace).queryParam("state", state).get("/api/slack/oauth/callback")
                .then().statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("state"));
        given().queryParam("code", "x").queryParam("state", "made-up").get("/api/slack/oauth/callback").then().statusCode(400);
        given().queryParam("error", "access_denied").queryParam("state", state).get("/api/slack/oauth/callback").then().statusCode(400);
        given().auth().oauth2(TOKENS.issue(tenant, UUID.randomUUID().toString(), "employee")).post("/api/slack/installations")
                .then().statusCode(403);
        given().auth().oauth2(TOKENS.issue("globex-" + UUID.randomUUID(), "admin-2", "admin")).get("/api/slack/installation")
                .then().statusCode(404);
    }

    @Test
    void each_reminder_is_a_direct_message_to_its_owner_and_only_the_owner_answers_it() throws Exception {
        install();
        registerSharedChannel();
        UUID employee = UUID.randomUUID();
        enrol(employee);

        LoggedRequest dm = await().atMost(WAIT).until(() -> slack().findAll(postRequestedFor(urlPathEqualTo("/api/chat.postMessage"))
                .withFormParam("channel", WireMock.equalTo(owner))).stream().findFirst().orElse(null), r -> r != null);
        // found by the email programs shared, with the bot's token
        LoggedRequest lookup = slack().findAll(postRequestedFor(urlPathEqualTo("/api/users.lookupByEmail"))
                .withFormParam("email", WireMock.equalTo(email))).get(0);
        assertThat(lookup.getHeader("Authorization")).isEqualTo("Bearer " + botToken);
        // chat.postMessage as Slack documents it: form-encoded, bearer token, channel = the person's user id
        assertThat(dm.getHeader("Authorization")).isEqualTo("Bearer " + botToken);
        assertThat(dm.getHeader("Content-Type")).startsWith("application/x-www-form-urlencoded");
        Map<String, String> message = form(dm);
        assertThat(message.get("text")).contains("sitting a while");
        JsonNode blocks = JSON.readTree(message.get("blocks"));
        assertThat(blocks.get(0).path("text").path("text").asText()).isEqualTo(message.get("text"));
        JsonNode buttons = blocks.get(1).path("elements");
        assertThat(buttons).extracting(b -> b.path("action_id").asText()).containsExactly("done", "snooze", "skip", "suggestion");
        String reminderId = buttons.get(0).path("value").asText().split(":")[1];
        // the same words as anyone's: nothing about this person's health
        // ("Show my routine" is the same button label for everyone: it opens the person's own suggestion privately)
        assertThat(message.get("blocks").replace(SlackBlocks.SHOW_SUGGESTION, "")).doesNotContainIgnoringCase("routine")
                .doesNotContainIgnoringCase("clinic");
        await().atMost(WAIT).until(() -> "sent".equals(status(reminderId)));

        // no personal reminder is posted in the shared channel
        assertThat(WebhookReceiver.get().count(r -> r.path().equals("/slack/" + tenant))).isZero();

        // someone else presses Done: nothing changes, and only they are told why
        String someoneElse = "U" + randomId();
        press("done:" + reminderId, someoneElse, "/actions/" + workspace + "/other").then().statusCode(200);
        LoggedRequest note = await().atMost(WAIT).until(() -> slack().findAll(postRequestedFor(
                urlPathEqualTo("/actions/" + workspace + "/other"))).stream().findFirst().orElse(null), r -> r != null);
        JsonNode ephemeral = JSON.readTree(note.getBodyAsString());
        assertThat(ephemeral.path("response_type").asText()).isEqualTo("ephemeral");
        assertThat(ephemeral.path("replace_original").asBoolean()).isFalse();
        assertThat(ephemeral.path("text").asText()).contains("belongs to someone else");
        assertThat(count("select count(*) from event_store where stream_id = ?::uuid and event_type = 'BreakTaken'", reminderId)).isZero();

        // the owner presses Done: recorded, and the message loses its buttons
        press("done:" + reminderId, owner, "/actions/" + workspace + "/owner").then().statusCode(200);
        assertThat(count("select count(*) from event_store where stream_id = ?::uuid and event_type = 'BreakTaken'", reminderId)).isEqualTo(1);
        // Done records what the reminder suggested to this person (a micro-break), which the message never said
        assertThat(count("select count(*) from event_store where stream_id = ?::uuid and event_type = 'BreakTaken' "
                + "and payload ->> 'activity' in ('walk', 'stretch')", reminderId)).isEqualTo(1);
        // chat.update of that very message (its DM channel and ts), once the answer is committed
        LoggedRequest update = await().atMost(WAIT).until(() -> slack().findAll(postRequestedFor(urlPathEqualTo("/api/chat.update"))
                .withFormParam("channel", WireMock.equalTo("D" + owner.substring(1)))).stream().findFirst().orElse(null), r -> r != null);
        assertThat(update.getHeader("Authorization")).isEqualTo("Bearer " + botToken);
        Map<String, String> updated = form(update);
        assertThat(updated.get("ts")).isEqualTo("1733400000.000100");
        assertThat(updated.get("text")).isEqualTo("Done ✓");
        assertThat(updated.get("blocks")).contains("Done ✓").contains(message.get("text"))
                .doesNotContain("\"actions\"").doesNotContain("\"button\"");

        // a second press by the owner changes nothing
        press("done:" + reminderId, owner, "/actions/" + workspace + "/again").then().statusCode(200);
        assertThat(count("select count(*) from event_store where stream_id = ?::uuid and event_type = 'BreakTaken'", reminderId)).isEqualTo(1);

        // when they leave, nothing of how to reach them stays
        assertThat(slackRows(employee)).isPositive();
        TopicReader.send(kafka, CloudEventRecords.record(tenant, UUID.randomUUID().toString(),
                new io.upright.contracts.programs.EmployeeLeft(employee, null, Instant.now())));
        await().atMost(WAIT).until(() -> slackRows(employee) == 0);
    }

    @Test
    void the_workspace_directory_read_at_install_finds_people_by_email_so_nobody_waits_for_a_lookup() throws Exception {
        String member = "U" + randomId();
        String memberEmail = "Lin." + UUID.randomUUID() + "@Example.com";
        // users.list, two pages: a bot, a deactivated account, and the person (their email in another case)
        slack().stubFor(post(urlPathEqualTo("/api/users.list")).withFormParam("cursor", WireMock.absent())
                .willReturn(okJson(json(Map.of("ok", true, "members", List.of(
                        Map.of("id", "U" + randomId(), "is_bot", true, "profile", Map.of("email", memberEmail)),
                        Map.of("id", "U" + randomId(), "deleted", true, "profile", Map.of("email", memberEmail))),
                        "response_metadata", Map.of("next_cursor", "page-2"))))));
        slack().stubFor(post(urlPathEqualTo("/api/users.list")).withFormParam("cursor", WireMock.equalTo("page-2"))
                .willReturn(okJson(json(Map.of("ok", true, "members", List.of(
                        Map.of("id", member, "profile", Map.of("email", memberEmail.toLowerCase()))),
                        "response_metadata", Map.of("next_cursor", ""))))));
        slack().stubFor(post(urlPathEqualTo("/api/chat.postMessage")).withFormParam("channel", WireMock.equalTo(member))
                .willReturn(okJson(json(Map.of("ok", true, "channel", "D" + member.substring(1), "ts", "1733400000.000500")))));
        UUID employee = UUID.randomUUID();
        TopicReader.send(kafka, CloudEventRecords.record(tenant, UUID.randomUUID().toString(),
                new EmployeeContactShared(employee, memberEmail, null, Instant.now())));
        await().atMost(WAIT).until(() -> count("select count(*) from employee_contact where employee_id = ?::uuid", employee.toString()) == 1);

        install();
        await().atMost(WAIT).until(() -> count("select count(*) from slack_member where employee_id = ?::uuid and slack_user_id = ?",
                employee.toString(), member) == 1);
        // read with this installation's bot token, 200 members a page, both pages
        List<LoggedRequest> pages = slack().findAll(postRequestedFor(urlPathEqualTo("/api/users.list"))
                .withHeader("Authorization", WireMock.equalTo("Bearer " + botToken)));
        assertThat(pages).hasSize(2);
        assertThat(form(pages.get(0)).get("limit")).isEqualTo("200");

        TopicReader.send(kafka, CloudEventRecords.record(tenant, UUID.randomUUID().toString(), new EmployeeEnrolled(employee,
                UUID.randomUUID(), Enrolments.zoneAroundNoon(), "00:00", "23:59", false, Instant.now())));
        await().atMost(WAIT).until(() -> !slack().findAll(postRequestedFor(urlPathEqualTo("/api/chat.postMessage"))
                .withFormParam("channel", WireMock.equalTo(member))).isEmpty());
        assertThat(slack().findAll(postRequestedFor(urlPathEqualTo("/api/users.lookupByEmail"))
                .withFormParam("email", WireMock.equalToIgnoreCase(memberEmail)))).isEmpty();
    }

    @Test
    void someone_slack_does_not_know_by_email_is_messaged_at_the_slack_user_id_their_chat_handle_names() throws Exception {
        String byHandle = "U" + randomId();
        String unknownEmail = "nobody." + UUID.randomUUID() + "@example.com";
        slack().stubFor(post(urlPathEqualTo("/api/users.lookupByEmail")).withFormParam("email", WireMock.equalTo(unknownEmail))
                .willReturn(okJson("{\"ok\":false,\"error\":\"users_not_found\"}")));
        slack().stubFor(post(urlPathEqualTo("/api/chat.postMessage")).withFormParam("channel", WireMock.equalTo(byHandle))
                .willReturn(okJson(json(Map.of("ok", true, "channel", "D" + byHandle.substring(1), "ts", "1733400000.000400")))));
        install();
        UUID employee = UUID.randomUUID();
        TopicReader.send(kafka, CloudEventRecords.record(tenant, UUID.randomUUID().toString(),
                new EmployeeContactShared(employee, unknownEmail, byHandle, Instant.now())));
        TopicReader.send(kafka, CloudEventRecords.record(tenant, UUID.randomUUID().toString(), new EmployeeEnrolled(employee,
                UUID.randomUUID(), Enrolments.zoneAroundNoon(), "00:00", "23:59", false, Instant.now())));
        await().atMost(WAIT).until(() -> !slack().findAll(postRequestedFor(urlPathEqualTo("/api/chat.postMessage"))
                .withFormParam("channel", WireMock.equalTo(byHandle))).isEmpty());
        assertThat(slack().findAll(postRequestedFor(urlPathEqualTo("/api/users.lookupByEmail"))
                .withFormParam("email", WireMock.equalTo(unknownEmail)))).hasSize(1);
    }

    @Test
    void a_429_holds_the_workspace_for_its_retry_after_and_the_reminder_is_delivered_after() throws Exception {
        slack().stubFor(post(urlPathEqualTo("/api/chat.postMessage")).withFormParam("channel", WireMock.equalTo(owner))
                .inScenario(workspace).whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "3")
                        .withHeader("Content-Type", "application/json").withBody("{\"ok\":false,\"error\":\"ratelimited\"}"))
                .willSetStateTo("calm"));
        slack().stubFor(post(urlPathEqualTo("/api/chat.postMessage")).withFormParam("channel", WireMock.equalTo(owner))
                .inScenario(workspace).whenScenarioStateIs("calm")
                .willReturn(okJson(json(Map.of("ok", true, "channel", "D" + owner.substring(1), "ts", "1733400000.000200")))));
        install();
        enrol(UUID.randomUUID());

        await().atMost(WAIT).until(() -> slack().findAll(postRequestedFor(urlPathEqualTo("/api/chat.postMessage"))
                .withFormParam("channel", WireMock.equalTo(owner))).size() >= 2);
        List<LoggedRequest> posts = slack().findAll(postRequestedFor(urlPathEqualTo("/api/chat.postMessage"))
                .withFormParam("channel", WireMock.equalTo(owner)));
        Duration gap = Duration.between(posts.get(0).getLoggedDate().toInstant(), posts.get(1).getLoggedDate().toInstant());
        assertThat(gap).isGreaterThanOrEqualTo(Duration.ofMillis(2900));
        String reminderId = JSON.readTree(form(posts.get(1)).get("blocks")).get(1).path("elements").get(0).path("value").asText().split(":")[1];
        await().atMost(WAIT).until(() -> "sent".equals(status(reminderId)));
    }

    @Test
    void slack_saying_the_app_was_uninstalled_stops_its_direct_messages() throws Exception {
        install();
        byte[] check = json(Map.of("type", "url_verification", "challenge", "c-" + workspace, "token", "ignored")).getBytes(StandardCharsets.UTF_8);
        signed(check).contentType("application/json").body(check).post("/api/slack/events").then().statusCode(200)
                .body("challenge", equalTo("c-" + workspace));
        byte[] unsigned = json(Map.of("type", "event_callback", "team_id", workspace, "event", Map.of("type", "app_uninstalled")))
                .getBytes(StandardCharsets.UTF_8);
        given().contentType("application/json").body(unsigned).post("/api/slack/events").then().statusCode(401);
        given().auth().oauth2(admin).get("/api/slack/installation").then().statusCode(200);

        signed(unsigned).contentType("application/json").body(unsigned).post("/api/slack/events").then().statusCode(200);
        given().auth().oauth2(admin).get("/api/slack/installation").then().statusCode(404);
        assertThat(count("select count(*) from event_store where event_type = 'SlackAppDisabled' and tenant_id = ?", tenant)).isEqualTo(1);

        // a new installation, whose bot token Slack then revokes: stopped too
        install();
        given().auth().oauth2(admin).get("/api/slack/installation").then().statusCode(200);
        byte[] revoked = json(Map.of("type", "event_callback", "team_id", workspace, "event", Map.of("type", "tokens_revoked",
                "tokens", Map.of("oauth", List.of(), "bot", List.of(botUser))))).getBytes(StandardCharsets.UTF_8);
        signed(revoked).contentType("application/json").body(revoked).post("/api/slack/events").then().statusCode(200);
        given().auth().oauth2(admin).get("/api/slack/installation").then().statusCode(404);
        assertThat(count("select count(*) from event_store where event_type = 'SlackAppDisabled' and tenant_id = ?", tenant)).isEqualTo(2);

        // nobody of this tenant is looked up or messaged any more
        UUID employee = UUID.randomUUID();
        enrol(employee);
        registerWebhook();
        await().atMost(WAIT).until(() -> WebhookReceiver.get().count(r -> r.path().equals("/hooks/" + tenant)
                && r.body().contains(employee.toString())) > 0);
        assertThat(slack().findAll(postRequestedFor(urlPathEqualTo("/api/chat.postMessage")).withFormParam("channel", WireMock.equalTo(owner))))
                .isEmpty();
    }

    // --- helpers

    private void install() {
        String authorize = given().auth().oauth2(admin).post("/api/slack/installations").then().statusCode(200).extract().path("authorizeUrl");
        given().queryParam("code", "code-" + workspace).queryParam("state", split(URI.create(authorize).getRawQuery()).get("state"))
                .get("/api/slack/oauth/callback").then().statusCode(200);
    }

    private void enrol(UUID employee) {
        TopicReader.send(kafka, CloudEventRecords.record(tenant, UUID.randomUUID().toString(),
                new EmployeeContactShared(employee, email, "@ada", Instant.now())));
        TopicReader.send(kafka, CloudEventRecords.record(tenant, UUID.randomUUID().toString(), new EmployeeEnrolled(employee,
                UUID.randomUUID(), Enrolments.zoneAroundNoon(), "00:00", "23:59", false, Instant.now())));
    }

    private void registerSharedChannel() {
        given().auth().oauth2(admin).contentType("application/json").body(Map.of("webhookUrl", WebhookReceiver.get().url("/slack/" + tenant)))
                .post("/api/slack-channels").then().statusCode(201);
    }

    private void registerWebhook() {
        given().auth().oauth2(admin).contentType("application/json").body(Map.of("url", WebhookReceiver.get().url("/hooks/" + tenant)))
                .post("/api/webhook-endpoints").then().statusCode(201);
    }

    /** A block_actions interaction as Slack sends it, signed with the app's signing secret by the SDK's generator. */
    private Response press(String value, String slackUser, String responsePath) throws Exception {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("type", "block_actions");
        payload.put("user", Map.of("id", slackUser, "team_id", workspace));
        payload.put("team", Map.of("id", workspace));
        payload.put("response_url", slack().baseUrl() + responsePath);
        payload.put("actions", List.of(Map.of("action_id", value.split(":")[0], "block_id", SlackBlocks.ACTIONS_BLOCK, "value", value)));
        byte[] body = ("payload=" + URLEncoder.encode(JSON.writeValueAsString(payload), StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8);
        return signed(body).contentType("application/x-www-form-urlencoded").body(new String(body, StandardCharsets.UTF_8)).post("/api/slack/interactions");
    }

    private RequestSpecification signed(byte[] body) {
        return SlackTesting.signed(signingSecret, body);
    }

    private long slackRows(UUID employee) {
        String id = employee.toString();
        return count("select (select count(*) from employee_contact where employee_id = ?::uuid) "
                + "+ (select count(*) from slack_member where employee_id = ?::uuid) "
                + "+ (select count(*) from slack_message where employee_id = ?::uuid)", id, id, id);
    }

    private String status(String reminderId) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("select status from due_reminder where id = ?::uuid")) {
            ps.setString(1, reminderId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private long count(String sql, String... parameters) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                ps.setString(i + 1, parameters[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

}
