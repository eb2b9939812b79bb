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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.notNullValue;

@QuarkusTest
@WithTestResource(value = UprightTestInfrastructure.class, initArgs = {
        @ResourceArg(name = "database", value = "assessments"),
        @ResourceArg(name = "topics", value = "upright.programs,upright.assessments,upright.insights,upright.assessments.dlq")})
class RosaAssessmentFlowTest {

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
    void a_rosa_assessment_scores_the_hand_worked_act_now_case_and_publishes_method_rosa() throws Exception {
        given().auth().oauth2(employee).get("/api/checklist-templates").then().statusCode(200)
                .body("id", hasItems("rosa", "workstation-basics"));

        String location = given().auth().oauth2(employee).contentType("application/json")
                .body(Map.of("templateId", "rosa"))
                .post("/api/assessments")
                .then().statusCode(201).body("templateId", equalTo("rosa")).body("templateVersion", equalTo(3))
                .extract().header("Location");
        String id = location.substring(location.lastIndexOf('/') + 1);

        given().auth().oauth2(employee).contentType("application/json").body(Map.of("answers", Map.of("seatHeight", "tall")))
                .put(location + "/answers").then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", contains("answers.seatHeight"));

        // final ROSA score 5: derivation step by step in RosaScoringTest.the_act_now_case_scores_5_high_...
        given().auth().oauth2(employee).contentType("application/json").body(Map.of("answers", AnswerSets.rosaActNow()))
                .put(location + "/answers").then().statusCode(200);
        given().auth().oauth2(employee).post(location + "/submission")
                .then().statusCode(200)
                .body("status", equalTo("SUBMITTED"))
                .body("result.score", equalTo(5))
                .body("result.maxScore", equalTo(10))
                .body("result.riskLevel", equalTo("HIGH"))
                .body("result.clinicalReview", equalTo(false))
                .body("result.findings.code", contains("ROSA_ACT_NOW", "CHAIR_SEAT_HEIGHT", "CHAIR_PAN_DEPTH",
                        "CHAIR_ARMRESTS", "NO_LUMBAR_SUPPORT", "MONITOR_POSITION", "TELEPHONE_POSTURE", "MOUSE_POSITION",
                        "PROLONGED_SITTING"))
                .body("result.findings[0].explanation", notNullValue())
                .body("result.findings[0].action", notNullValue());

        ConsumerRecord<String, byte[]> completed = TopicReader.awaitRecord(kafka, "upright.assessments",
                r -> employeeId.equals(r.key()) && "upright.assessments.assessment-completed.v1".equals(TopicReader.header(r, "ce_type")),
                Duration.ofSeconds(30));
        assertThat(TopicReader.header(completed, "ce_subject")).isEqualTo(id);
        // as a consumer reads it: on the topic the body is sealed under the employee's topic key
        JsonNode json = opened(completed);
        String body = json.toString();
        assertThat(json.get("method").asText()).isEqualTo("ROSA");
        assertThat(json.get("templateId").asText()).isEqualTo("rosa");
        assertThat(json.get("score").asInt()).isEqualTo(5);
        assertThat(json.get("riskLevel").asText()).isEqualTo("HIGH");
        List<String> codes = new ArrayList<>();
        json.get("findingCodes").forEach(c -> codes.add(c.asText()));
        assertThat(codes).containsExactly("ROSA_ACT_NOW", "CHAIR_SEAT_HEIGHT", "CHAIR_PAN_DEPTH", "CHAIR_ARMRESTS",
                "NO_LUMBAR_SUPPORT", "MONITOR_POSITION", "TELEPHONE_POSTURE", "MOUSE_POSITION", "PROLONGED_SITTING");
        assertThat(body).doesNotContain("seatHeight").doesNotContain("too-low");
    }

    /** The record as a consumer reads it: its payload travels sealed under the employee's topic key. */
    private JsonNode opened(ConsumerRecord<String, byte[]> record) {
        return mapper.valueToTree(inbox.decode(record).payload());
    }
}
