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
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;

/** The version 2 safety screen of both templates, through the API and on the real upright.assessments topic. */
@QuarkusTest
@WithTestResource(value = UprightTestInfrastructure.class, initArgs = {
        @ResourceArg(name = "database", value = "assessments"),
        @ResourceArg(name = "topics", value = "upright.programs,upright.assessments,upright.insights,upright.assessments.dlq")})
class RedFlagFlowTest {

    private static final DevTokens TOKENS = DevTokens.forTests();
    @Inject
    Inbox inbox;

    @Inject
    ObjectMapper mapper;


    private final String tenant = "acme-" + UUID.randomUUID();

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String kafka;

    @Test
    void both_templates_serve_a_version_3_safety_section_of_red_flag_questions() {
        String employee = TOKENS.issue(tenant, UUID.randomUUID().toString(), "employee");
        for (String template : new String[] {"rosa", "workstation-basics"}) {
            given().auth().oauth2(employee).get("/api/checklist-templates/" + template).then().statusCode(200)
                    .header("ETag", equalTo("\"3\""))
                    .body("sections.id", hasItems("safety"))
                    .body("questions.findAll { it.redFlag == true }.id", contains("legNumbnessOrTingling",
                            "painRadiatesDownLeg", "painAtNightOrAtRest", "recentFallOrBackInjury", "unexplainedLegWeakness",
                            "saddleNumbness", "newBladderBowelOrSexualProblems", "symptomsInBothLegs",
                            "progressiveLegWeakness", "feverWithBackPain", "unexplainedWeightLoss", "historyOfCancer",
                            "weakenedImmuneSystem", "osteoporosisOrLongTermSteroids"))
                    .body("questions.findAll { it.redFlag == true }.answerType", hasItems("boolean"));
        }
        given().auth().oauth2(employee).get("/api/checklist-templates/rosa/versions/1").then().statusCode(200)
                .body("questions.findAll { it.redFlag == true }", hasSize(0));
    }

    @Test
    void a_rosa_v2_red_flag_advises_a_clinician_keeps_the_rosa_score_and_publishes_clinical_review() throws Exception {
        String employeeId = UUID.randomUUID().toString();
        String employee = TOKENS.issue(tenant, employeeId, "employee");
        Map<String, Object> answers = AnswerSets.rosaActNow();
        answers.put("painRadiatesDownLeg", true);
        String id = submit(employee, "rosa", answers);

        given().auth().oauth2(employee).get("/api/assessments/" + id).then().statusCode(200)
                .body("templateVersion", equalTo(3))
                .body("result.score", equalTo(5))
                .body("result.riskLevel", equalTo("HIGH"))
                .body("result.clinicalReview", equalTo(true))
                .body("result.clinicianAdvice", containsString("clinician"))
                .body("result.findings[0].code", equalTo("RED_FLAG_SEEK_CLINICIAN"))
                .body("result.findings[0].action", containsString("doctor or a physical therapist"));

        JsonNode event = completed(employeeId, id);
        assertThat(event.get("method").asText()).isEqualTo("ROSA");
        assertThat(event.get("templateVersion").asInt()).isEqualTo(3);
        assertThat(event.get("clinicalReview").asBoolean()).isTrue();
        assertThat(event.get("findingCodes").get(0).asText()).isEqualTo("RED_FLAG_SEEK_CLINICIAN");
        assertThat(event.get("score").asInt()).isEqualTo(5);
        // which red flag it was stays inside this service
        assertThat(event.toString()).doesNotContain("painRadiatesDownLeg").doesNotContain("safety");
    }

    @Test
    void each_workstation_basics_v2_red_flag_alone_asks_for_clinical_review_on_the_topic() throws Exception {
        for (String flag : new String[] {"legNumbnessOrTingling", "painAtNightOrAtRest", "recentFallOrBackInjury",
                "unexplainedLegWeakness", "painRadiatesDownLeg"}) {
            String employeeId = UUID.randomUUID().toString();
            String employee = TOKENS.issue(tenant, employeeId, "employee");
            Map<String, Object> answers = AnswerSets.healthy();
            answers.put(flag, true);
            String id = submit(employee, "workstation-basics", answers);

            given().auth().oauth2(employee).get("/api/me/assessments/latest").then().statusCode(200)
                    .body("assessmentId", equalTo(id))
                    .body("result.clinicalReview", equalTo(true))
                    .body("result.findings.code", contains("RED_FLAG_SEEK_CLINICIAN"))
                    .body("result.score", equalTo(0));
            JsonNode event = completed(employeeId, id);
            assertThat(event.get("clinicalReview").asBoolean()).as(flag).isTrue();
            assertThat(event.get("findingCodes")).as(flag).hasSize(1);
            assertThat(event.toString()).as(flag).doesNotContain(flag);
        }
    }

    @Test
    void no_red_flag_means_no_clinical_review() throws Exception {
        String employeeId = UUID.randomUUID().toString();
        String employee = TOKENS.issue(tenant, employeeId, "employee");
        String id = submit(employee, "rosa", AnswerSets.rosaNeutral());
        given().auth().oauth2(employee).get("/api/assessments/" + id).then().statusCode(200)
                .body("result.clinicalReview", equalTo(false))
                .body("result.clinicianAdvice", equalTo(null));
        assertThat(completed(employeeId, id).get("clinicalReview").asBoolean()).isFalse();
    }

    static String submit(String token, String templateId, Map<String, Object> answers) {
        String location = given().auth().oauth2(token).contentType("application/json")
                .body(Map.of("templateId", templateId)).post("/api/assessments")
                .then().statusCode(201).extract().header("Location");
        given().auth().oauth2(token).contentType("application/json").body(Map.of("answers", answers))
                .put(location + "/answers").then().statusCode(200);
        given().auth().oauth2(token).post(location + "/submission").then().statusCode(200);
        return location.substring(location.lastIndexOf('/') + 1);
    }

    private JsonNode completed(String employeeId, String assessmentId) throws Exception {
        ConsumerRecord<String, byte[]> record = TopicReader.awaitRecord(kafka, "upright.assessments",
                r -> employeeId.equals(r.key())
                        && "upright.assessments.assessment-completed.v1".equals(TopicReader.header(r, "ce_type"))
                        && assessmentId.equals(TopicReader.header(r, "ce_subject")),
                Duration.ofSeconds(30));
        return opened(record);
    }

    /** The record as a consumer reads it: its payload travels sealed under the employee's topic key. */
    private JsonNode opened(ConsumerRecord<String, byte[]> record) {
        return mapper.valueToTree(inbox.decode(record).payload());
    }
}
