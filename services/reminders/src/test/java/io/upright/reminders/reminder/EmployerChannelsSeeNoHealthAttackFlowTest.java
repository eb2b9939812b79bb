package io.upright.reminders.reminder;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.upright.contracts.assessments.AssessmentCompleted;
import io.upright.contracts.exercises.MicroBreak;
import io.upright.contracts.exercises.RoutineRecommended;
import io.upright.contracts.programs.EmployeeEnrolled;
import io.upright.contracts.programs.EmployeeLeft;
import io.upright.localinfra.CloudEventRecords;
import io.upright.localinfra.DevTokens;
import io.upright.reminders.routine.EmployeeRoutines;
import io.upright.reminders.testing.Enrolments;
import io.upright.reminders.testing.Queue;
import io.upright.reminders.testing.SlackStandIn;
import io.upright.contracts.programs.EmployeeContactShared;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.upright.reminders.testing.WebhookReceiver;
import io.upright.testsupport.kafka.TopicReader;
import io.upright.testsupport.quarkus.UprightTestInfrastructure;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logmanager.ExtLogRecord;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

/**
 * Issue 11, attack 5: an employer reads its own webhook receiver, the Slack app's direct messages (a workspace admin's
 * export holds them) and Teams channels and compares what arrives
 * for different employees, hoping to learn whose assessment found something (a routine picked from their findings)
 * or whose exercises are withheld for clinical review. Three employees of one tenant, on every channel at once:
 * one with a routine recommended from findings, one held for clinical review, one the service knows nothing about.
 * Once the per-person fixed parts (ids, instants, link expiry and signature) are masked, every channel must have
 * received exactly the same bytes for all three; the personal suggestion is readable only with the employee's own
 * token.
 */
@QuarkusTest
@WithTestResource(value = UprightTestInfrastructure.class, initArgs = {
        @ResourceArg(name = "database", value = "reminders"),
        @ResourceArg(name = "topics", value = "upright.programs,upright.exercises,upright.assessments,upright.reminders,upright.reminders.dlq")})
@WithTestResource(SlackStandIn.class)
class EmployerChannelsSeeNoHealthAttackFlowTest {

    private static final DevTokens TOKENS = DevTokens.forTests();
    private static final Duration WAIT = Duration.ofSeconds(60);

    /** Words that would tell a reader of the channel something about the person's health or assessment. */
    private static final List<String> TELLTALES = List.of("hip-flexor", "routine", "clinic", "review", "withheld",
            "exercise", "paused", "finding", "assessment", "risk");

    private final WebhookReceiver receiver = WebhookReceiver.get();
    private final String tenant = "attack5-" + UUID.randomUUID();
    private final String admin = TOKENS.issue(tenant, "admin-1", "admin");

    private final UUID withRoutine = UUID.randomUUID();
    private final UUID heldForReview = UUID.randomUUID();
    private final UUID withNothing = UUID.randomUUID();

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String kafka;

    @Inject
    EmployeeRoutines routines;

    @Inject
    DataSource dataSource;

    private Queue queue;

    @BeforeEach
    void queue() {
        queue = new Queue(dataSource, tenant);
    }

    /** What each channel received for one reminder of one employee. */
    private record Seen(UUID employee, String reminderId, String webhook, Map<String, List<String>> webhookHeaders,
                        String slack, String teams) {

        String masked(String body) {
            return mask(body, reminderId, employee);
        }
    }

    /**
     * Three employees reminded every two seconds on one Slack and one Teams channel are more than the one post per
     * second a chat channel is paced to: once the test has what it needs they leave, so the shared engine is not kept
     * busy for the tests that follow.
     */
    @AfterEach
    void everyoneLeaves() {
        for (UUID employee : List.of(withRoutine, heldForReview, withNothing)) {
            TopicReader.send(kafka, CloudEventRecords.record(tenant, UUID.randomUUID().toString(),
                    new EmployeeLeft(employee, null, Instant.now())));
        }
        await().atMost(WAIT).until(() -> queue.count("select count(*) from schedule where tenant_id = ? and status <> 'left'", tenant) == 0
                && queue.count("select count(*) from due_reminder where tenant_id = ? and status = 'pending'", tenant) == 0);
    }

    @Test
    void webhook_slack_and_teams_receive_the_same_words_and_shape_whatever_the_assessment_found() {
        CapturedLogs logs = CapturedLogs.install();
        try {
            registerEveryChannel();
            giveEachEmployeeTheirHealthState();
            enrolAll();

            Map<UUID, Seen> seen = awaitOneReminderOnEveryChannelFor(withRoutine, heldForReview, withNothing);
            Seen nothing = seen.get(withNothing);
            SoftAssertions softly = new SoftAssertions();
            for (UUID employee : List.of(withRoutine, heldForReview)) {
                Seen other = seen.get(employee);
                String who = employee.equals(withRoutine) ? "routine from findings" : "held for clinical review";
                softly.assertThat(other.masked(other.webhook())).as("webhook body, " + who).isEqualTo(nothing.masked(nothing.webhook()));
                softly.assertThat(other.masked(other.slack())).as("Slack message, " + who).isEqualTo(nothing.masked(nothing.slack()));
                softly.assertThat(other.masked(other.teams())).as("Teams card, " + who).isEqualTo(nothing.masked(nothing.teams()));
                softly.assertThat(new TreeSet<>(other.webhookHeaders().keySet())).as("webhook header names, " + who)
                        .isEqualTo(new TreeSet<>(nothing.webhookHeaders().keySet()));
            }
            for (Seen one : seen.values()) {
                // the DM's "Show my routine" is one fixed label for everyone (its modal is the presser's alone)
                for (String body : List.of(one.webhook(), one.slack().replace(io.upright.reminders.slackapp.SlackBlocks.SHOW_SUGGESTION, ""), one.teams())) {
                    for (String telltale : TELLTALES) {
                        softly.assertThat(body).as("what an employer system received").doesNotContainIgnoringCase(telltale);
                    }
                }
            }
            // and the shared Slack channel carries nobody's personal reminder
            softly.assertThat(receiver.count(r -> r.path().equals("/slack/" + tenant))).as("posts in the shared Slack channel").isZero();
            softly.assertAll();
            // nor does the service log anything about it on the way
            for (String line : logs.lines()) {
                for (String telltale : List.of("hip-flexor", "clinic", "withheld", "Hip-flexor reset")) {
                    assertThat(line).as("a log line").doesNotContainIgnoringCase(telltale);
                }
            }
        } finally {
            logs.remove();
        }
    }

    @Test
    void the_personal_suggestion_is_read_only_with_the_employees_own_token() {
        given().auth().oauth2(admin).contentType("application/json").body(Map.of("url", receiver.url("/hooks/" + tenant)))
                .post("/api/webhook-endpoints").then().statusCode(201);
        giveEachEmployeeTheirHealthState();
        enrolAll();
        String routineReminder = awaitWebhookReminder(withRoutine);
        String heldReminder = awaitWebhookReminder(heldForReview);
        String plainReminder = awaitWebhookReminder(withNothing);

        String routineToken = TOKENS.issue(tenant, withRoutine.toString(), "employee");
        String heldToken = TOKENS.issue(tenant, heldForReview.toString(), "employee");
        String plainToken = TOKENS.issue(tenant, withNothing.toString(), "employee");

        given().auth().oauth2(routineToken).get("/api/me/reminders/{id}", routineReminder).then().statusCode(200)
                .body("id", equalTo(routineReminder))
                // dose by design: a break suggests the recommendation's micro-break, never the full routine
                .body("suggestion.type", equalTo("micro-break"))
                .body("suggestion.routineId", nullValue())
                .body("suggestion.exerciseId", equalTo("standing-hip-flexor-stretch"))
                .body("suggestion.exerciseTitle", equalTo("Standing hip-flexor stretch"))
                .body("suggestion.durationMinutes", equalTo(1))
                .body("suggestion.message", containsString("Standing hip-flexor stretch"))
                .body("suggestion.activity", equalTo("stretch"))
                .body("suggestion.activeMinutes", equalTo(1));
        given().auth().oauth2(heldToken).get("/api/me/reminders/{id}", heldReminder).then().statusCode(200)
                .body("suggestion.type", equalTo("exercises-paused"))
                .body("suggestion.routineId", nullValue())
                .body("suggestion.message", containsString("clinician"))
                .body("suggestion.activity", equalTo("walk"))
                .body("suggestion.activeMinutes", equalTo(2));
        given().auth().oauth2(plainToken).get("/api/me/reminders/{id}", plainReminder).then().statusCode(200)
                // nothing recommended: a built-in micro-break
                .body("suggestion.type", equalTo("micro-break"))
                .body("suggestion.exerciseId", org.hamcrest.Matchers.oneOf("stand-up-and-walk", "stand-and-stretch-tall"))
                .body("suggestion.message", not(containsString("clinician")));
        // the list of my reminders carries the same suggestion
        given().auth().oauth2(routineToken).get("/api/me/reminders?size=200").then().statusCode(200)
                .body("items.find { it.id == '" + routineReminder + "' }.suggestion.exerciseId", equalTo("standing-hip-flexor-stretch"));

        // a colleague, the same employee id in another tenant, an admin and nobody at all cannot read it
        given().auth().oauth2(heldToken).get("/api/me/reminders/{id}", routineReminder).then().statusCode(404);
        given().auth().oauth2(plainToken).get("/api/me/reminders/{id}", heldReminder).then().statusCode(404);
        given().auth().oauth2(TOKENS.issue("globex-" + UUID.randomUUID(), withRoutine.toString(), "employee"))
                .get("/api/me/reminders/{id}", routineReminder).then().statusCode(404);
        given().auth().oauth2(admin).get("/api/me/reminders/{id}", routineReminder).then().statusCode(403);
        given().get("/api/me/reminders/{id}", heldReminder).then().statusCode(401);
        given().auth().oauth2(plainToken).get("/api/me/reminders?size=200").then().statusCode(200)
                .body("items.id", not(org.hamcrest.Matchers.hasItem(routineReminder)));
    }

    // ---- set-up: the three employees' states arrive on the real topics, as the other services publish them

    private void registerEveryChannel() {
        given().auth().oauth2(admin).contentType("application/json").body(Map.of("url", receiver.url("/hooks/" + tenant)))
                .post("/api/webhook-endpoints").then().statusCode(201);
        given().auth().oauth2(admin).contentType("application/json").body(Map.of("webhookUrl", receiver.url("/slack/" + tenant)))
                .post("/api/slack-channels").then().statusCode(201);
        given().auth().oauth2(admin).contentType("application/json").body(Map.of("webhookUrl", receiver.url("/teams/" + tenant)))
                .post("/api/teams-channels").then().statusCode(201);
        installSlackApp();
    }

    /** The Slack app in this test's own workspace; each employee is found by their email and messaged directly. */
    private void installSlackApp() {
        String workspace = "T" + tenant.hashCode();
        SlackStandIn.slack().stubFor(WireMock.post(WireMock.urlPathEqualTo("/api/oauth.v2.access"))
                .withFormParam("code", WireMock.equalTo("code-" + tenant))
                .willReturn(WireMock.okJson("{\"ok\":true,\"access_token\":\"xoxb-" + tenant + "\",\"bot_user_id\":\"UBOT\","
                        + "\"team\":{\"id\":\"" + workspace + "\",\"name\":\"Attack 5\"}}")));
        for (UUID employee : List.of(withRoutine, heldForReview, withNothing)) {
            SlackStandIn.slack().stubFor(WireMock.post(WireMock.urlPathEqualTo("/api/users.lookupByEmail"))
                    .withFormParam("email", WireMock.equalTo(employee + "@example.com"))
                    .willReturn(WireMock.okJson("{\"ok\":true,\"user\":{\"id\":\"" + slackUser(employee) + "\"}}")));
            SlackStandIn.slack().stubFor(WireMock.post(WireMock.urlPathEqualTo("/api/chat.postMessage"))
                    .withFormParam("channel", WireMock.equalTo(slackUser(employee)))
                    .willReturn(WireMock.okJson("{\"ok\":true,\"channel\":\"D" + slackUser(employee).substring(1) + "\",\"ts\":\"1.2\"}")));
        }
        String authorize = given().auth().oauth2(admin).post("/api/slack/installations").then().statusCode(200).extract().path("authorizeUrl");
        String state = java.net.URLDecoder.decode(authorize.replaceAll(".*[?&]state=([^&]*).*", "$1"), java.nio.charset.StandardCharsets.UTF_8);
        given().queryParam("code", "code-" + tenant).queryParam("state", state).get("/api/slack/oauth/callback").then().statusCode(200);
    }

    private static String slackUser(UUID employee) {
        return "U" + employee.toString().replace("-", "").substring(0, 10).toUpperCase();
    }

    /** The text and blocks of the direct message the Slack app sent for a reminder (its channel is the person). */
    private static Optional<String> directMessage(String reminderId) {
        for (LoggedRequest request : SlackStandIn.slack().findAll(WireMock.postRequestedFor(WireMock.urlPathEqualTo("/api/chat.postMessage")))) {
            Map<String, String> form = new LinkedHashMap<>();
            for (String pair : request.getBodyAsString().split("&")) {
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    form.put(java.net.URLDecoder.decode(pair.substring(0, eq), java.nio.charset.StandardCharsets.UTF_8),
                            java.net.URLDecoder.decode(pair.substring(eq + 1), java.nio.charset.StandardCharsets.UTF_8));
                }
            }
            if (form.getOrDefault("blocks", "").contains(reminderId)) {
                return Optional.of("text=" + form.get("text") + "\nblocks=" + form.get("blocks"));
            }
        }
        return Optional.empty();
    }

    private void giveEachEmployeeTheirHealthState() {
        Instant at = Instant.now().minusSeconds(30);
        // exercises picked a routine from the findings of the first one's assessment: a floor release with a micro-break
        TopicReader.send(kafka, CloudEventRecords.record(tenant, UUID.randomUUID().toString(), new RoutineRecommended(
                UUID.randomUUID(), withRoutine, UUID.randomUUID(), "hip-flexor-reset", "Hip-flexor reset", 8,
                List.of("PROLONGED_SITTING", "hip-flexor-tightness"), false, at,
                List.of(new MicroBreak("standing-hip-flexor-stretch", "Standing hip-flexor stretch", 1)), true, true)));
        // the second one's assessment asks for clinical review (and exercises withholds, later)
        TopicReader.send(kafka, CloudEventRecords.record(tenant, UUID.randomUUID().toString(), new AssessmentCompleted(
                UUID.randomUUID(), heldForReview, null, "rosa", 1, "rosa", 3, "low", List.of("numbness"), true, at)));
        TopicReader.send(kafka, CloudEventRecords.record(tenant, UUID.randomUUID().toString(), new RoutineRecommended(
                UUID.randomUUID(), heldForReview, UUID.randomUUID(), null, null, null, List.of("numbness"), true, at.plusSeconds(1))));
        await().atMost(WAIT).until(() -> routines.current(tenant, withRoutine).suggestsRoutine()
                && routines.current(tenant, heldForReview).withheldForClinicalReview());
        // the third one: nothing known
        assertThat(routines.current(tenant, withNothing)).isEqualTo(BreakSuggestion.general());
    }

    private void enrolAll() {
        UUID team = UUID.randomUUID();
        for (UUID employee : List.of(withRoutine, heldForReview, withNothing)) {
            TopicReader.send(kafka, CloudEventRecords.record(tenant, UUID.randomUUID().toString(),
                    new EmployeeContactShared(employee, employee + "@example.com", null, Instant.now())));
            TopicReader.send(kafka, CloudEventRecords.record(tenant, UUID.randomUUID().toString(), new EmployeeEnrolled(employee,
                    team, Enrolments.zoneAroundNoon(), "00:00", "23:59", false, Instant.now())));
        }
    }

    // ---- what arrived

    /** For each employee, the first break reminder that reached the webhook receiver, Slack and Teams alike. */
    private Map<UUID, Seen> awaitOneReminderOnEveryChannelFor(UUID... employees) {
        Map<UUID, Seen> seen = new LinkedHashMap<>();
        await().atMost(WAIT).pollInterval(Duration.ofMillis(300)).until(() -> {
            for (UUID employee : employees) {
                if (!seen.containsKey(employee)) {
                    onEveryChannel(employee).ifPresent(s -> seen.put(employee, s));
                }
            }
            return seen.size() == employees.length;
        });
        return seen;
    }

    private Optional<Seen> onEveryChannel(UUID employee) {
        for (WebhookReceiver.Received hook : receiver.all(r -> r.path().equals("/hooks/" + tenant)
                && r.body().contains(employee.toString()) && r.body().contains("\"kind\":\"break\""))) {
            String reminderId = hook.headers().get("webhook-id").get(0);
            Optional<String> slack = directMessage(reminderId);
            Optional<WebhookReceiver.Received> teams = receiver.first(r -> r.path().equals("/teams/" + tenant) && r.body().contains(reminderId));
            if (slack.isPresent() && teams.isPresent()) {
                Map<String, List<String>> headers = new LinkedHashMap<>(hook.headers());
                return Optional.of(new Seen(employee, reminderId, hook.body(), headers, slack.get(), teams.get().body()));
            }
        }
        return Optional.empty();
    }

    private String awaitWebhookReminder(UUID employee) {
        return await().atMost(WAIT).until(() -> receiver.first(r -> r.path().equals("/hooks/" + tenant)
                && r.body().contains(employee.toString())).orElse(null), r -> r != null).headers().get("webhook-id").get(0);
    }

    /**
     * The body with what is fixed per person or per moment masked: the reminder and employee ids, instants, and an
     * answer link's expiry and signature (what the link answers stays visible, so a link that encoded health shows).
     */
    static String mask(String body, String reminderId, UUID employee) {
        return body.replace(reminderId, "{reminderId}")
                .replace(employee.toString(), "{employeeId}")
                .replaceAll("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?Z", "{instant}")
                .replaceAll("\\.\\d{9,11}\\.[A-Za-z0-9_-]{43}", ".{expires}.{signature}");
    }

    /** Every log record the service writes meanwhile, formatted. */
    private static final class CapturedLogs extends Handler {

        private final List<String> lines = new CopyOnWriteArrayList<>();

        static CapturedLogs install() {
            CapturedLogs handler = new CapturedLogs();
            java.util.logging.Logger.getLogger("").addHandler(handler);
            return handler;
        }

        void remove() {
            java.util.logging.Logger.getLogger("").removeHandler(this);
        }

        List<String> lines() {
            return new ArrayList<>(lines);
        }

        @Override
        public void publish(LogRecord record) {
            String message = record instanceof ExtLogRecord ext ? ext.getFormattedMessage() : record.getMessage();
            lines.add(record.getLoggerName() + " " + message + (record.getThrown() == null ? "" : " " + record.getThrown()));
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    }
}
