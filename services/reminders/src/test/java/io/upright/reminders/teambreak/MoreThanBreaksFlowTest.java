package io.upright.reminders.teambreak;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import io.upright.testsupport.http.Api;
import io.upright.testsupport.time.AdjustableClock;
import io.upright.contracts.IntegrationEvent;
import io.upright.contracts.assessments.AssessmentCampaignStarted;
import io.upright.contracts.programs.EmployeeEnrolled;
import io.upright.reminders.testing.Queue;
import io.upright.reminders.testing.WebhookReceiver;
import io.upright.localinfra.CloudEventRecords;
import io.upright.localinfra.DevTokens;
import io.upright.testsupport.kafka.TopicReader;
import io.upright.testsupport.quarkus.UprightTestInfrastructure;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

/** Sit/stand prompts, team break slots, assessment-campaign nudges and the employee's own statistics. */
@QuarkusTest
@WithTestResource(value = UprightTestInfrastructure.class, initArgs = {
        @ResourceArg(name = "database", value = "reminders"),
        @ResourceArg(name = "topics", value = "upright.programs,upright.exercises,upright.assessments,upright.reminders,upright.reminders.dlq")})
class MoreThanBreaksFlowTest {

    private static final DevTokens TOKENS = DevTokens.forTests();
    private static final Duration WAIT = Duration.ofSeconds(90);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final WebhookReceiver receiver = WebhookReceiver.get();
    private final String tenant = "more-" + UUID.randomUUID();
    private final String admin = TOKENS.issue(tenant, "admin-1", "admin");

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String kafka;

    @Inject
    DataSource dataSource;

    private Queue queue() {
        return new Queue(dataSource, tenant);
    }

    @Test
    void an_employee_with_a_standing_desk_gets_sit_stand_prompts_between_breaks() throws Exception {
        registerWebhook();
        UUID employee = UUID.randomUUID();
        send(new EmployeeEnrolled(employee, UUID.randomUUID(), "Etc/UTC", "00:00", "23:59", true, Instant.now()));
        await().atMost(WAIT).until(() -> receiver.count(r -> r.path().equals("/hooks/" + tenant) && r.body().contains(employee.toString())) >= 2);
        List<String> kinds = bodies(employee).stream().map(b -> b.path("kind").asText()).toList();
        assertThat(kinds).contains("break", "sit-stand");
        JsonNode prompt = bodies(employee).stream().filter(b -> b.path("kind").asText().equals("sit-stand")).findFirst().orElseThrow();
        assertThat(prompt.path("message").asText()).containsIgnoringCase("desk");
        String id = prompt.path("reminderId").asText();
        assertThat(JSON.readTree(TopicReader.awaitRecord(kafka, "upright.reminders", r -> id.equals(TopicReader.header(r, "ce_subject"))
                && "upright.reminders.break-reminder-sent.v1".equals(TopicReader.header(r, "ce_type")), WAIT).value()).path("kind").asText())
                .isEqualTo("sit-stand");
        // never two prompts of the same kind in a row
        List<String> queued = queue().strings("select kind from due_reminder where employee_id = ? order by slot", employee);
        for (int i = 1; i < queued.size(); i++) {
            assertThat(queued.get(i)).isNotEqualTo(queued.get(i - 1));
        }
    }

    @Test
    void a_team_break_nudges_every_member_at_the_same_moment() throws Exception {
        registerWebhook();
        UUID team = UUID.randomUUID();
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        UUID outsider = UUID.randomUUID();
        for (UUID e : List.of(first, second)) {
            send(new EmployeeEnrolled(e, team, "Etc/UTC", "00:00", "23:59", false, Instant.now()));
        }
        send(new EmployeeEnrolled(outsider, UUID.randomUUID(), "Etc/UTC", "00:00", "23:59", false, Instant.now()));
        await().atMost(WAIT).until(() -> queue().count("select count(*) from schedule where tenant_id = ?", tenant) == 3);

        given().auth().oauth2(admin).contentType("application/json").body(Map.of("localTime", "25:00", "timeZone", "Mars/Base"))
                .put("/api/team-breaks/{team}", team).then().statusCode(400).body("errors.field", equalTo(List.of("localTime", "timeZone")));
        given().auth().oauth2(TOKENS.issue(tenant, first.toString(), "employee")).contentType("application/json")
                .body(Map.of("localTime", "15:00", "timeZone", "Etc/UTC")).put("/api/team-breaks/{team}", team).then().statusCode(403);

        Instant at = Instant.now().plus(1, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.MINUTES);
        String localTime = DateTimeFormatter.ofPattern("HH:mm").withZone(ZoneOffset.UTC).format(at);
        given().auth().oauth2(admin).contentType("application/json").body(Map.of("localTime", localTime, "timeZone", "Etc/UTC"))
                .put("/api/team-breaks/{team}", team).then().statusCode(200).body("localTime", equalTo(localTime));
        given().auth().oauth2(admin).get("/api/team-breaks").then().statusCode(200).body("", hasSize(1));
        given().auth().oauth2(TOKENS.issue("globex-" + UUID.randomUUID(), "admin-1", "admin")).get("/api/team-breaks/{team}", team)
                .then().statusCode(404);

        for (UUID member : List.of(first, second)) {
            assertThat(queue().count("select count(*) from due_reminder where employee_id = ? and kind = 'team-break' and slot = ?", member, at))
                    .isEqualTo(1);
        }
        assertThat(queue().count("select count(*) from due_reminder where employee_id = ? and kind = 'team-break'", outsider)).isZero();

        // at that moment both get it, as a team break
        await().atMost(WAIT).until(() -> bodies(first).stream().anyMatch(b -> b.path("kind").asText().equals("team-break"))
                && bodies(second).stream().anyMatch(b -> b.path("kind").asText().equals("team-break")));
        JsonNode teamBreak = bodies(first).stream().filter(b -> b.path("kind").asText().equals("team-break")).findFirst().orElseThrow();
        assertThat(Instant.parse(teamBreak.path("slot").asText())).isEqualTo(at);
        assertThat(teamBreak.path("message").asText()).containsIgnoringCase("team");

        given().auth().oauth2(admin).delete("/api/team-breaks/{team}", team).then().statusCode(204);
        given().auth().oauth2(admin).get("/api/team-breaks/{team}", team).then().statusCode(404);
    }

    @Test
    void a_campaign_nudges_each_member_once_before_the_due_date() throws Exception {
        registerWebhook();
        UUID team = UUID.randomUUID();
        UUID member = UUID.randomUUID();
        send(new EmployeeEnrolled(member, team, "Etc/UTC", "00:00", "23:59", false, Instant.now()));
        await().atMost(WAIT).until(() -> queue().count("select count(*) from schedule where tenant_id = ?", tenant) == 1);

        UUID campaign = UUID.randomUUID();
        AssessmentCampaignStarted started = new AssessmentCampaignStarted(campaign, team, "workstation-basics",
                LocalDate.now(ZoneOffset.UTC).plusDays(3), Instant.now());
        send(started);
        String again = send(started); // the same fact again, under a new event id
        await().atMost(WAIT).until(() -> queue().count("select count(*) from inbox where event_id = ?", again) == 1);
        assertThat(queue().count("select count(*) from due_reminder where employee_id = ? and kind = 'assessment-nudge'", member)).isEqualTo(1);

        await().atMost(WAIT).until(() -> bodies(member).stream().anyMatch(b -> b.path("type").asText().equals("assessment.nudge")));
        JsonNode nudge = bodies(member).stream().filter(b -> b.path("type").asText().equals("assessment.nudge")).findFirst().orElseThrow();
        assertThat(nudge.path("message").asText()).contains(started.dueDate().toString());
        assertThat(nudge.path("answerUrl").isNull()).isTrue();
        String nudgeId = nudge.path("reminderId").asText();
        await().atMost(WAIT).until(() -> "sent".equals(queue().string("select status from due_reminder where id = ?::uuid", nudgeId)));
        assertThat(queue().count("select count(*) from outbox where subject = ?", nudgeId)).isZero(); // not a break reminder

        // a campaign already due yesterday nudges no one
        UUID late = UUID.randomUUID();
        String lateId = send(new AssessmentCampaignStarted(late, team, "workstation-basics", LocalDate.now(ZoneOffset.UTC).minusDays(2), Instant.now()));
        await().atMost(WAIT).until(() -> queue().count("select count(*) from inbox where event_id = ?", lateId) == 1);
        assertThat(queue().count("select count(*) from due_reminder where campaign_id = ?", late)).isZero();
    }

    @Test
    void a_member_whose_enrolment_arrives_after_the_campaign_is_nudged_once_and_not_for_a_campaign_past_due() throws Exception {
        UUID team = UUID.randomUUID();
        UUID member = UUID.randomUUID();
        UUID campaign = UUID.randomUUID();
        UUID pastDue = UUID.randomUUID();
        // the campaigns reach reminders first: nobody of the team is known yet
        send(new AssessmentCampaignStarted(pastDue, team, "workstation-basics", LocalDate.now(ZoneOffset.UTC).minusDays(3), Instant.now()));
        String started = send(new AssessmentCampaignStarted(campaign, team, "workstation-basics",
                LocalDate.now(ZoneOffset.UTC).plusDays(3), Instant.now()));
        await().atMost(WAIT).until(() -> queue().count("select count(*) from inbox where event_id = ?", started) == 1);
        assertThat(queue().count("select count(*) from due_reminder where campaign_id = ?", campaign)).isZero();

        String enrolled = send(new EmployeeEnrolled(member, team, "Etc/UTC", "00:00", "23:59", false, Instant.now()));
        await().atMost(WAIT).until(() -> queue().count("select count(*) from inbox where event_id = ?", enrolled) == 1);
        assertThat(queue().count("select count(*) from due_reminder where employee_id = ? and kind = 'assessment-nudge' "
                + "and campaign_id = ?", member, campaign)).isEqualTo(1);
        assertThat(queue().count("select count(*) from due_reminder where campaign_id = ?", pastDue)).isZero();

        // the enrolment again (a redelivery under a new id): still one nudge
        String again = send(new EmployeeEnrolled(member, team, "Etc/UTC", "00:00", "23:59", false, Instant.now()));
        await().atMost(WAIT).until(() -> queue().count("select count(*) from inbox where event_id = ?", again) == 1);
        assertThat(queue().count("select count(*) from due_reminder where employee_id = ? and campaign_id = ?", member, campaign)).isEqualTo(1);
    }

    @Test
    void my_break_stats_count_my_answers_and_compare_active_minutes_per_day() {
        UUID employee = UUID.randomUUID();
        // the service's "today" is the clock's: fixed, so the slots (yesterday around noon UTC) fall on one day and the
        // default week is the same whatever time the test runs
        LocalDate today = LocalDate.of(2026, 3, 11);
        QuarkusMock.installMockForType(AdjustableClock.at(today.atTime(9, 0).toInstant(ZoneOffset.UTC)), Clock.class);
        LocalDate yesterday = today.minusDays(1);
        Instant now = yesterday.atTime(12, 0).toInstant(ZoneOffset.UTC);
        // straight into the queue, already settled (hourly schedule; an hour from now nothing is due)
        UUID done1 = queue().due(employee, now.minusSeconds(600), now.minusSeconds(300));
        UUID done2 = queue().due(employee, now.minusSeconds(900), now.minusSeconds(800));
        UUID skipped = queue().due(employee, now.minusSeconds(1200), now.minusSeconds(1100));
        UUID expired = queue().due(employee, now.minusSeconds(1500), now.minusSeconds(1400));
        UUID snoozed = queue().due(employee, now.minusSeconds(1800), now.minusSeconds(1700));
        queue().execute("update due_reminder set status = 'sent', answer = 'done', activity = 'walk', active_minutes = 5 where id in (?, ?)", done1, done2);
        queue().execute("update due_reminder set status = 'sent', answer = 'skip' where id = ?", skipped);
        queue().execute("update due_reminder set status = 'expired' where id = ?", expired);
        queue().execute("update due_reminder set status = 'sent', answer = 'snooze', snoozed_until = now() where id = ?", snoozed);
        String token = TOKENS.issue(tenant, employee.toString(), "employee");

        Api.as(token).get("/api/me/break-stats").then().statusCode(200)
                .body("taken", equalTo(2)).body("skipped", equalTo(1)).body("expired", equalTo(1)).body("snoozed", equalTo(1))
                .body("timeZone", equalTo("Etc/UTC")).body("days", hasSize(7)).body("dailyActiveMinutesTarget", nullValue())
                .body("days.find { it.date == '" + yesterday + "' }.activeMinutes", equalTo(10))
                .body("days.find { it.date == '" + yesterday + "' }.taken", equalTo(2));
        Api.as(token).queryParam("from", today.minusDays(10).toString()).queryParam("to", today.minusDays(9).toString())
                .get("/api/me/break-stats").then().statusCode(200)
                .body("taken", equalTo(0)).body("days", hasSize(2));
        Api.as(token).queryParam("from", today.toString()).queryParam("to", today.minusDays(1).toString())
                .get("/api/me/break-stats").then().statusCode(400)
                .body("errors[0].field", equalTo("from"));
        Api.as(token).queryParam("to", "yesterday").get("/api/me/break-stats").then().statusCode(400).body("errors[0].field", equalTo("to"));
        Api.as(TOKENS.issue(tenant, UUID.randomUUID().toString(), "employee")).get("/api/me/break-stats").then().statusCode(404);
    }

    // --- helpers

    private List<JsonNode> bodies(UUID employee) {
        return receiver.all(r -> r.path().equals("/hooks/" + tenant) && r.body().contains(employee.toString())).stream().map(r -> {
            try {
                return JSON.readTree(r.body());
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }

    private void registerWebhook() {
        given().auth().oauth2(admin).contentType("application/json").body(Map.of("url", receiver.url("/hooks/" + tenant)))
                .post("/api/webhook-endpoints").then().statusCode(201);
    }

    private String send(IntegrationEvent event) {
        String id = UUID.randomUUID().toString();
        TopicReader.send(kafka, CloudEventRecords.record(tenant, id, event));
        return id;
    }
}
