package io.upright.assessments.clearance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import io.upright.assessments.AnswerSets;
import io.upright.contracts.EventCatalog;
import io.upright.contracts.programs.EmployeeErased;
import io.upright.localinfra.CloudEventRecords;
import io.upright.localinfra.DevTokens;
import io.upright.platform.inbox.Inbox;
import io.upright.testsupport.http.Api;
import io.upright.testsupport.kafka.TopicReader;
import io.upright.testsupport.quarkus.UprightTestInfrastructure;
import io.upright.testsupport.time.AdjustableClock;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

/**
 * The version 3 safety screen and clinical clearance through the API and on the real upright.assessments topic:
 * the urgency reaches the employee only, a clearance is published as ClearedByClinician, and the note stays here.
 */
@QuarkusTest
@WithTestResource(value = UprightTestInfrastructure.class, initArgs = {
        @ResourceArg(name = "database", value = "assessments"),
        @ResourceArg(name = "topics", value = "upright.programs,upright.assessments,upright.insights,upright.assessments.dlq")})
class ClinicalClearanceFlowTest {

    private static final DevTokens TOKENS = DevTokens.forTests();
    private static final String COMPLETED = "upright.assessments.assessment-completed.v1";
    private static final String CLEARED = "upright.assessments.cleared-by-clinician.v1";

    @Inject
    Inbox inbox;

    @Inject
    ObjectMapper mapper;

    @Inject
    DataSource dataSource;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String kafka;

    private final String tenant = "acme-" + UUID.randomUUID();

    private static LocalDate today() {
        return LocalDate.now(ZoneOffset.UTC);
    }

    @Test
    void emergency_answers_pause_exercise_with_clinical_review_on_the_topic_and_only_the_employee_sees_the_urgency() {
        String employeeId = UUID.randomUUID().toString();
        String employee = TOKENS.issue(tenant, employeeId, "employee");
        Map<String, Object> answers = AnswerSets.healthy();
        answers.put("saddleNumbness", true);
        answers.put("takesBloodThinners", true);
        String id = submit(employee, "workstation-basics", answers);

        given().auth().oauth2(employee).get("/api/me/assessments/latest").then().statusCode(200)
                .body("assessmentId", equalTo(id))
                .body("templateVersion", equalTo(3))
                .body("result.clinicalReview", equalTo(true))
                .body("result.urgency", equalTo("EMERGENCY"))
                .body("result.urgencyAdvice", containsString("emergency"))
                .body("result.precautions", contains("anticoagulants"))
                .body("result.findings.code", contains("RED_FLAG_SEEK_CLINICIAN"));
        given().auth().oauth2(employee).get("/api/me/clinical-status").then().statusCode(200)
                .body("status", equalTo("PAUSED"))
                .body("assessmentId", equalTo(id))
                .body("urgency", equalTo("EMERGENCY"))
                .body("advice", containsString("today"));

        JsonNode event = opened(await(COMPLETED, employeeId, id));
        List<String> fields = new ArrayList<>();
        event.fieldNames().forEachRemaining(fields::add);
        assertThat(fields).containsExactlyInAnyOrder("assessmentId", "employeeId", "teamId", "templateId",
                "templateVersion", "method", "score", "riskLevel", "findingCodes", "clinicalReview", "completedAt",
                "precautions");
        assertThat(event.get("clinicalReview").asBoolean()).isTrue();
        assertThat(event.get("precautions").get(0).asText()).isEqualTo("anticoagulants");
        assertThat(event.get("findingCodes")).hasSize(1);
        // the urgency and the symptom behind it stay inside this service
        assertThat(event.toString()).doesNotContainIgnoringCase("urgency").doesNotContain("EMERGENCY")
                .doesNotContain("saddle").doesNotContain("BloodThinners");
    }

    @Test
    void precautions_alone_go_on_the_topic_without_pausing_exercise() {
        String employeeId = UUID.randomUUID().toString();
        String employee = TOKENS.issue(tenant, employeeId, "employee");
        Map<String, Object> answers = AnswerSets.rosaNeutral();
        answers.put("legPainWhenWalkingEasedBySitting", true);
        answers.put("pregnant", true);
        String id = submit(employee, "rosa", answers);

        JsonNode event = opened(await(COMPLETED, employeeId, id));
        assertThat(event.get("clinicalReview").asBoolean()).isFalse();
        assertThat(event.get("precautions").toString()).isEqualTo("[\"stenosis-symptoms\",\"pregnancy\"]");
        given().auth().oauth2(employee).get("/api/me/clinical-status").then().statusCode(200)
                .body("status", equalTo("NONE")).body("urgency", nullValue());
    }

    @Test
    void a_declared_clearance_is_published_a_later_flag_pauses_again_and_an_assessment_without_one_ends_it() {
        String employeeId = UUID.randomUUID().toString();
        String employee = TOKENS.issue(tenant, employeeId, "employee");
        String flagged = submit(employee, "workstation-basics", flagged("painAtNightOrAtRest"));
        given().auth().oauth2(employee).get("/api/me/clinical-status").then().statusCode(200)
                .body("status", equalTo("PAUSED")).body("urgency", equalTo("SEE_CLINICIAN_FIRST"));

        String note = "Seen by my GP on Tuesday, no restrictions";
        given().auth().oauth2(employee).contentType("application/json")
                .body(Map.of("clearedOn", today().toString(), "note", note))
                .post("/api/me/clinical-clearance").then().statusCode(201)
                .header("Location", endsWith("/api/me/clinical-status"))
                .body("status", equalTo("CLEARED"))
                .body("assessmentId", equalTo(flagged))
                .body("clearedOn", equalTo(today().toString()))
                .body("rescreenBy", equalTo(today().plusWeeks(12).toString()))
                .body("rescreenDue", equalTo(false));
        given().auth().oauth2(employee).get("/api/me/clinical-status").then().statusCode(200)
                .body("status", equalTo("CLEARED")).body("rescreenBy", equalTo(today().plusWeeks(12).toString()));

        ConsumerRecord<String, byte[]> record = await(CLEARED, employeeId, null);
        assertThat(TopicReader.header(record, "ce_tenant")).isEqualTo(tenant);
        assertThat(TopicReader.header(record, "ce_source")).isEqualTo("urn:upright:assessments");
        JsonNode cleared = opened(record);
        List<String> fields = new ArrayList<>();
        cleared.fieldNames().forEachRemaining(fields::add);
        assertThat(fields).containsExactlyInAnyOrder("clearanceId", "employeeId", "assessmentId", "clearedOn",
                "rescreenBy", "declaredAt");
        assertThat(cleared.get("assessmentId").asText()).isEqualTo(flagged);
        assertThat(cleared.get("clearedOn").asText()).isEqualTo(today().toString());
        assertThat(cleared.get("rescreenBy").asText()).isEqualTo(today().plusWeeks(12).toString());
        assertThat(TopicReader.header(record, "ce_subject")).isEqualTo(cleared.get("clearanceId").asText());
        assertThat(cleared.toString()).doesNotContain("GP").doesNotContain("note");

        // the same assessment cannot be cleared twice
        clear(employee, Map.of("clearedOn", today().toString())).then().statusCode(409)
                .contentType("application/problem+json").body("type", equalTo("urn:upright:problem:not-paused"));

        String again = submit(employee, "rosa", flaggedRosa("symptomsInBothLegs"));
        given().auth().oauth2(employee).get("/api/me/clinical-status").then().statusCode(200)
                .body("status", equalTo("PAUSED")).body("assessmentId", equalTo(again)).body("urgency", equalTo("EMERGENCY"));
        clear(employee, Map.of("clearedOn", today().toString())).then().statusCode(201)
                .body("status", equalTo("CLEARED")).body("assessmentId", equalTo(again));

        submit(employee, "workstation-basics", AnswerSets.healthy());
        given().auth().oauth2(employee).get("/api/me/clinical-status").then().statusCode(200)
                .body("status", equalTo("NONE")).body("clearedOn", nullValue());
        clear(employee, Map.of("clearedOn", today().toString())).then().statusCode(409);
    }

    @Test
    void a_retried_clearance_with_the_same_idempotency_key_answers_the_same_and_is_published_once() {
        String employeeId = UUID.randomUUID().toString();
        String employee = TOKENS.issue(tenant, employeeId, "employee");
        submit(employee, "workstation-basics", flagged("unexplainedWeightLoss"));
        Map<String, Object> body = Map.of("clearedOn", today().toString());
        String assessmentId = given().auth().oauth2(employee).contentType("application/json")
                .header("Idempotency-Key", "clear-1").body(body).post("/api/me/clinical-clearance").then().statusCode(201)
                .extract().path("assessmentId");
        given().auth().oauth2(employee).contentType("application/json").header("Idempotency-Key", "clear-1")
                .body(body).post("/api/me/clinical-clearance").then().statusCode(201)
                .header("Idempotent-Replayed", "true")
                .body("status", equalTo("CLEARED")).body("assessmentId", equalTo(assessmentId))
                .body("clearedOn", equalTo(today().toString()));
        given().auth().oauth2(employee).contentType("application/json").header("Idempotency-Key", "clear-1")
                .body(Map.of("clearedOn", today().minusDays(1).toString())).post("/api/me/clinical-clearance")
                .then().statusCode(422);
        assertThat(countOutbox(CLEARED)).isEqualTo(1);
        await(CLEARED, employeeId, null);
    }

    @Test
    void the_rescreen_becomes_due_twelve_weeks_after_the_clearance_day() {
        // a fixed day far from the real one, so nothing depends on when the test runs
        LocalDate day = LocalDate.of(2030, 3, 12);
        AdjustableClock clock = AdjustableClock.atNoon(day);
        QuarkusMock.installMockForType(clock, Clock.class);
        String employee = TOKENS.issue(tenant, UUID.randomUUID().toString(), "employee");
        submit(employee, "rosa", flaggedRosa("progressiveLegWeakness"));
        // at noon UTC it is already tomorrow in the easternmost zones, so only the day after is in the future
        clear(employee, Map.of("clearedOn", day.plusDays(2).toString())).then().statusCode(400)
                .body("errors.field", contains("clearedOn"));
        clear(employee, Map.of("clearedOn", day.toString())).then().statusCode(201)
                .body("rescreenBy", equalTo("2030-06-04")).body("rescreenDue", equalTo(false));

        clock.set(LocalDate.of(2030, 6, 3).atTime(23, 59).toInstant(ZoneOffset.UTC));
        given().auth().oauth2(employee).get("/api/me/clinical-status").then().statusCode(200)
                .body("status", equalTo("CLEARED")).body("rescreenDue", equalTo(false));
        clock.advance(Duration.ofMinutes(1));
        given().auth().oauth2(employee).get("/api/me/clinical-status").then().statusCode(200)
                .body("status", equalTo("CLEARED")).body("rescreenDue", equalTo(true));
    }

    @Test
    void an_invalid_clearance_is_a_400_problem_naming_the_field_and_changes_nothing() {
        String employee = TOKENS.issue(tenant, UUID.randomUUID().toString(), "employee");
        submit(employee, "workstation-basics", flagged("historyOfCancer"));

        Map<Map<String, Object>, String> invalid = Map.of(
                Map.of("note", "no date"), "clearedOn",
                Map.of("clearedOn", today().plusDays(2).toString()), "clearedOn",
                Map.of("clearedOn", today().minusDays(3).toString()), "clearedOn",
                Map.of("clearedOn", "05/12/2026"), "clearedOn",
                Map.of("clearedOn", today().toString(), "note", "x".repeat(501)), "note");
        invalid.forEach((body, field) -> clear(employee, body).then().statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:upright:problem:validation"))
                .body("errors.field", contains(field)));
        given().auth().oauth2(employee).get("/api/me/clinical-status").then().statusCode(200)
                .body("status", equalTo("PAUSED"));
    }

    @Test
    void nothing_paused_is_a_409_without_an_assessment_or_after_one_without_a_warning_sign() {
        String employee = TOKENS.issue(tenant, UUID.randomUUID().toString(), "employee");
        given().auth().oauth2(employee).get("/api/me/clinical-status").then().statusCode(200)
                .body("status", equalTo("NONE"));
        clear(employee, Map.of("clearedOn", today().toString())).then().statusCode(409)
                .contentType("application/problem+json").body("type", equalTo("urn:upright:problem:not-paused"));
        submit(employee, "rosa", AnswerSets.rosaNeutral());
        clear(employee, Map.of("clearedOn", today().toString())).then().statusCode(409);
    }

    @Test
    void another_tenant_s_employee_with_the_same_id_sees_nothing_paused_and_cannot_clear_it() {
        String employeeId = UUID.randomUUID().toString();
        String owner = TOKENS.issue(tenant, employeeId, "employee");
        String stranger = TOKENS.issue("globex-" + UUID.randomUUID(), employeeId, "employee");
        submit(owner, "workstation-basics", flagged("saddleNumbness"));

        given().auth().oauth2(stranger).get("/api/me/clinical-status").then().statusCode(200)
                .body("status", equalTo("NONE")).body("assessmentId", nullValue()).body("urgency", nullValue());
        clear(stranger, Map.of("clearedOn", today().toString())).then().statusCode(409);
        given().auth().oauth2(owner).get("/api/me/clinical-status").then().statusCode(200)
                .body("status", equalTo("PAUSED"));
        String hr = TOKENS.issue(tenant, "hr-1", "hr");
        given().auth().oauth2(hr).get("/api/me/clinical-status").then().statusCode(403);
        clear(hr, Map.of("clearedOn", today().toString())).then().statusCode(403);
    }

    @Test
    void the_note_is_in_the_employee_s_own_export_withheld_from_an_admin_and_erased_with_the_employee() throws Exception {
        UUID employeeId = UUID.randomUUID();
        String employee = TOKENS.issue(tenant, employeeId.toString(), "employee");
        submit(employee, "rosa", flaggedRosa("feverWithBackPain"));
        String note = "Physio said fine, keep it gentle";
        clear(employee, Map.of("clearedOn", today().toString(), "note", note)).then().statusCode(201);
        String path = "/api/personal-data-exports/" + employeeId;

        Api.as(employee).get(path).then().statusCode(200)
                .body("data.clinicalClearances", hasSize(1))
                .body("data.clinicalClearances[0].note", equalTo(note))
                .body("data.clinicalClearances[0].clearedOn", equalTo(today().toString()));
        String onBehalf = Api.as(TOKENS.issue(tenant, "admin-1", "admin")).get(path).then().statusCode(200)
                .body("data.clinicalClearances", nullValue())
                .body("data.withheld.fields", hasItem("clinicalClearances"))
                .extract().asString();
        assertThat(onBehalf).doesNotContain(note).doesNotContain("clearedOn");

        UUID stream = ClinicalClearances.streamId(employeeId);
        assertThat(count(stream)).isEqualTo(1);
        TopicReader.send(kafka, CloudEventRecords.record(EventCatalog.EMPLOYEE_ERASED, employeeId.toString(),
                UUID.randomUUID().toString(), employeeId.toString(), tenant, new EmployeeErased(employeeId, Instant.now())));
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> count(stream) == 0);
        Api.as(employee).get(path).then().statusCode(200).body("data.clinicalClearances", hasSize(0));
        given().auth().oauth2(employee).get("/api/me/clinical-status").then().statusCode(200)
                .body("status", equalTo("NONE"));
    }

    private static Map<String, Object> flagged(String sign) {
        Map<String, Object> answers = AnswerSets.healthy();
        answers.put(sign, true);
        return answers;
    }

    private static Map<String, Object> flaggedRosa(String sign) {
        Map<String, Object> answers = AnswerSets.rosaNeutral();
        answers.put(sign, true);
        return answers;
    }

    private static io.restassured.response.Response clear(String token, Map<String, Object> body) {
        return given().auth().oauth2(token).contentType("application/json").body(body).post("/api/me/clinical-clearance");
    }

    /** Starts, answers and submits an assessment on the latest version of the template. */
    private static String submit(String token, String templateId, Map<String, Object> answers) {
        String location = given().auth().oauth2(token).contentType("application/json")
                .body(Map.of("templateId", templateId)).post("/api/assessments")
                .then().statusCode(201).extract().header("Location");
        given().auth().oauth2(token).contentType("application/json").body(Map.of("answers", answers))
                .put(location + "/answers").then().statusCode(200);
        given().auth().oauth2(token).post(location + "/submission").then().statusCode(200);
        return location.substring(location.lastIndexOf('/') + 1);
    }

    private ConsumerRecord<String, byte[]> await(String type, String employeeId, String subject) {
        return TopicReader.awaitRecord(kafka, "upright.assessments",
                r -> employeeId.equals(r.key()) && type.equals(TopicReader.header(r, "ce_type"))
                        && (subject == null || subject.equals(TopicReader.header(r, "ce_subject"))),
                Duration.ofSeconds(30));
    }

    /** The record as a consumer reads it: its payload travels sealed under the employee's topic key. */
    private JsonNode opened(ConsumerRecord<String, byte[]> record) {
        return mapper.valueToTree(inbox.decode(record).payload());
    }

    private int countOutbox(String eventType) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "select count(*) from outbox where tenant_id = ? and event_type = ?")) {
            ps.setString(1, tenant);
            ps.setString(2, eventType);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private int count(UUID streamId) throws Exception {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "select count(*) from event_store where tenant_id = ? and stream_id = ?")) {
            ps.setString(1, tenant);
            ps.setObject(2, streamId);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }
}
