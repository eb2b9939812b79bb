package io.upright.assessments.campaign;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import io.upright.assessments.AnswerSets;
import io.upright.contracts.programs.EmployeeEnrolled;
import io.upright.localinfra.CloudEventRecords;
import io.upright.localinfra.DevTokens;
import io.upright.testsupport.http.Api;
import io.upright.testsupport.kafka.TopicReader;
import io.upright.testsupport.quarkus.UprightTestInfrastructure;
import io.upright.testsupport.time.AdjustableClock;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

/**
 * HR asks a team, learned from real EmployeeEnrolled records on upright.programs, to (re)assess by a date: the
 * campaign is published on the real upright.assessments topic, and its coverage counts the team's submissions
 * without ever showing a group smaller than the anonymity threshold. The service's clock is set to a fixed day, so
 * "today (UTC)" is the same for the test and the service whatever the time of day the test runs at.
 */
@QuarkusTest
@WithTestResource(value = UprightTestInfrastructure.class, initArgs = {
        @ResourceArg(name = "database", value = "assessments"),
        @ResourceArg(name = "topics", value = "upright.programs,upright.assessments,upright.insights,upright.assessments.dlq")})
class CampaignFlowTest {

    private static final DevTokens TOKENS = DevTokens.forTests();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String CAMPAIGN_STARTED = "upright.assessments.assessment-campaign-started.v1";

    @Inject
    DataSource dataSource;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String kafka;

    /** A fixed day far from the real one: due dates are checked against the clock's day, not the test's. */
    private static final LocalDate TODAY = LocalDate.of(2030, 3, 12);

    private AdjustableClock clock;

    @BeforeEach
    void installClock() {
        clock = AdjustableClock.atNoon(TODAY);
        QuarkusMock.installMockForType(clock, Clock.class);
    }

    @Test
    void hr_starts_a_campaign_for_a_known_team_and_it_is_published_without_naming_anyone() throws Exception {
        String tenant = "acme-" + UUID.randomUUID();
        UUID team = UUID.randomUUID();
        List<UUID> members = enrol(tenant, team, 5);
        String hr = hr(tenant);
        LocalDate due = todayUtc().plusDays(14);

        ExtractableResponse<Response> created = Api.as(hr)
                .body(Map.of("teamId", team.toString(), "templateId", "rosa", "dueDate", due.toString()))
                .post("/api/assessment-campaigns")
                .then().statusCode(201).header("ETag", notNullValue())
                .body("teamId", equalTo(team.toString())).body("templateId", equalTo("rosa"))
                .body("dueDate", equalTo(due.toString())).body("startedAt", notNullValue())
                .body("suppressed", equalTo(false)).body("coverage.employees", equalTo(5))
                .body("coverage.submitted", equalTo(0)).body("coverage.percent", equalTo(0))
                .extract();
        String location = created.header("Location");
        String id = created.path("id");
        assertThat(location).endsWith("/api/assessment-campaigns/" + id);

        Api.as(hr).get(location).then().statusCode(200).header("ETag", notNullValue())
                .body("id", equalTo(id)).body("dueDate", equalTo(due.toString()));

        ConsumerRecord<String, byte[]> record = TopicReader.awaitRecord(kafka, "upright.assessments",
                r -> id.equals(r.key()) && CAMPAIGN_STARTED.equals(TopicReader.header(r, "ce_type")),
                Duration.ofSeconds(30));
        assertThat(TopicReader.header(record, "ce_tenant")).isEqualTo(tenant);
        assertThat(TopicReader.header(record, "ce_subject")).isEqualTo(id);
        assertThat(TopicReader.header(record, "ce_source")).isEqualTo("urn:upright:assessments");
        JsonNode body = JSON.readTree(record.value());
        List<String> fields = new ArrayList<>();
        body.fieldNames().forEachRemaining(fields::add);
        assertThat(fields).containsExactlyInAnyOrder("campaignId", "teamId", "templateId", "dueDate", "startedAt");
        assertThat(body.get("campaignId").asText()).isEqualTo(id);
        assertThat(body.get("teamId").asText()).isEqualTo(team.toString());
        assertThat(body.get("templateId").asText()).isEqualTo("rosa");
        assertThat(body.get("dueDate").asText()).isEqualTo(due.toString());
        String raw = new String(record.value());
        members.forEach(m -> assertThat(raw).doesNotContain(m.toString()));
    }

    @Test
    void coverage_counts_each_team_member_who_submitted_that_template_since_the_campaign_started() {
        String tenant = "acme-" + UUID.randomUUID();
        UUID team = UUID.randomUUID();
        List<UUID> members = enrol(tenant, team, 6);
        UUID outsider = enrol(tenant, UUID.randomUUID(), 1).get(0);
        // before the campaign: does not count
        submit(tenant, members.get(0), "workstation-basics", AnswerSets.healthy());
        clock.advance(Duration.ofMinutes(1));
        String hr = hr(tenant);

        String id = Api.as(hr)
                .body(Map.of("teamId", team.toString(), "templateId", "workstation-basics", "dueDate", todayUtc().toString()))
                .post("/api/assessment-campaigns").then().statusCode(201).extract().path("id");

        clock.advance(Duration.ofMinutes(1));
        submit(tenant, members.get(1), "workstation-basics", AnswerSets.healthy());
        submit(tenant, members.get(2), "workstation-basics", AnswerSets.healthy());
        submit(tenant, members.get(2), "workstation-basics", AnswerSets.healthy()); // one person, counted once
        submit(tenant, members.get(3), "workstation-basics", AnswerSets.healthy());
        submit(tenant, members.get(4), "rosa", AnswerSets.rosaNeutral());           // another template
        startOnly(tenant, members.get(5), "workstation-basics");                    // not submitted
        submit(tenant, outsider, "workstation-basics", AnswerSets.healthy());       // not in the team

        Api.as(hr).get("/api/assessment-campaigns/" + id).then().statusCode(200)
                .body("suppressed", equalTo(false))
                .body("coverage.employees", equalTo(6)).body("coverage.submitted", equalTo(3))
                .body("coverage.percent", equalTo(50));
        // admins see the same; the list carries the coverage too
        Api.as(TOKENS.issue(tenant, UUID.randomUUID().toString(), "admin"))
                .get("/api/assessment-campaigns").then().statusCode(200)
                .body("total", equalTo(1)).body("items[0].id", equalTo(id))
                .body("items[0].coverage.submitted", equalTo(3));

        // the member who answered before the campaign answers again: now counted
        submit(tenant, members.get(0), "workstation-basics", AnswerSets.healthy());
        Api.as(hr).get("/api/assessment-campaigns/" + id).then()
                .body("coverage.submitted", equalTo(4)).body("coverage.percent", equalTo(66));
    }

    @Test
    void a_team_smaller_than_the_anonymity_threshold_shows_no_coverage_and_no_size() {
        String tenant = "acme-" + UUID.randomUUID();
        UUID team = UUID.randomUUID();
        List<UUID> members = enrol(tenant, team, 4);
        String hr = hr(tenant);
        String id = Api.as(hr)
                .body(Map.of("teamId", team.toString(), "templateId", "rosa", "dueDate", todayUtc().plusDays(7).toString()))
                .post("/api/assessment-campaigns").then().statusCode(201)
                .body("suppressed", equalTo(true)).body("coverage", nullValue()).extract().path("id");
        for (UUID member : members) {
            submit(tenant, member, "rosa", AnswerSets.rosaActNow());
        }

        String detail = Api.as(hr).get("/api/assessment-campaigns/" + id).then().statusCode(200)
                .body("suppressed", equalTo(true)).body("coverage", nullValue()).extract().asString();
        String list = Api.as(hr).get("/api/assessment-campaigns").then().statusCode(200)
                .body("items[0].suppressed", equalTo(true)).body("items[0].coverage", nullValue()).extract().asString();
        for (UUID member : members) {
            assertThat(detail).doesNotContain(member.toString());
            assertThat(list).doesNotContain(member.toString());
        }
    }

    @Test
    void invalid_requests_name_each_offending_field_and_an_unknown_team_is_not_found() {
        String tenant = "acme-" + UUID.randomUUID();
        UUID team = UUID.randomUUID();
        enrol(tenant, team, 1);
        String hr = hr(tenant);

        Api.as(hr).body(Map.of())
                .post("/api/assessment-campaigns").then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", containsInAnyOrder("teamId", "templateId", "dueDate"));
        Api.as(hr)
                .body(Map.of("teamId", team.toString(), "templateId", "posture-quiz", "dueDate", todayUtc().minusDays(1).toString()))
                .post("/api/assessment-campaigns").then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", containsInAnyOrder("templateId", "dueDate"));
        Api.as(hr)
                .body(Map.of("teamId", team.toString(), "templateId", "rosa", "dueDate", "next friday"))
                .post("/api/assessment-campaigns").then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", containsInAnyOrder("dueDate"));
        Api.as(hr)
                .body(Map.of("teamId", "team-a", "templateId", "rosa", "dueDate", todayUtc().toString()))
                .post("/api/assessment-campaigns").then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", containsInAnyOrder("teamId"));
        Api.as(hr)
                .body(Map.of("teamId", UUID.randomUUID().toString(), "templateId", "rosa", "dueDate", todayUtc().toString()))
                .post("/api/assessment-campaigns").then().statusCode(404).contentType("application/problem+json");
        Api.as(hr).get("/api/assessment-campaigns?size=201").then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", containsInAnyOrder("size"));

        Api.as(hr).get("/api/assessment-campaigns").then().body("total", equalTo(0));
    }

    @Test
    void employees_are_forbidden_and_another_tenant_sees_neither_the_campaign_nor_the_team() {
        String tenant = "acme-" + UUID.randomUUID();
        UUID team = UUID.randomUUID();
        List<UUID> members = enrol(tenant, team, 5);
        Map<String, String> body = Map.of("teamId", team.toString(), "templateId", "rosa", "dueDate", todayUtc().toString());
        String id = Api.as(hr(tenant)).body(body)
                .post("/api/assessment-campaigns").then().statusCode(201).extract().path("id");

        String employee = TOKENS.issue(tenant, members.get(0).toString(), "employee");
        Api.as(employee).body(body)
                .post("/api/assessment-campaigns").then().statusCode(403).contentType("application/problem+json");
        Api.as(employee).get("/api/assessment-campaigns").then().statusCode(403);
        Api.as(employee).get("/api/assessment-campaigns/" + id).then().statusCode(403);
        // a campaign id is not an assessment id, even in the same tenant
        Api.as(employee).get("/api/assessments/" + id).then().statusCode(404)
                .contentType("application/problem+json");

        String strangerHr = hr("globex-" + UUID.randomUUID());
        Api.as(strangerHr).get("/api/assessment-campaigns/" + id).then().statusCode(404)
                .contentType("application/problem+json");
        Api.as(strangerHr).get("/api/assessment-campaigns").then().statusCode(200)
                .body("total", equalTo(0)).body("items.size()", equalTo(0));
        Api.as(strangerHr).body(body)
                .post("/api/assessment-campaigns").then().statusCode(404).contentType("application/problem+json");
        Api.anonymous().get("/api/assessment-campaigns").then().statusCode(401);
    }

    @Test
    void a_retry_with_the_same_idempotency_key_returns_the_first_campaign_and_publishes_once() throws Exception {
        String tenant = "acme-" + UUID.randomUUID();
        UUID team = UUID.randomUUID();
        enrol(tenant, team, 5);
        String hr = hr(tenant);
        String key = UUID.randomUUID().toString();
        Map<String, String> body = Map.of("teamId", team.toString(), "templateId", "rosa", "dueDate", todayUtc().plusDays(3).toString());

        ExtractableResponse<Response> first = Api.as(hr).header("Idempotency-Key", key)
                .body(body).post("/api/assessment-campaigns")
                .then().statusCode(201).extract();
        ExtractableResponse<Response> retry = Api.as(hr).header("Idempotency-Key", key)
                .body(body).post("/api/assessment-campaigns")
                .then().statusCode(201).header("Idempotent-Replayed", "true").extract();
        assertThat(retry.header("Location")).isEqualTo(first.header("Location"));
        assertThat(retry.header("ETag")).isEqualTo(first.header("ETag"));
        assertThat((String) retry.path("id")).isEqualTo(first.path("id"));

        Map<String, String> other = new HashMap<>(body);
        other.put("dueDate", todayUtc().plusDays(4).toString());
        Api.as(hr).header("Idempotency-Key", key).body(other)
                .post("/api/assessment-campaigns").then().statusCode(422).contentType("application/problem+json");

        Api.as(hr).get("/api/assessment-campaigns").then().body("total", equalTo(1));
        assertThat(count("select count(*) from outbox where tenant_id = ? and event_type = ?", tenant, CAMPAIGN_STARTED))
                .isEqualTo(1);
        String id = first.path("id");
        TopicReader.awaitRecord(kafka, "upright.assessments",
                r -> id.equals(r.key()) && CAMPAIGN_STARTED.equals(TopicReader.header(r, "ce_type")), Duration.ofSeconds(30));
    }

    @Test
    void a_due_date_of_today_is_accepted_until_midnight_utc_and_refused_from_then_on() {
        String tenant = "acme-" + UUID.randomUUID();
        UUID team = UUID.randomUUID();
        enrol(tenant, team, 1);
        String hr = hr(tenant);
        Map<String, String> dueToday = Map.of("teamId", team.toString(), "templateId", "rosa", "dueDate", TODAY.toString());

        clock.set(TODAY.atTime(LocalTime.of(23, 59, 59)).toInstant(ZoneOffset.UTC));
        Api.as(hr).body(dueToday)
                .post("/api/assessment-campaigns").then().statusCode(201).body("dueDate", equalTo(TODAY.toString()));

        clock.advance(Duration.ofSeconds(1));
        Api.as(hr).body(dueToday)
                .post("/api/assessment-campaigns").then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", containsInAnyOrder("dueDate"))
                .body("errors[0].message", equalTo("must be today (" + TODAY.plusDays(1) + ", UTC) or later"));
    }

    @Test
    void the_list_is_newest_first_and_paged() {
        String tenant = "acme-" + UUID.randomUUID();
        UUID team = UUID.randomUUID();
        enrol(tenant, team, 1);
        String hr = hr(tenant);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            ids.add(Api.as(hr)
                    .body(Map.of("teamId", team.toString(), "templateId", "rosa", "dueDate", todayUtc().plusDays(i).toString()))
                    .post("/api/assessment-campaigns").then().statusCode(201).extract().path("id"));
            clock.advance(Duration.ofSeconds(1));
        }
        Api.as(hr).get("/api/assessment-campaigns?page=0&size=2").then().statusCode(200)
                .body("total", equalTo(3)).body("page", equalTo(0)).body("size", equalTo(2))
                .body("items.id", org.hamcrest.Matchers.contains(ids.get(2), ids.get(1)));
        Api.as(hr).get("/api/assessment-campaigns?page=1&size=2").then()
                .body("items.id", org.hamcrest.Matchers.contains(ids.get(0)));
    }

    /** Enrols {@code size} new employees in {@code team} through real records and waits until all are known. */
    private List<UUID> enrol(String tenant, UUID team, int size) {
        List<UUID> members = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            UUID employee = UUID.randomUUID();
            members.add(employee);
            TopicReader.send(kafka, CloudEventRecords.record(tenant, UUID.randomUUID().toString(),
                    new EmployeeEnrolled(employee, team, "Europe/Berlin", "09:00", "17:00", false, Instant.now())));
        }
        await().atMost(Duration.ofSeconds(30)).until(() ->
                count("select count(*) from employee_team where tenant_id = ? and team_id = ?", tenant, team) == size);
        return members;
    }

    private static String hr(String tenant) {
        return TOKENS.issue(tenant, UUID.randomUUID().toString(), "hr");
    }

    private static String startOnly(String tenant, UUID employee, String templateId) {
        return Api.as(TOKENS.issue(tenant, employee.toString(), "employee"))
                .body(Map.of("templateId", templateId)).post("/api/assessments")
                .then().statusCode(201).extract().header("Location");
    }

    private static void submit(String tenant, UUID employee, String templateId, Map<String, Object> answers) {
        String token = TOKENS.issue(tenant, employee.toString(), "employee");
        String location = startOnly(tenant, employee, templateId);
        Api.as(token).body(Map.of("answers", answers))
                .put(location + "/answers").then().statusCode(200);
        Api.as(token).post(location + "/submission").then().statusCode(200);
    }

    private static LocalDate todayUtc() {
        return TODAY;
    }

    private int count(String sql, Object... params) throws Exception {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }
}
