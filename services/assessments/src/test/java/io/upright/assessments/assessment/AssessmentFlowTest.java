package io.upright.assessments.assessment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.upright.assessments.AnswerSets;
import io.upright.localinfra.DevTokens;
import io.upright.platform.inbox.Inbox;
import io.upright.testsupport.kafka.TopicReader;
import io.upright.testsupport.quarkus.UprightTestInfrastructure;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

@QuarkusTest
@WithTestResource(value = UprightTestInfrastructure.class, initArgs = {
        @ResourceArg(name = "database", value = "assessments"),
        @ResourceArg(name = "topics", value = "upright.programs,upright.assessments,upright.insights,upright.assessments.dlq")})
class AssessmentFlowTest {

    private static final DevTokens TOKENS = DevTokens.forTests();
    @Inject
    Inbox inbox;

    @Inject
    ObjectMapper mapper;


    private final String tenant = "acme-" + UUID.randomUUID();
    private final String employeeId = UUID.randomUUID().toString();
    private final String employee = TOKENS.issue(tenant, employeeId, "employee");

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String kafka;

    @Test
    void start_save_partially_submit_publishes_a_completed_event_without_answers() throws Exception {
        String location = given().auth().oauth2(employee).contentType("application/json")
                .body(Map.of("templateId", "workstation-basics"))
                .post("/api/assessments")
                .then().statusCode(201).header("ETag", notNullValue())
                .body("status", equalTo("IN_PROGRESS")).body("templateVersion", equalTo(3))
                .extract().header("Location");
        String id = location.substring(location.lastIndexOf('/') + 1);

        ConsumerRecord<String, byte[]> started = TopicReader.awaitRecord(kafka, "upright.assessments",
                r -> employeeId.equals(r.key()) && "upright.assessments.assessment-started.v1".equals(TopicReader.header(r, "ce_type")),
                Duration.ofSeconds(30));
        assertThat(TopicReader.header(started, "ce_subject")).isEqualTo(id);

        Map<String, Object> answers = AnswerSets.healthy();
        answers.put("screenAtEyeLevel", false);
        answers.put("hoursSittingPerDay", 9);
        answers.put("discomfortWhenWalkingOrStanding", 6);
        answers.put("discomfortWhenSitting", 7);
        Map<String, Object> firstHalf = new HashMap<>();
        Map<String, Object> secondHalf = new HashMap<>();
        answers.forEach((k, v) -> (firstHalf.size() < 6 ? firstHalf : secondHalf).put(k, v));

        given().auth().oauth2(employee).contentType("application/json").body(Map.of("answers", firstHalf))
                .put(location + "/answers").then().statusCode(200).body("status", equalTo("IN_PROGRESS"));
        given().auth().oauth2(employee).post(location + "/submission")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors", hasSize(secondHalf.size()));
        given().auth().oauth2(employee).contentType("application/json").body(Map.of("answers", secondHalf))
                .put(location + "/answers").then().statusCode(200);

        given().auth().oauth2(employee).post(location + "/submission")
                .then().statusCode(200)
                .body("status", equalTo("SUBMITTED"))
                .body("result.riskLevel", equalTo("HIGH"))
                .body("result.clinicalReview", equalTo(false))
                .body("result.clinicianAdvice", nullValue())
                .body("result.findings.code", contains("MONITOR_TOO_LOW", "PROLONGED_SITTING",
                        "HIP_FLEXOR_TIGHTNESS_RISK", "LOW_BACK_DISCOMFORT"))
                .body("result.findings[0].explanation", notNullValue())
                .body("result.findings[0].action", notNullValue());

        ConsumerRecord<String, byte[]> completed = TopicReader.awaitRecord(kafka, "upright.assessments",
                r -> employeeId.equals(r.key()) && "upright.assessments.assessment-completed.v1".equals(TopicReader.header(r, "ce_type")),
                Duration.ofSeconds(30));
        assertThat(TopicReader.header(completed, "ce_tenant")).isEqualTo(tenant);
        assertThat(TopicReader.header(completed, "ce_source")).isEqualTo("urn:upright:assessments");
        assertThat(TopicReader.header(completed, "ce_subject")).isEqualTo(id);
        // as a consumer reads it: on the topic the body is sealed under the employee's topic key
        JsonNode json = opened(completed);
        String body = json.toString();
        List<String> fields = new java.util.ArrayList<>();
        json.fieldNames().forEachRemaining(fields::add);
        assertThat(fields).containsExactlyInAnyOrder("assessmentId", "employeeId", "teamId", "templateId",
                "templateVersion", "method", "score", "riskLevel", "findingCodes", "clinicalReview", "completedAt",
                "precautions");
        assertThat(body).doesNotContain("answers").doesNotContain("discomfort").doesNotContain("hoursSitting");
        assertThat(json.get("method").asText()).isEqualTo("WORKSTATION_BASICS");
        assertThat(json.get("riskLevel").asText()).isEqualTo("HIGH");
        assertThat(json.get("score").asInt()).isEqualTo(11);
        assertThat(json.get("clinicalReview").asBoolean()).isFalse();
        assertThat(json.get("teamId").isNull()).as("no EmployeeEnrolled seen for this employee").isTrue();

        given().auth().oauth2(employee).get(location).then().statusCode(200)
                .body("answers.hoursSittingPerDay", equalTo(9))
                .body("result.score", equalTo(11));
        given().auth().oauth2(employee).get("/api/me/assessments").then().statusCode(200)
                .body("total", equalTo(1))
                .body("items[0].id", equalTo(id))
                .body("items[0].riskLevel", equalTo("HIGH"));
    }

    @Test
    void a_red_flag_asks_for_clinical_review_with_advice() {
        String location = start(employee);
        Map<String, Object> answers = AnswerSets.healthy();
        answers.put("legNumbnessOrTingling", true);
        given().auth().oauth2(employee).contentType("application/json").body(Map.of("answers", answers))
                .put(location + "/answers").then().statusCode(200);

        given().auth().oauth2(employee).post(location + "/submission").then().statusCode(200)
                .body("result.clinicalReview", equalTo(true))
                .body("result.clinicianAdvice", notNullValue())
                .body("result.findings.code", contains("RED_FLAG_SEEK_CLINICIAN"));
        given().auth().oauth2(employee).post(location + "/submission")
                .then().statusCode(409).contentType("application/problem+json");
    }

    @Test
    void invalid_answers_are_named_as_answers_dot_question_id() {
        String location = start(employee);
        given().auth().oauth2(employee).contentType("application/json")
                .body(Map.of("answers", Map.of("seatHeight", 42, "hoursSittingPerDay", 20, "chairType", "beanbag")))
                .put(location + "/answers")
                .then().statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("urn:upright:problem:validation"))
                .body("errors.field", containsInAnyOrder("answers.seatHeight", "answers.hoursSittingPerDay", "answers.chairType"));
        given().auth().oauth2(employee).contentType("application/json").body("{}")
                .put(location + "/answers").then().statusCode(400).body("errors.field", hasItems("answers"));
        given().auth().oauth2(employee).contentType("application/json").body(Map.of("templateId", "no-such-template"))
                .post("/api/assessments").then().statusCode(400).body("errors.field", hasItems("templateId"));
    }

    @Test
    void a_stale_if_match_is_412() {
        String location = start(employee);
        String etag = given().auth().oauth2(employee).get(location).then().statusCode(200).extract().header("ETag");
        given().auth().oauth2(employee).contentType("application/json").header("If-Match", etag)
                .body(Map.of("answers", Map.of("feetFlatOnFloor", true))).put(location + "/answers")
                .then().statusCode(200);
        given().auth().oauth2(employee).contentType("application/json").header("If-Match", etag)
                .body(Map.of("answers", Map.of("feetFlatOnFloor", false))).put(location + "/answers")
                .then().statusCode(412).contentType("application/problem+json");
    }

    @Test
    void another_employee_or_tenant_gets_404_and_hr_gets_403() {
        String location = start(employee);
        String colleague = TOKENS.issue(tenant, UUID.randomUUID().toString(), "employee");
        String otherTenant = TOKENS.issue("globex-" + UUID.randomUUID(), employeeId, "employee");

        for (String stranger : new String[]{colleague, otherTenant}) {
            given().auth().oauth2(stranger).get(location).then().statusCode(404).contentType("application/problem+json");
            given().auth().oauth2(stranger).contentType("application/json")
                    .body(Map.of("answers", Map.of("feetFlatOnFloor", true))).put(location + "/answers")
                    .then().statusCode(404);
            given().auth().oauth2(stranger).post(location + "/submission").then().statusCode(404);
            given().auth().oauth2(stranger).get("/api/me/assessments").then().statusCode(200).body("total", equalTo(0));
        }
        String hr = TOKENS.issue(tenant, "hr-1", "hr");
        given().auth().oauth2(hr).get(location).then().statusCode(403);
        given().auth().oauth2(hr).get("/api/me/assessments").then().statusCode(403);
    }

    @Test
    void hr_and_admins_read_the_templates_they_plan_campaigns_on_and_other_roles_are_refused() {
        for (String role : List.of("hr", "admin")) {
            String staff = TOKENS.issue(tenant, role + "-1", role);
            given().auth().oauth2(staff).get("/api/checklist-templates").then().statusCode(200)
                    .body("id", hasItems("workstation-basics", "rosa"));
            given().auth().oauth2(staff).get("/api/checklist-templates/rosa").then().statusCode(200);
        }
        given().auth().oauth2(TOKENS.issue(tenant, "ops-1", "operator")).get("/api/checklist-templates").then().statusCode(403);
    }

    @Test
    void templates_are_listed_and_readable_by_version() {
        given().auth().oauth2(employee).get("/api/checklist-templates").then().statusCode(200)
                .body("id", hasItems("workstation-basics"))
                .body("find { it.id == 'workstation-basics' }.version", equalTo(3));
        given().auth().oauth2(employee).get("/api/checklist-templates/workstation-basics").then().statusCode(200)
                .header("ETag", equalTo("\"3\""))
                .body("questions", hasSize(29))
                .body("questions.find { it.id == 'chairType' }.answerType", equalTo("single-choice"))
                .body("questions.find { it.id == 'hoursSittingPerDay' }.max", equalTo(16))
                .body("questions.find { it.id == 'legNumbnessOrTingling' }.redFlag", equalTo(true));
        given().auth().oauth2(employee).get("/api/checklist-templates/workstation-basics/versions/1").then().statusCode(200)
                .body("version", equalTo(1)).body("questions", hasSize(12));
        given().auth().oauth2(employee).get("/api/checklist-templates/workstation-basics/versions/7").then().statusCode(404);
        given().auth().oauth2(employee).get("/api/checklist-templates/nope").then().statusCode(404);
        given().get("/q/openapi?format=json").then().statusCode(200)
                .body("paths.keySet()", hasItems("/api/checklist-templates", "/api/assessments/{id}/answers",
                        "/api/assessments/{id}/submission", "/api/me/assessments"));
    }

    private static String start(String token) {
        return given().auth().oauth2(token).contentType("application/json")
                .body(Map.of("templateId", "workstation-basics"))
                .post("/api/assessments").then().statusCode(201).extract().header("Location");
    }

    /** The record as a consumer reads it: its payload travels sealed under the employee's topic key. */
    private JsonNode opened(ConsumerRecord<String, byte[]> record) {
        return mapper.valueToTree(inbox.decode(record).payload());
    }
}
