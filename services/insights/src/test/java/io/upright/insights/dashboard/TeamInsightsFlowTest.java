package io.upright.insights.dashboard;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.upright.contracts.EventCatalog;
import io.upright.contracts.IntegrationEvent;
import io.upright.contracts.assessments.AssessmentCompleted;
import io.upright.contracts.exercises.ExerciseSessionCompleted;
import io.upright.contracts.exercises.ExerciseSessionCompletedV2;
import io.upright.contracts.exercises.RoutineRecommended;
import io.upright.contracts.programs.EmployeeEnrolled;
import io.upright.contracts.programs.TeamCreated;
import io.upright.contracts.reminders.BreakReminderSent;
import io.upright.contracts.reminders.BreakTaken;
import io.upright.localinfra.CloudEventRecords;
import io.upright.localinfra.DevTokens;
import io.upright.testsupport.kafka.TopicReader;
import io.upright.testsupport.http.Api;
import io.upright.testsupport.quarkus.UprightTestInfrastructure;
import io.upright.testsupport.time.AdjustableClock;
import jakarta.inject.Inject;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@QuarkusTest
@WithTestResource(value = UprightTestInfrastructure.class, initArgs = {
        @ResourceArg(name = "database", value = "insights"),
        @ResourceArg(name = "topics", value = "upright.programs,upright.assessments,upright.exercises,upright.reminders,upright.insights.dlq")})
class TeamInsightsFlowTest {

    private static final DevTokens TOKENS = DevTokens.forTests();
    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final Instant MONDAY = Instant.parse("2026-11-23T09:00:00Z");

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String kafka;

    @Inject
    DataSource dataSource;

    /** Published figures are the figures of closed weeks: Wednesday after MONDAY's week, whose week has closed. */
    private final List<String> published = new ArrayList<>();

    @BeforeEach
    void setTheClockToTheWeekAfter() {
        QuarkusMock.installMockForType(AdjustableClock.atNoon(LocalDate.of(2026, 12, 2)), Clock.class);
    }

    @Test
    void hr_sees_a_teams_figures_small_teams_are_suppressed_duplicates_count_once_and_early_facts_are_attributed() {
        String tenant = "acme-" + UUID.randomUUID();
        String hr = TOKENS.issue(tenant, "hr-1", "hr");
        UUID accounts = team(tenant, "Accounts");
        UUID billing = team(tenant, "Billing");
        UUID courier = team(tenant, "Courier");
        List<UUID> a = enroll(tenant, accounts, 4);
        enroll(tenant, billing, 2);
        enroll(tenant, courier, 3);

        // the fifth Accounts member's assessment is applied before insights learns which team they are in
        UUID late = UUID.randomUUID();
        String earlyAssessment = publish(tenant, new AssessmentCompleted(UUID.randomUUID(), late, null, "workstation-basics", 1,
                "WORKSTATION_BASICS", 8, "HIGH", List.of("HIP_FLEXOR_TIGHTNESS"), false, MONDAY));
        await().atMost(PATIENCE).until(() -> applied(earlyAssessment));
        publish(tenant, new EmployeeEnrolled(late, accounts, "Europe/Berlin", "09:00", "17:00", false, MONDAY));

        UUID a1 = a.get(0);
        UUID a2 = a.get(1);
        UUID a3 = a.get(2);
        UUID a4 = a.get(3);
        // a1 was assessed twice: only the later assessment counts towards risk levels and findings
        publish(tenant, assessment(a1, "MODERATE", List.of("SCREEN_TOO_LOW", "NO_LUMBAR_SUPPORT"), MONDAY));
        publish(tenant, assessment(a1, "LOW", List.of("SCREEN_TOO_LOW"), MONDAY.plusSeconds(86_400)));
        publish(tenant, assessment(a2, "HIGH", List.of("LONG_SITTING_BOUTS", "SCREEN_TOO_LOW"), MONDAY));
        publish(tenant, assessment(enrolledIn(tenant, billing), "HIGH", List.of("FEET_UNSUPPORTED"), MONDAY));
        publish(tenant, new RoutineRecommended(UUID.randomUUID(), a1, UUID.randomUUID(), "hip-flexor-release",
                "Hip flexor release", 7, List.of("SCREEN_TOO_LOW"), false, MONDAY));
        publish(tenant, reminder(a1));
        publish(tenant, reminder(a3));
        // the same BreakTaken delivered twice (same ce_id), then a reminder on the same key that follows both copies
        BreakTaken taken = new BreakTaken(UUID.randomUUID(), a1, "walk", 5, null, MONDAY);
        String takenId = UUID.randomUUID().toString();
        publish(tenant, takenId, taken);
        publish(tenant, takenId, taken);
        publish(tenant, reminder(a1));
        publish(tenant, new BreakTaken(UUID.randomUUID(), a3, "stand", 10, null, MONDAY));
        // one session from a producer before v2 (whole minutes), one from a v2 producer (seconds): 8 + 6 minutes
        publish(tenant, new ExerciseSessionCompleted(UUID.randomUUID(), a2, "hip-flexor-release", null, 8, 4, MONDAY));
        publish(tenant, new ExerciseSessionCompletedV2(UUID.randomUUID(), a4, null, "glute-bridge", 360, 3, MONDAY));

        awaitPublishedApplied();
        // five people active in the closed week (a1, a2, a3, a4 and the late one): the week is published and shown
        {
            JsonPath team = teamItem(hr, accounts);
            assertThat(team.getBoolean("suppressed")).isFalse();
            assertThat(team.getString("reason")).isNull();
            assertThat(team.getLong("enrolled")).isEqualTo(5);
            assertThat(team.getLong("assessmentsCompleted")).isEqualTo(4);
            // 5 people, but only 3 of them assessed: their risk levels and findings would describe those 3
            assertThat(team.getMap("$")).containsEntry("riskDistribution", null).containsEntry("topFindings", null);
            assertThat(team.getString("riskReason")).isEqualTo("fewer than 5 people assessed");
            assertThat(team.getLong("routinesRecommended")).isEqualTo(1);
            assertThat(team.getLong("remindersSent")).isEqualTo(3);
            assertThat(team.getLong("breaksTaken")).isEqualTo(2);
            assertThat(team.getLong("activeBreakMinutes")).isEqualTo(15);
            assertThat(team.getLong("exerciseSessions")).isEqualTo(2);
            assertThat(team.getLong("exerciseMinutes")).isEqualTo(14);
        }

        for (UUID small : List.of(billing, courier)) {
            JsonPath team = teamItem(hr, small);
            assertThat(team.getBoolean("suppressed")).isTrue();
            // Billing's one active person makes its week hidden, so its total is; Courier never did anything
            assertThat(team.getString("reason")).isEqualTo(small.equals(billing)
                    ? "hidden because a week in it is hidden" : "fewer than 5 people active");
            for (String figure : List.of("enrolled", "assessmentsCompleted", "riskDistribution", "topFindings",
                    "routinesRecommended", "remindersSent", "breaksTaken", "activeBreakMinutes", "exerciseSessions",
                    "exerciseMinutes")) {
                assertThat(team.getMap("$")).containsEntry(figure, null);
            }
        }

        JsonPath page = Api.as(hr).get("/api/insights/teams")
                .then().statusCode(200).extract().jsonPath();
        assertThat(page.getList("items.teamName", String.class)).containsExactly("Accounts", "Billing", "Courier");
        assertThat(page.getInt("total")).isEqualTo(3);
        assertThat(page.getInt("page")).isZero();
        assertThat(page.getInt("size")).isEqualTo(20);

        // totals cover the visible team only: Billing's assessment and the 5 people of the small teams are absent
        JsonPath overview = Api.as(hr).get("/api/insights/overview")
                .then().statusCode(200).extract().jsonPath();
        assertThat(overview.getString("scope")).isEqualTo("visible-teams");
        assertThat(overview.getInt("teams")).isEqualTo(3);
        assertThat(overview.getInt("teamsVisible")).isEqualTo(1);
        assertThat(overview.getInt("teamsSuppressed")).isEqualTo(2);
        assertThat(overview.getBoolean("suppressed")).isFalse();
        assertThat(overview.getLong("enrolled")).isEqualTo(5);
        assertThat(overview.getLong("assessmentsCompleted")).isEqualTo(4);
        assertThat(overview.getLong("breaksTaken")).isEqualTo(2);
        // no visible team has 5 people assessed, so the totals carry no risk rows either
        assertThat(overview.getMap("$")).containsEntry("riskDistribution", null).containsEntry("topFindings", null);
        assertThat(overview.getString("riskReason")).isEqualTo("no team's risk and findings can be shown");

        // a3 and a4 assessed too: 5 people assessed now, but only 2 people's results changed since the published
        // risk rows (fewer than k), so nothing moves: two people's new results cannot be read off a before/after
        publish(tenant, assessment(a3, "LOW", List.of(), MONDAY));
        publish(tenant, assessment(a4, "LOW", List.of(), MONDAY));
        awaitPublishedApplied();
        JsonPath team = teamItem(hr, accounts);
        assertThat(team.getString("riskReason")).isEqualTo("fewer than 5 people assessed");
        assertThat(team.getMap("$")).containsEntry("riskDistribution", null);
        // and the published week does not move either: the two assessments belong to it, but arrived too late
        assertThat(team.getLong("assessmentsCompleted")).isEqualTo(4);
    }

    @Test
    void a_team_is_shown_only_when_k_people_were_active_and_the_overview_adds_up_the_shown_teams_only() {
        String tenant = "initech-" + UUID.randomUUID();
        String hr = TOKENS.issue(tenant, "hr-1", "admin");
        UUID accounts = team(tenant, "Accounts");
        UUID billing = team(tenant, "Billing");
        List<UUID> a = enroll(tenant, accounts, 5);
        // Billing: 9 enrolled, reminded, but only 2 of them did anything
        List<UUID> b = enroll(tenant, billing, 9);
        a.forEach(person -> publish(tenant, new BreakTaken(UUID.randomUUID(), person, "walk", 5, null, MONDAY)));
        b.forEach(person -> publish(tenant, reminder(person)));
        publish(tenant, new BreakTaken(UUID.randomUUID(), b.get(0), "walk", 5, null, MONDAY));
        publish(tenant, new BreakTaken(UUID.randomUUID(), b.get(1), "walk", 5, null, MONDAY));
        awaitPublishedApplied();

        assertThat(teamItem(hr, billing).getString("reason")).isEqualTo("hidden because a week in it is hidden");
        assertThat(teamItem(hr, billing).getMap("$")).containsEntry("enrolled", null).containsEntry("remindersSent", null);
        JsonPath accountsItem = teamItem(hr, accounts);
        assertThat(accountsItem.getBoolean("suppressed")).isFalse();
        assertThat(accountsItem.getLong("breaksTaken")).isEqualTo(5);
        JsonPath overview = Api.as(hr).get("/api/insights/overview")
                .then().statusCode(200).extract().jsonPath();
        assertThat(overview.getInt("teamsVisible")).isEqualTo(1);
        assertThat(overview.getLong("enrolled")).isEqualTo(5);
        assertThat(overview.getLong("breaksTaken")).isEqualTo(5);
        assertThat(overview.getLong("remindersSent")).isZero();
    }

    @Test
    void another_tenant_sees_nothing_and_employees_are_refused() {
        String tenant = "acme-" + UUID.randomUUID();
        UUID accounts = team(tenant, "Accounts");
        List<UUID> members = enroll(tenant, accounts, 6);
        members.forEach(person -> publish(tenant, new BreakTaken(UUID.randomUUID(), person, "walk", 5, null, MONDAY)));
        awaitPublishedApplied();
        String hr = TOKENS.issue(tenant, "hr-1", "hr");
        assertThat(teamItem(hr, accounts).getLong("enrolled")).isEqualTo(6);

        String otherHr = TOKENS.issue("globex-" + UUID.randomUUID(), "hr-2", "hr");
        JsonPath others = Api.as(otherHr).get("/api/insights/teams").then().statusCode(200).extract().jsonPath();
        assertThat(others.getList("items")).isEmpty();
        assertThat(others.getInt("total")).isZero();
        JsonPath otherOverview = Api.as(otherHr).get("/api/insights/overview")
                .then().statusCode(200).extract().jsonPath();
        assertThat(otherOverview.getInt("teams")).isZero();
        assertThat(otherOverview.getMap("$")).containsEntry("enrolled", null);

        String employee = TOKENS.issue(tenant, members.get(0).toString(), "employee");
        Api.as(employee).get("/api/insights/teams").then().statusCode(403);
        Api.as(employee).get("/api/insights/overview").then().statusCode(403);
        given().get("/api/insights/teams").then().statusCode(401);
        Api.as(hr).get("/api/insights/teams?size=500").then().statusCode(400)
                .contentType("application/problem+json");
    }

    @Test
    void an_unreadable_record_goes_to_the_insights_dead_letter_topic() {
        String tenant = "acme-" + UUID.randomUUID();
        UUID employee = UUID.randomUUID();
        ProducerRecord<String, byte[]> poison = CloudEventRecords.record(EventCatalog.BREAK_TAKEN, employee.toString(),
                UUID.randomUUID().toString(), employee.toString(), tenant, "not json".getBytes(StandardCharsets.UTF_8));
        TopicReader.send(kafka, poison);

        TopicReader.awaitRecord(kafka, "upright.insights.dlq", r -> employee.toString().equals(r.key()), PATIENCE);
    }

    private UUID team(String tenant, String name) {
        UUID id = UUID.randomUUID();
        publish(tenant, new TeamCreated(id, name, MONDAY));
        return id;
    }

    private List<UUID> enroll(String tenant, UUID teamId, int people) {
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < people; i++) {
            ids.add(enrolledIn(tenant, teamId));
        }
        return ids;
    }

    private UUID enrolledIn(String tenant, UUID teamId) {
        UUID id = UUID.randomUUID();
        publish(tenant, new EmployeeEnrolled(id, teamId, "Europe/Berlin", "09:00", "17:00", false, MONDAY));
        return id;
    }

    private static AssessmentCompleted assessment(UUID employee, String risk, List<String> findings, Instant at) {
        return new AssessmentCompleted(UUID.randomUUID(), employee, null, "workstation-basics", 1, "WORKSTATION_BASICS",
                3, risk, findings, false, at);
    }

    private static BreakReminderSent reminder(UUID employee) {
        return new BreakReminderSent(UUID.randomUUID(), employee, MONDAY, "break", "slack", MONDAY);
    }

    @Test
    void an_exercise_session_an_old_producer_published_as_v1_counts_exactly_as_the_same_session_in_v2() throws Exception {
        String tenant = "acme-" + UUID.randomUUID();
        UUID old = UUID.randomUUID();
        UUID current = UUID.randomUUID();
        String v1 = publish(tenant, new ExerciseSessionCompleted(UUID.randomUUID(), old, "desk-reset", null, 2, 4, MONDAY));
        String v2 = publish(tenant, new ExerciseSessionCompletedV2(UUID.randomUUID(), current, "desk-reset", null, 120, 4, MONDAY));
        // a 90-second micro-break, which v1 could not carry, counts as two whole minutes (rounded half up)
        String microBreak = publish(tenant, new ExerciseSessionCompletedV2(UUID.randomUUID(), current, "desk-reset", null, 90, 5, MONDAY));
        awaitPublishedApplied();

        assertThat(activity(tenant, old)).isEqualTo("1 sessions, 2 minutes");
        assertThat(activity(tenant, current)).isEqualTo("2 sessions, 4 minutes");
        assertThat(List.of(factAmount(tenant, v1), factAmount(tenant, v2), factAmount(tenant, microBreak)))
                .containsExactly(2, 2, 2);
    }

    private String activity(String tenant, UUID employee) throws Exception {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("select exercise_sessions, exercise_minutes from insights_employee_activity "
                     + "where tenant_id = ? and employee_id = ?")) {
            ps.setString(1, tenant);
            ps.setObject(2, employee);
            try (ResultSet rs = ps.executeQuery()) {
                assertThat(rs.next()).as("activity of %s", employee).isTrue();
                return rs.getLong(1) + " sessions, " + rs.getLong(2) + " minutes";
            }
        }
    }

    private int factAmount(String tenant, String eventId) throws Exception {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("select amount from insights_fact where tenant_id = ? and event_id = ? "
                     + "and kind = 'exercise-session'")) {
            ps.setString(1, tenant);
            ps.setString(2, eventId);
            try (ResultSet rs = ps.executeQuery()) {
                assertThat(rs.next()).as("fact of %s", eventId).isTrue();
                return rs.getInt(1);
            }
        }
    }

    private String publish(String tenant, IntegrationEvent event) {
        String id = UUID.randomUUID().toString();
        publish(tenant, id, event);
        return id;
    }

    /** Sends the event as its owner's outbox relay would: CloudEvents binary mode on the owner's topic. */
    private void publish(String tenant, String eventId, IntegrationEvent event) {
        TopicReader.send(kafka, CloudEventRecords.record(tenant, eventId, event));
        published.add(eventId);
    }

    /** Waits until every event sent so far is applied: a closed week is published at the first read after. */
    private void awaitPublishedApplied() {
        for (String id : List.copyOf(published)) {
            await().atMost(PATIENCE).until(() -> applied(id));
        }
    }

    private boolean applied(String eventId) throws Exception {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("select count(*) from inbox where consumer = 'insights' and event_id = ?")) {
            ps.setString(1, eventId);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1) == 1;
            }
        }
    }

    private static JsonPath teamItem(String token, UUID teamId) {
        JsonPath page = Api.as(token).get("/api/insights/teams?size=200")
                .then().statusCode(200).extract().jsonPath();
        Map<String, Object> item = page.getMap("items.find { it.teamId == '" + teamId + "' }");
        assertThat(item).as("team %s is listed", teamId).isNotNull();
        return new JsonPath(toJson(item));
    }

    private static String toJson(Map<String, Object> item) {
        try {
            return new ObjectMapper().writeValueAsString(item);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
