package io.upright.reminders.slackapp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import io.upright.contracts.programs.EmployeeContactShared;
import io.upright.contracts.programs.EmployeeEnrolled;
import io.upright.localinfra.CloudEventRecords;
import io.upright.localinfra.DevTokens;
import io.upright.reminders.contact.EmployeeContacts;
import io.upright.reminders.testing.Enrolments;
import io.upright.reminders.testing.Queue;
import io.upright.reminders.testing.SlackStandIn;
import io.upright.reminders.testing.SlackTesting;
import io.upright.testsupport.kafka.TopicReader;
import io.upright.testsupport.quarkus.UprightTestInfrastructure;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static io.upright.reminders.testing.SlackStandIn.slack;
import static io.upright.reminders.testing.SlackTesting.encode;
import static io.upright.reminders.testing.SlackTesting.form;
import static io.upright.reminders.testing.SlackTesting.json;
import static io.upright.reminders.testing.SlackTesting.randomId;
import static io.upright.reminders.testing.SlackTesting.split;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/**
 * Using Upright from Slack itself, against the local stand-in for Slack's Web API: the {@code /upright} command
 * answered within Slack's three seconds, the Home tab, "Show my routine" in a modal only its owner opens, and a
 * reminder held while its person is in Do Not Disturb (delivered when that ends, expired when it outlasts it).
 */
@QuarkusTest
@WithTestResource(value = UprightTestInfrastructure.class, initArgs = {
        @ResourceArg(name = "database", value = "reminders"),
        @ResourceArg(name = "topics", value = "upright.programs,upright.exercises,upright.assessments,upright.reminders,upright.reminders.dlq")})
@WithTestResource(SlackStandIn.class)
class SlackAppInSlackFlowTest {

    private static final DevTokens TOKENS = DevTokens.forTests();
    private static final Duration WAIT = Duration.ofSeconds(45);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String tenant = "in-slack-" + UUID.randomUUID();
    private final String admin = TOKENS.issue(tenant, "admin-1", "admin");
    private final String workspace = "T" + randomId();
    private final String botToken = "xoxb-" + UUID.randomUUID();
    private final String member = "U" + randomId();
    private final String email = "grace." + UUID.randomUUID() + "@example.com";

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String kafka;

    @ConfigProperty(name = "upright.reminders.slack-signing-secret")
    String signingSecret;

    @Inject
    DataSource dataSource;

    @Inject
    EmployeeContacts contacts;

    @Inject
    SlackPacing pacing;

    @BeforeEach
    void slackAnswersAsDocumented() {
        slack().stubFor(post(urlPathEqualTo("/api/oauth.v2.access")).withFormParam("code", WireMock.equalTo("code-" + workspace))
                .willReturn(okJson(json(Map.of("ok", true, "access_token", botToken, "bot_user_id", "U" + randomId(),
                        "team", Map.of("id", workspace, "name", "In Slack"))))));
        slack().stubFor(post(urlPathEqualTo("/api/users.lookupByEmail")).withFormParam("email", WireMock.equalTo(email))
                .willReturn(okJson(json(Map.of("ok", true, "user", Map.of("id", member))))));
        slack().stubFor(post(urlPathEqualTo("/api/users.info")).withFormParam("user", WireMock.equalTo(member))
                .willReturn(okJson(json(Map.of("ok", true, "user", Map.of("id", member, "profile", Map.of("email", email)))))));
        slack().stubFor(post(urlPathEqualTo("/api/chat.postMessage")).withFormParam("channel", WireMock.equalTo(member))
                .willReturn(okJson(json(Map.of("ok", true, "channel", "D" + member.substring(1), "ts", "1733400000.000300")))));
        slack().stubFor(post(urlPathEqualTo("/api/views.publish")).willReturn(okJson("{\"ok\":true}")));
        slack().stubFor(post(urlPathEqualTo("/api/chat.update")).willReturn(okJson("{\"ok\":true}")));
        slack().stubFor(post(urlPathEqualTo("/api/views.open")).willReturn(okJson("{\"ok\":true}")));
        slack().stubFor(post(urlPathEqualTo("/api/dnd.info")).willReturn(okJson("{\"ok\":true,\"dnd_enabled\":false,\"snooze_enabled\":false}")));
        slack().stubFor(post(urlPathEqualTo("/api/users.profile.get")).willReturn(okJson("{\"ok\":true,\"profile\":{}}")));
        install();
    }

    @Test
    void the_upright_command_pauses_resumes_and_tells_stats_within_three_seconds_to_its_sender_alone() throws Exception {
        UUID employee = UUID.randomUUID();
        enrol(employee);
        await().atMost(WAIT).until(() -> queue().count("select count(*) from schedule where tenant_id = ? and employee_id = ?",
                tenant, employee) == 1);

        // help needs nobody; the others find the sender by their Slack email (users.info), never seen by a DM before
        command("help").then().statusCode(200).body("response_type", equalTo("ephemeral")).body("text", containsString("/upright pause 1h"));
        long started = System.nanoTime();
        command("pause 1h").then().statusCode(200).body("response_type", equalTo("ephemeral")).body("text", containsString("Paused for 1 hour"));
        assertThat(Duration.ofNanos(System.nanoTime() - started)).as("Slack's limit for an answer").isLessThan(Duration.ofSeconds(3));
        LoggedRequest info = slack().findAll(postRequestedFor(urlPathEqualTo("/api/users.info")).withFormParam("user", WireMock.equalTo(member))).get(0);
        assertThat(info.getHeader("Authorization")).isEqualTo("Bearer " + botToken);
        Instant paused = queue().instant("select paused_until from schedule where tenant_id = ? and employee_id = ?", tenant, employee);
        assertThat(paused).isBetween(Instant.now().plusSeconds(3500), Instant.now().plusSeconds(3700));

        command("stats").then().statusCode(200).body("text", containsString("Reminders are paused until"))
                .body("text", containsString("Today: 0 breaks taken")).body("text", containsString("This week:"));
        command("pause today").then().statusCode(200).body("text", containsString("until tomorrow"));
        command("resume").then().statusCode(200).body("text", containsString("back on"));
        assertThat(queue().instant("select paused_until from schedule where tenant_id = ? and employee_id = ?", tenant, employee)).isNull();
        command("pause forever").then().statusCode(200).body("text", containsString("how long"));
        command("dance").then().statusCode(200).body("text", containsString("I don't know"));

        // check: a link to their desk check, theirs alone, that signs them in once
        String check = command("check").then().statusCode(200).body("response_type", equalTo("ephemeral"))
                .body("text", containsString("works once")).extract().path("text");
        java.util.regex.Matcher link = java.util.regex.Pattern.compile("<(http[^|>]+/link/([A-Za-z0-9_-]+))\\|").matcher(check);
        assertThat(link.find()).as(check).isTrue();
        assertThat(check).doesNotContain(employee.toString());
        given().contentType("application/json").body(Map.of("token", link.group(2))).post("/api/sign-in-links/redemptions")
                .then().statusCode(200).body("employeeId", equalTo(employee.toString())).body("tenant", equalTo(tenant))
                .body("path", equalTo("/desk-check"));

        // someone of the workspace whom Upright does not know
        String stranger = "U" + randomId();
        slack().stubFor(post(urlPathEqualTo("/api/users.info")).withFormParam("user", WireMock.equalTo(stranger))
                .willReturn(okJson(json(Map.of("ok", true, "user", Map.of("id", stranger, "profile", Map.of("email", "nobody@example.com")))))));
        command("pause 1h", stranger).then().statusCode(200).body("text", containsString("can't find you"));
        // unsigned: refused
        given().contentType("application/x-www-form-urlencoded").body("text=help").post("/api/slack/commands").then().statusCode(401);
    }

    @Test
    void the_home_tab_shows_the_persons_day_and_week_and_its_buttons_pause_them() throws Exception {
        UUID employee = UUID.randomUUID();
        enrol(employee);
        await().atMost(WAIT).until(() -> queue().count("select count(*) from schedule where tenant_id = ? and employee_id = ?",
                tenant, employee) == 1);

        byte[] opened = json(Map.of("type", "event_callback", "team_id", workspace,
                "event", Map.of("type", "app_home_opened", "user", member, "tab", "home"))).getBytes(StandardCharsets.UTF_8);
        signed(opened).contentType("application/json").body(opened).post("/api/slack/events").then().statusCode(200);
        LoggedRequest publish = await().atMost(WAIT).until(() -> slack().findAll(postRequestedFor(urlPathEqualTo("/api/views.publish"))
                .withFormParam("user_id", WireMock.equalTo(member))).stream().findFirst().orElse(null), r -> r != null);
        assertThat(publish.getHeader("Authorization")).isEqualTo("Bearer " + botToken);
        JsonNode view = JSON.readTree(form(publish).get("view"));
        assertThat(view.path("type").asText()).isEqualTo("home");
        assertThat(view.toString()).contains("Your breaks").contains("Today: ").contains("This week: ")
                .contains(SlackHome.PAUSE_HOUR).contains(SlackHome.RESUME)
                // the tab is the person's, but their assessment stays behind their sign-in
                .doesNotContainIgnoringCase("clinic").doesNotContainIgnoringCase("finding");

        press(Map.of("type", "block_actions", "user", Map.of("id", member), "team", Map.of("id", workspace),
                "view", Map.of("type", "home"), "actions", List.of(Map.of("action_id", SlackHome.PAUSE_HOUR, "value", SlackHome.PAUSE_HOUR))))
                .then().statusCode(200);
        assertThat(queue().instant("select paused_until from schedule where tenant_id = ? and employee_id = ?", tenant, employee)).isNotNull();
        await().atMost(WAIT).until(() -> slack().findAll(postRequestedFor(urlPathEqualTo("/api/views.publish"))
                .withFormParam("user_id", WireMock.equalTo(member))).stream().anyMatch(r -> form(r).get("view").contains("paused until")));
    }

    @Test
    void show_my_routine_opens_the_owners_own_suggestion_in_a_modal_and_nobody_elses() throws Exception {
        UUID employee = UUID.randomUUID();
        enrol(employee);
        LoggedRequest dm = await().atMost(WAIT).until(() -> slack().findAll(postRequestedFor(urlPathEqualTo("/api/chat.postMessage"))
                .withFormParam("channel", WireMock.equalTo(member))).stream().findFirst().orElse(null), r -> r != null);
        String routineValue = JSON.readTree(form(dm).get("blocks")).get(1).path("elements").get(3).path("value").asText();
        String reminderId = routineValue.split(":")[1];
        assertThat(routineValue).isEqualTo("suggestion:" + reminderId);
        await().atMost(WAIT).until(() -> "sent".equals(queue().status(UUID.fromString(reminderId))));

        String someoneElse = "U" + randomId();
        pressButton(routineValue, someoneElse, "trigger-other").then().statusCode(200);
        pressButton(routineValue, member, "trigger-owner").then().statusCode(200);
        LoggedRequest open = await().atMost(WAIT).until(() -> slack().findAll(postRequestedFor(urlPathEqualTo("/api/views.open"))
                .withFormParam("trigger_id", WireMock.equalTo("trigger-owner"))).stream().findFirst().orElse(null), r -> r != null);
        JsonNode modal = JSON.readTree(form(open).get("view"));
        assertThat(modal.path("type").asText()).isEqualTo("modal");
        // what /api/me/reminders/{id} shows the employee, and only them
        String suggestion = given().auth().oauth2(TOKENS.issue(tenant, employee.toString(), "employee"))
                .get("/api/me/reminders/{id}", reminderId).then().statusCode(200).extract().path("suggestion.message");
        assertThat(modal.toString()).contains(suggestion);
        assertThat(slack().findAll(postRequestedFor(urlPathEqualTo("/api/views.open")).withFormParam("trigger_id", WireMock.equalTo("trigger-other"))))
                .isEmpty();
        // looking changes nothing
        assertThat(queue().events(UUID.fromString(reminderId), "BreakTaken")).isZero();
    }

    @Test
    void an_answer_given_in_upright_itself_updates_the_direct_message_too() throws Exception {
        UUID employee = UUID.randomUUID();
        contacts.shared(tenant, employee, email, null, Instant.now());
        UUID reminder = queue().dueNow(employee, Duration.ofSeconds(60));
        await().atMost(WAIT).until(() -> "sent".equals(queue().status(reminder)));
        given().auth().oauth2(TOKENS.issue(tenant, employee.toString(), "employee")).contentType("application/json")
                .body(Map.of("answer", "skip")).post("/api/me/reminders/{id}/answer", reminder).then().statusCode(200);
        LoggedRequest update = await().atMost(WAIT).until(() -> slack().findAll(postRequestedFor(urlPathEqualTo("/api/chat.update"))
                .withFormParam("channel", WireMock.equalTo("D" + member.substring(1)))).stream().findFirst().orElse(null), r -> r != null);
        assertThat(form(update).get("text")).isEqualTo("Skipped");
        assertThat(form(update).get("blocks")).doesNotContain("\"button\"");
    }

    @Test
    void a_reminder_waits_while_its_person_is_in_do_not_disturb_and_expires_if_that_outlasts_it() throws Exception {
        long now = Instant.now().getEpochSecond();
        // Do Not Disturb until four seconds from now
        slack().stubFor(post(urlPathEqualTo("/api/dnd.info")).withFormParam("user", WireMock.equalTo(member))
                .willReturn(okJson(json(Map.of("ok", true, "dnd_enabled", true, "next_dnd_start_ts", now - 60,
                        "next_dnd_end_ts", now + 4, "snooze_enabled", false)))));
        UUID employee = UUID.randomUUID();
        contacts.shared(tenant, employee, email, null, Instant.now());
        UUID reminder = queue().dueNow(employee, Duration.ofSeconds(60));
        await().atMost(WAIT).until(() -> "sent".equals(queue().status(reminder)));
        LoggedRequest dm = slack().findAll(postRequestedFor(urlPathEqualTo("/api/chat.postMessage")).withFormParam("channel", WireMock.equalTo(member)))
                .stream().filter(r -> form(r).get("blocks").contains(reminder.toString())).findFirst().orElseThrow();
        assertThat(dm.getLoggedDate().toInstant()).isAfterOrEqualTo(Instant.ofEpochSecond(now + 4));
        // asked once: what Slack said is kept (an hour), not asked again for each try
        assertThat(slack().findAll(postRequestedFor(urlPathEqualTo("/api/dnd.info")).withFormParam("user", WireMock.equalTo(member)))).hasSize(1);

        // Slack tells of a change by event: a meeting longer than the next reminder lives, which then expires,
        // counted as such, and is never sent
        byte[] changed = json(Map.of("type", "event_callback", "team_id", workspace, "event", Map.of("type", "dnd_updated_user",
                "user", member, "dnd_status", Map.of("dnd_enabled", true, "next_dnd_start_ts", now - 60, "next_dnd_end_ts", now + 3600))))
                .getBytes(StandardCharsets.UTF_8);
        signed(changed).contentType("application/json").body(changed).post("/api/slack/events").then().statusCode(200);
        UUID outlasted = queue().dueNow(employee, Duration.ofSeconds(4));
        await().atMost(WAIT).until(() -> "expired".equals(queue().status(outlasted)));
        assertThat(queue().events(outlasted, "ReminderExpired")).isEqualTo(1);
        assertThat(queue().events(outlasted, "ReminderFailed")).isZero();
        assertThat(slack().findAll(postRequestedFor(urlPathEqualTo("/api/chat.postMessage")))
                .stream().filter(r -> form(r).get("blocks").contains(outlasted.toString()))).isEmpty();
        assertThat(slack().findAll(postRequestedFor(urlPathEqualTo("/api/dnd.info")).withFormParam("user", WireMock.equalTo(member)))).hasSize(1);
    }

    @Test
    void a_huddle_holds_reminders_until_slack_says_it_ended() throws Exception {
        UUID employee = UUID.randomUUID();
        contacts.shared(tenant, employee, email, null, Instant.now());
        huddle(true);
        UUID held = queue().dueNow(employee, Duration.ofSeconds(60));
        // not sent while the huddle lasts
        Thread.sleep(3000);
        assertThat(queue().status(held)).isEqualTo("pending");
        huddle(false);
        // a huddle announces no end: the reminder is looked at again within five minutes; here the test makes it due now
        queue().execute("update due_reminder set due_at = now() where id = ?", held);
        await().atMost(WAIT).until(() -> "sent".equals(queue().status(held)));
    }

    @Test
    void tiered_slack_methods_are_paced_per_workspace_across_instances_and_a_429_holds_them_for_every_instance() throws Exception {
        // two instances are two callers of one database: the reservation is the database's, not either's memory
        UUID installation = UUID.randomUUID();
        List<Instant> slots = new java.util.concurrent.CopyOnWriteArrayList<>();
        java.util.concurrent.ExecutorService two = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            List<java.util.concurrent.Future<?>> calls = new java.util.ArrayList<>();
            for (int i = 0; i < 8; i++) {
                calls.add(two.submit(() -> {
                    Instant asked = Instant.now();
                    Duration wait = pacing.reserve(installation, "dnd.info", Duration.ofSeconds(30)).orElseThrow();
                    slots.add(asked.plus(wait));
                }));
            }
            for (java.util.concurrent.Future<?> call : calls) {
                call.get();
            }
        } finally {
            two.shutdown();
        }
        List<Instant> sorted = slots.stream().sorted().toList();
        for (int i = 1; i < sorted.size(); i++) {
            // Tier 3: 50 a minute, so 1.3 s apart with headroom (a few ms either way for the callers' own clocks)
            assertThat(Duration.between(sorted.get(i - 1), sorted.get(i))).isGreaterThan(Duration.ofMillis(1250));
        }
        // beyond the longest wait a caller accepts, nothing is reserved
        assertThat(pacing.reserve(installation, "dnd.info", Duration.ofMillis(100))).isEmpty();
        // Slack's Retry-After holds the method for everyone
        UUID other = UUID.randomUUID();
        pacing.hold(other, "users.info", Instant.now().plusSeconds(30));
        assertThat(pacing.reserve(other, "users.info", Duration.ofSeconds(1))).isEmpty();
        assertThat(pacing.reserve(other, "views.open", Duration.ofSeconds(1))).contains(Duration.ZERO);
    }

    private void huddle(boolean in) {
        byte[] event = json(Map.of("type", "event_callback", "team_id", workspace, "event", Map.of("type", "user_huddle_changed",
                "user", Map.of("id", member, "profile", Map.of("huddle_state", in ? "in_a_huddle" : "default_unset")))))
                .getBytes(StandardCharsets.UTF_8);
        signed(event).contentType("application/json").body(event).post("/api/slack/events").then().statusCode(200);
    }

    // --- helpers

    private Queue queue() {
        return new Queue(dataSource, tenant);
    }

    private void install() {
        String authorize = given().auth().oauth2(admin).post("/api/slack/installations").then().statusCode(200).extract().path("authorizeUrl");
        given().queryParam("code", "code-" + workspace).queryParam("state", split(URI.create(authorize).getRawQuery()).get("state"))
                .get("/api/slack/oauth/callback").then().statusCode(200);
    }

    private void enrol(UUID employee) {
        TopicReader.send(kafka, CloudEventRecords.record(tenant, UUID.randomUUID().toString(),
                new EmployeeContactShared(employee, email, null, Instant.now())));
        TopicReader.send(kafka, CloudEventRecords.record(tenant, UUID.randomUUID().toString(), new EmployeeEnrolled(employee,
                UUID.randomUUID(), Enrolments.zoneAroundNoon(), "00:00", "23:59", false, Instant.now())));
    }

    private Response command(String text) {
        return command(text, member);
    }

    private Response command(String text, String slackUser) {
        String body = "token=ignored&team_id=" + workspace + "&user_id=" + slackUser + "&command=" + encode("/upright")
                + "&text=" + encode(text) + "&response_url=" + encode(slack().baseUrl() + "/commands/" + workspace)
                + "&trigger_id=t-" + randomId();
        return signed(body.getBytes(StandardCharsets.UTF_8)).contentType("application/x-www-form-urlencoded").body(body)
                .post("/api/slack/commands");
    }

    private Response pressButton(String value, String slackUser, String triggerId) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("type", "block_actions");
        payload.put("user", Map.of("id", slackUser));
        payload.put("team", Map.of("id", workspace));
        payload.put("trigger_id", triggerId);
        payload.put("response_url", slack().baseUrl() + "/actions/" + workspace + "/" + triggerId);
        payload.put("actions", List.of(Map.of("action_id", value.split(":")[0], "block_id", SlackBlocks.ACTIONS_BLOCK, "value", value)));
        return press(payload);
    }

    private Response press(Map<String, Object> payload) {
        String body = "payload=" + encode(json(payload));
        return signed(body.getBytes(StandardCharsets.UTF_8)).contentType("application/x-www-form-urlencoded").body(body)
                .post("/api/slack/interactions");
    }

    private RequestSpecification signed(byte[] body) {
        return SlackTesting.signed(signingSecret, body);
    }

}
