package io.upright.assessments.sitting;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.upright.contracts.EventCatalog;
import io.upright.contracts.programs.EmployeeEnrolled;
import io.upright.contracts.programs.EmployeeErased;
import io.upright.localinfra.CloudEventRecords;
import io.upright.localinfra.DevTokens;
import io.upright.platform.inbox.Inbox;
import io.upright.testsupport.http.Api;
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
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

/**
 * The OSPAQ sitting self-report through the API and on the real upright.assessments topic: the questionnaire served,
 * a report with its minutes per workday published sealed as SittingReported, corrections, validation that stores and
 * publishes nothing, who may read what, the feedback sentence, the export and erasure.
 */
@QuarkusTest
@WithTestResource(value = UprightTestInfrastructure.class, initArgs = {
        @ResourceArg(name = "database", value = "assessments"),
        @ResourceArg(name = "topics", value = "upright.programs,upright.assessments,upright.insights,upright.assessments.dlq")})
class SittingReportFlowTest {

    private static final DevTokens TOKENS = DevTokens.forTests();
    private static final String REPORTED = "upright.assessments.sitting-reported.v1";

    @Inject
    Inbox inbox;

    @Inject
    ObjectMapper mapper;

    @Inject
    DataSource dataSource;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String kafka;

    private final String tenant = "acme-" + UUID.randomUUID();

    private static Map<String, Object> answers(Object hours, Object days, Object sitting, Object standing,
                                               Object walking, Object heavy) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("hoursWorked", hours);
        body.put("daysWorked", days);
        body.put("sittingPercent", sitting);
        body.put("standingPercent", standing);
        body.put("walkingPercent", walking);
        body.put("heavyLabourPercent", heavy);
        return body;
    }

    private static final Map<String, Object> OFFICE = answers(40, 5, 70, 20, 10, 0);

    @Test
    void the_questionnaire_is_served_to_any_signed_in_role_with_its_questions_reason_and_source() {
        for (String role : List.of("employee", "hr", "admin", "content-editor")) {
            Api.as(TOKENS.issue(tenant, UUID.randomUUID().toString(), role)).get("/api/sitting-questionnaire")
                    .then().statusCode(200)
                    .header("ETag", containsString("ospaq.v1"))
                    .body("version", equalTo("ospaq.v1"))
                    .body("why", containsString("whether people sit less"))
                    .body("questions.id", contains("daysWorked", "hoursWorked", "sittingPercent", "standingPercent",
                            "walkingPercent", "heavyLabourPercent"))
                    .body("questions[1].max", equalTo(100))
                    .body("questions[1].decimals", equalTo(1))
                    .body("questions[0].max", equalTo(7))
                    .body("sharesRule", containsString("add up to 100"))
                    .body("periods", hasSize(28))
                    .body("source.citation", containsString("Chau JY"))
                    .body("source.citation", containsString("Med Sci Sports Exerc 2012;44(1):118"));
        }
        Api.anonymous().get("/api/sitting-questionnaire").then().statusCode(401);
    }

    @Test
    void a_report_stores_the_minutes_per_workday_and_publishes_one_sealed_sitting_reported_with_the_team() throws Exception {
        UUID employeeId = UUID.randomUUID();
        UUID teamId = UUID.randomUUID();
        enrol(employeeId, teamId);
        await().atMost(Duration.ofSeconds(30)).until(() -> count(
                "select count(*) from employee_team where tenant_id = ? and employee_id = ?", tenant, employeeId) == 1);
        String employee = TOKENS.issue(tenant, employeeId.toString(), "employee");

        Api.as(employee).body(OFFICE).put("/api/me/sitting-reports/baseline").then().statusCode(201)
                .header("Location", endsWith("/api/me/sitting-reports/baseline"))
                .header("ETag", notNullValue())
                .body("period", equalTo("baseline"))
                .body("questionnaireVersion", equalTo("ospaq.v1"))
                .body("answers.hoursWorked", equalTo(40.0f))
                .body("answers.sittingPercent", equalTo(70))
                // 40 h × 60 / 5 days = 480 a workday; 70 % = 336, 20 % = 96, 10 % = 48
                .body("perWorkday.minutesWorkedPerWorkday", equalTo(480))
                .body("perWorkday.sittingMinutes", equalTo(336))
                .body("perWorkday.standingMinutes", equalTo(96))
                .body("perWorkday.walkingMinutes", equalTo(48))
                .body("perWorkday.heavyLabourMinutes", equalTo(0))
                .body("corrected", equalTo(false));
        Api.as(employee).get("/api/me/sitting-reports/baseline").then().statusCode(200)
                .body("perWorkday.sittingMinutes", equalTo(336));

        ConsumerRecord<String, byte[]> record = awaitRecord(employeeId);
        assertThat(TopicReader.header(record, "ce_tenant")).isEqualTo(tenant);
        assertThat(TopicReader.header(record, "ce_subject")).isEqualTo(employeeId.toString());
        assertThat(TopicReader.header(record, "ce_source")).isEqualTo("urn:upright:assessments");
        // sealed under the employee's topic key: no field of the report readable on the topic
        String raw = new String(record.value(), StandardCharsets.UTF_8);
        // ":336" and not "336": base64 has no colon, while three digits turn up in a ciphertext by chance
        assertThat(raw).doesNotContain("sittingMinutes").doesNotContain(":336").doesNotContain(teamId.toString());
        JsonNode envelope = mapper.readTree(record.value());
        assertThat(envelope.path("sealedFor").asText()).isEqualTo(employeeId.toString());
        assertThat(envelope.path("sealed").asText()).startsWith("tk1:");

        JsonNode event = mapper.valueToTree(inbox.decode(record).payload());
        List<String> fields = new ArrayList<>();
        event.fieldNames().forEachRemaining(fields::add);
        assertThat(fields).containsExactlyInAnyOrder("employeeId", "teamId", "period", "questionnaireVersion",
                "minutesWorkedPerWorkday", "sittingMinutes", "standingMinutes", "walkingMinutes", "heavyLabourMinutes",
                "daysWorked", "reportedAt");
        assertThat(event.get("teamId").asText()).isEqualTo(teamId.toString());
        assertThat(event.get("period").asText()).isEqualTo("baseline");
        assertThat(event.get("questionnaireVersion").asText()).isEqualTo("ospaq.v1");
        assertThat(event.get("minutesWorkedPerWorkday").asInt()).isEqualTo(480);
        assertThat(event.get("sittingMinutes").asInt()).isEqualTo(336);
        assertThat(event.get("standingMinutes").asInt()).isEqualTo(96);
        assertThat(event.get("walkingMinutes").asInt()).isEqualTo(48);
        assertThat(event.get("heavyLabourMinutes").asInt()).isZero();
        assertThat(event.get("daysWorked").asInt()).isEqualTo(5);
        // the answers themselves stay here
        assertThat(event.toString()).doesNotContain("Percent").doesNotContain("hoursWorked");
        assertThat(recordsOf(employeeId)).hasSize(1);
    }

    @Test
    void shares_not_adding_up_to_100_are_a_400_naming_all_four_and_nothing_is_stored_or_published() throws Exception {
        UUID employeeId = UUID.randomUUID();
        String employee = TOKENS.issue(tenant, employeeId.toString(), "employee");
        Api.as(employee).body(answers(40, 5, 70, 20, 0, 0)).put("/api/me/sitting-reports/check-in-1").then()
                .statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("urn:upright:problem:validation"))
                .body("errors.field", contains("sittingPercent", "standingPercent", "walkingPercent", "heavyLabourPercent"))
                .body("errors[0].message", containsString("add up to 90"));

        Map<String, Object> daysWithoutHours = answers(0, 3, 70, 20, 10, 0);
        Map<String, Object> fraction = answers(40, 5, 70.5, 19.5, 10, 0);
        Map<String, Object> text = answers("forty", 5, 70, 20, 10, 0);
        Map<String, Object> missing = answers(40, null, 70, 20, 10, 0);
        Map<Map<String, Object>, List<String>> invalid = Map.of(
                answers(8, 0, 70, 20, 10, 0), List.of("daysWorked"),
                daysWithoutHours, List.of("hoursWorked"),
                fraction, List.of("sittingPercent", "standingPercent"),
                text, List.of("hoursWorked"),
                missing, List.of("daysWorked"),
                answers(40, 5, 70, 20, 10, new java.math.BigDecimal("1e309")), List.of("heavyLabourPercent"));
        invalid.forEach((body, named) -> Api.as(employee).body(body).put("/api/me/sitting-reports/check-in-1").then()
                .statusCode(400).contentType("application/problem+json")
                .body("errors.field", equalTo(named)));
        Api.as(employee).body(OFFICE).put("/api/me/sitting-reports/check-in-27").then().statusCode(400)
                .body("errors.field", contains("period"));
        Api.as(employee).body(OFFICE).put("/api/me/sitting-reports/week-3").then().statusCode(400)
                .body("errors.field", contains("period"));

        assertThat(count("select count(*) from event_store where tenant_id = ? and stream_id = ?", tenant,
                SittingReports.streamId(employeeId))).isZero();
        assertThat(count("select count(*) from outbox where tenant_id = ? and event_type = ?", tenant, REPORTED)).isZero();
        Api.as(employee).get("/api/me/sitting-reports").then().statusCode(200).body("items", hasSize(0));
    }

    @Test
    void answering_a_period_again_corrects_it_publishes_the_newest_and_the_same_answer_again_changes_nothing() throws Exception {
        UUID employeeId = UUID.randomUUID();
        String employee = TOKENS.issue(tenant, employeeId.toString(), "employee");
        String etag = Api.as(employee).body(OFFICE).put("/api/me/sitting-reports/check-in-2").then().statusCode(201)
                .extract().header("ETag");

        // 37.5 h / 5 d = 450 a workday; 50 % = 225; 35 % = 157.5 → 158; 15 % = 67.5 → 68
        Api.as(employee).header("If-Match", etag).body(answers(37.5, 5, 50, 35, 15, 0))
                .put("/api/me/sitting-reports/check-in-2").then().statusCode(200)
                .header("Location", nullValue())
                .body("corrected", equalTo(true))
                .body("answers.hoursWorked", equalTo(37.5f))
                .body("perWorkday.minutesWorkedPerWorkday", equalTo(450))
                .body("perWorkday.sittingMinutes", equalTo(225))
                .body("perWorkday.standingMinutes", equalTo(158))
                .body("perWorkday.walkingMinutes", equalTo(68));
        // a stale If-Match is refused
        Api.as(employee).header("If-Match", etag).body(OFFICE).put("/api/me/sitting-reports/check-in-2").then()
                .statusCode(412).contentType("application/problem+json");
        // the same answer again: 200, nothing recorded or published
        Api.as(employee).body(answers(37.5, 5, 50, 35, 15, 0)).put("/api/me/sitting-reports/check-in-2").then()
                .statusCode(200).body("corrected", equalTo(true));

        Api.as(employee).get("/api/me/sitting-reports").then().statusCode(200)
                .body("items", hasSize(1))
                .body("items[0].perWorkday.sittingMinutes", equalTo(225));
        assertThat(count("select count(*) from event_store where tenant_id = ? and stream_id = ?", tenant,
                SittingReports.streamId(employeeId))).isEqualTo(2);
        List<ConsumerRecord<String, byte[]>> records = TopicReader.awaitRecords(kafka, "upright.assessments",
                r -> employeeId.toString().equals(r.key()) && REPORTED.equals(TopicReader.header(r, "ce_type")), 2,
                Duration.ofSeconds(30));
        JsonNode newest = mapper.valueToTree(inbox.decode(records.get(1)).payload());
        assertThat(newest.get("sittingMinutes").asInt()).isEqualTo(225);
        assertThat(newest.get("teamId").isNull()).isTrue();
        assertThat(recordsOf(employeeId)).hasSize(2);
    }

    @Test
    void a_week_without_work_is_stored_without_minutes_and_published_with_zero_days() {
        UUID employeeId = UUID.randomUUID();
        String employee = TOKENS.issue(tenant, employeeId.toString(), "employee");
        Map<String, Object> holiday = new LinkedHashMap<>();
        holiday.put("hoursWorked", 0);
        holiday.put("daysWorked", 0);
        Api.as(employee).body(holiday).put("/api/me/sitting-reports/check-in-3").then().statusCode(201)
                .body("answers.daysWorked", equalTo(0))
                .body("answers.sittingPercent", nullValue())
                .body("perWorkday", nullValue());
        JsonNode event = mapper.valueToTree(inbox.decode(awaitRecord(employeeId)).payload());
        assertThat(event.get("daysWorked").asInt()).isZero();
        assertThat(event.get("minutesWorkedPerWorkday").asInt()).isZero();
        assertThat(event.get("sittingMinutes").asInt()).isZero();
    }

    @Test
    void the_list_is_in_period_order_with_a_sentence_comparing_the_latest_with_the_baseline() {
        String employee = TOKENS.issue(tenant, UUID.randomUUID().toString(), "employee");
        Api.as(employee).get("/api/me/sitting-reports").then().statusCode(200)
                .body("items", hasSize(0)).body("total", equalTo(0)).body("feedback", containsString("baseline"));
        // answered out of order: the list follows the periods
        Api.as(employee).body(answers(40, 5, 55, 30, 15, 0)).put("/api/me/sitting-reports/check-in-1").then().statusCode(201);
        Api.as(employee).body(OFFICE).put("/api/me/sitting-reports/baseline").then().statusCode(201);
        Api.as(employee).get("/api/me/sitting-reports").then().statusCode(200)
                .header("ETag", notNullValue())
                .body("items.period", contains("baseline", "check-in-1"))
                .body("items.perWorkday.sittingMinutes", contains(336, 264))
                .body("total", equalTo(2))
                // 336 → 264: 72 minutes less
                .body("feedback", containsString("72 minutes less"));
        Api.as(employee).body(answers(40, 5, 80, 10, 10, 0)).put("/api/me/sitting-reports/end").then().statusCode(201);
        Api.as(employee).get("/api/me/sitting-reports").then().statusCode(200)
                .body("items.period", contains("baseline", "check-in-1", "end"))
                .body("feedback", containsString("48 minutes more"))
                .body("feedback", containsString("standing up"));
        Api.as(employee).get("/api/me/sitting-reports?page=1&size=2").then().statusCode(200)
                .body("items.period", contains("end")).body("total", equalTo(3))
                .body("feedback", containsString("48 minutes more"));
    }

    @Test
    void another_employee_or_tenant_finds_nothing_and_hr_and_admins_are_turned_away() {
        String employeeId = UUID.randomUUID().toString();
        String owner = TOKENS.issue(tenant, employeeId, "employee");
        Api.as(owner).body(OFFICE).put("/api/me/sitting-reports/baseline").then().statusCode(201);

        String colleague = TOKENS.issue(tenant, UUID.randomUUID().toString(), "employee");
        String sameIdElsewhere = TOKENS.issue("globex-" + UUID.randomUUID(), employeeId, "employee");
        for (String stranger : List.of(colleague, sameIdElsewhere)) {
            Api.as(stranger).get("/api/me/sitting-reports/baseline").then().statusCode(404)
                    .contentType("application/problem+json");
            Api.as(stranger).get("/api/me/sitting-reports").then().statusCode(200).body("items", hasSize(0));
        }
        // the same id in another tenant answers for itself: its own first report, the owner's untouched
        Api.as(sameIdElsewhere).body(answers(40, 5, 50, 30, 20, 0)).put("/api/me/sitting-reports/baseline").then()
                .statusCode(201).body("corrected", equalTo(false));
        for (String role : List.of("hr", "admin")) {
            String token = TOKENS.issue(tenant, employeeId, role);
            Api.as(token).get("/api/me/sitting-reports").then().statusCode(403).contentType("application/problem+json");
            Api.as(token).get("/api/me/sitting-reports/baseline").then().statusCode(403);
            Api.as(token).body(OFFICE).put("/api/me/sitting-reports/baseline").then().statusCode(403);
        }
        Api.as(owner).get("/api/me/sitting-reports/baseline").then().statusCode(200).body("corrected", equalTo(false))
                .body("answers.sittingPercent", equalTo(70));
    }

    @Test
    void the_reports_are_in_the_employee_s_own_export_withheld_from_an_admin_and_erased_with_the_employee() throws Exception {
        UUID employeeId = UUID.randomUUID();
        String employee = TOKENS.issue(tenant, employeeId.toString(), "employee");
        String colleague = TOKENS.issue(tenant, UUID.randomUUID().toString(), "employee");
        Api.as(employee).body(OFFICE).put("/api/me/sitting-reports/baseline").then().statusCode(201);
        Api.as(colleague).body(OFFICE).put("/api/me/sitting-reports/baseline").then().statusCode(201);
        String path = "/api/personal-data-exports/" + employeeId;

        Api.as(employee).get(path).then().statusCode(200)
                .body("data.sittingReports", hasSize(1))
                .body("data.sittingReports[0].period", equalTo("baseline"))
                .body("data.sittingReports[0].answers.sittingPercent", equalTo(70))
                .body("data.sittingReports[0].perWorkday.sittingMinutes", equalTo(336));
        String onBehalf = Api.as(TOKENS.issue(tenant, "admin-1", "admin")).get(path).then().statusCode(200)
                .body("data.sittingReports", nullValue())
                .body("data.withheld.fields", hasItem("sittingReports"))
                .extract().asString();
        assertThat(onBehalf).doesNotContain("sittingPercent").doesNotContain("perWorkday");

        UUID stream = SittingReports.streamId(employeeId);
        assertThat(count("select count(*) from event_store where tenant_id = ? and stream_id = ?", tenant, stream)).isEqualTo(1);
        TopicReader.send(kafka, CloudEventRecords.record(EventCatalog.EMPLOYEE_ERASED, employeeId.toString(),
                UUID.randomUUID().toString(), employeeId.toString(), tenant, new EmployeeErased(employeeId, Instant.now())));
        await().atMost(Duration.ofSeconds(30)).until(() ->
                count("select count(*) from event_store where tenant_id = ? and stream_id = ?", tenant, stream) == 0);
        Api.as(employee).get("/api/me/sitting-reports").then().statusCode(200).body("items", hasSize(0));
        Api.as(employee).get(path).then().statusCode(200).body("data.sittingReports", hasSize(0));
        Api.as(colleague).get("/api/me/sitting-reports").then().statusCode(200).body("items", hasSize(1));
    }

    private void enrol(UUID employeeId, UUID teamId) {
        TopicReader.send(kafka, CloudEventRecords.record(EventCatalog.EMPLOYEE_ENROLLED, employeeId.toString(),
                UUID.randomUUID().toString(), employeeId.toString(), tenant,
                new EmployeeEnrolled(employeeId, teamId, "Europe/Berlin", "09:00", "17:00", false, Instant.now())));
    }

    private ConsumerRecord<String, byte[]> awaitRecord(UUID employeeId) {
        return TopicReader.awaitRecord(kafka, "upright.assessments",
                r -> employeeId.toString().equals(r.key()) && REPORTED.equals(TopicReader.header(r, "ce_type")),
                Duration.ofSeconds(30));
    }

    /** Every SittingReported of the employee on the topic, once the topic has been quiet for a moment. */
    private List<ConsumerRecord<String, byte[]>> recordsOf(UUID employeeId) {
        return TopicReader.readAll(kafka, "upright.assessments", Duration.ofSeconds(2)).stream()
                .filter(r -> employeeId.toString().equals(r.key()) && REPORTED.equals(TopicReader.header(r, "ce_type")))
                .toList();
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
