package io.upright.exercises.recommendation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.upright.exercises.AssessmentRecords;
import io.upright.localinfra.DevTokens;
import io.upright.platform.inbox.Inbox;
import io.upright.testsupport.kafka.TopicReader;
import io.upright.testsupport.quarkus.UprightTestInfrastructure;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static io.upright.contracts.assessments.FindingCodes.HIP_FLEXOR_TIGHTNESS_RISK;
import static io.upright.contracts.assessments.FindingCodes.LOW_BACK_DISCOMFORT;
import static io.upright.contracts.assessments.FindingCodes.MONITOR_TOO_LOW;
import static io.upright.contracts.assessments.FindingCodes.PROLONGED_SITTING;
import static io.upright.contracts.assessments.FindingCodes.RED_FLAG_SEEK_CLINICIAN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;

@QuarkusTest
@WithTestResource(value = UprightTestInfrastructure.class, initArgs = {
        @ResourceArg(name = "database", value = "exercises"),
        @ResourceArg(name = "topics", value = "upright.assessments,upright.programs,upright.reminders,upright.exercises,upright.exercises.dlq")})
class RecommendationFlowTest {

    private static final DevTokens TOKENS = DevTokens.forTests();
    @Inject
    Inbox inbox;

    @Inject
    ObjectMapper mapper;

    private static final String RECOMMENDED = "upright.exercises.routine-recommended.v1";

    private final String tenant = "acme-" + UUID.randomUUID();

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String kafka;

    @Test
    void an_assessment_delivered_twice_gives_one_routine_recommendation_readable_by_the_employee() throws Exception {
        UUID employee = UUID.randomUUID();
        UUID assessment = UUID.randomUUID();
        String ceId = UUID.randomUUID().toString();
        String key = employee.toString();
        List<String> findings = List.of(MONITOR_TOO_LOW, PROLONGED_SITTING, HIP_FLEXOR_TIGHTNESS_RISK);
        TopicReader.send(kafka, AssessmentRecords.completed(ceId, tenant, key, assessment, employee, findings, false));
        TopicReader.send(kafka, AssessmentRecords.completed(ceId, tenant, key, assessment, employee, findings, false));
        // a marker behind both copies on the same partition: once its recommendation is out, both were handled
        UUID markerEmployee = UUID.randomUUID();
        TopicReader.send(kafka, AssessmentRecords.completed(UUID.randomUUID().toString(), tenant, key,
                UUID.randomUUID(), markerEmployee, List.of(), false));
        TopicReader.awaitRecord(kafka, "upright.exercises",
                r -> markerEmployee.toString().equals(r.key()) && RECOMMENDED.equals(TopicReader.header(r, "ce_type")),
                Duration.ofSeconds(30));

        List<ConsumerRecord<String, byte[]>> mine = TopicReader.readAll(kafka, "upright.exercises", Duration.ofSeconds(2))
                .stream().filter(r -> key.equals(r.key()) && RECOMMENDED.equals(TopicReader.header(r, "ce_type"))).toList();
        assertThat(mine).hasSize(1);
        ConsumerRecord<String, byte[]> record = mine.get(0);
        assertThat(TopicReader.header(record, "ce_tenant")).isEqualTo(tenant);
        assertThat(TopicReader.header(record, "ce_source")).isEqualTo("urn:upright:exercises");
        JsonNode body = opened(record);
        assertThat(body.get("routineId").asText()).isEqualTo("hip-flexor-reset");
        assertThat(body.get("routineTitle").asText()).isEqualTo("Hip-flexor reset");
        assertThat(body.get("durationMinutes").asInt()).isEqualTo(8);
        assertThat(body.get("assessmentId").asText()).isEqualTo(assessment.toString());
        assertThat(body.get("withheldForClinicalReview").asBoolean()).isFalse();

        String token = TOKENS.issue(tenant, employee.toString(), "employee");
        given().auth().oauth2(token).get("/api/me/recommendation").then().statusCode(200)
                .header("ETag", notNullValue())
                .body("assessmentId", equalTo(assessment.toString()))
                .body("withheldForClinicalReview", equalTo(false))
                .body("routine.id", equalTo("hip-flexor-reset"))
                .body("routine.durationSeconds", equalTo(455))
                .body("routine.exercises.id", not(hasItems("psoas-iliacus-release")))
                .body("routine.floorOrEquipment", equalTo(false))
                .body("microBreaks.size()", greaterThanOrEqualTo(2))
                .body("reasons.findingCode", hasItems(MONITOR_TOO_LOW, PROLONGED_SITTING, HIP_FLEXOR_TIGHTNESS_RISK))
                .body("reasons.find { it.findingCode == 'MONITOR_TOO_LOW' }.sentence", containsString("eye level"));
    }

    @Test
    void a_second_check_the_same_day_keeps_the_level_six_comfortable_sessions_over_a_week_move_it_up_and_rising_discomfort_steps_back()
            throws Exception {
        UUID employee = UUID.randomUUID();
        String key = employee.toString();
        String token = TOKENS.issue(tenant, key, "employee");
        TopicReader.send(kafka, AssessmentRecords.completed(UUID.randomUUID().toString(), tenant, key,
                UUID.randomUUID(), employee, List.of(HIP_FLEXOR_TIGHTNESS_RISK), false));
        TopicReader.awaitRecord(kafka, "upright.exercises",
                r -> key.equals(r.key()) && RECOMMENDED.equals(TopicReader.header(r, "ce_type")), Duration.ofSeconds(30));
        UUID sameDay = UUID.randomUUID();
        TopicReader.send(kafka, AssessmentRecords.completed(UUID.randomUUID().toString(), tenant, key,
                sameDay, employee, List.of(HIP_FLEXOR_TIGHTNESS_RISK), false));
        await().atMost(Duration.ofSeconds(30)).until(() -> given().auth().oauth2(token).get("/api/me/recommendation")
                .jsonPath().getString("assessmentId").equals(sameDay.toString()));
        given().auth().oauth2(token).get("/api/me/recommendation").then().body("routine.id", equalTo("hip-flexor-reset"));

        java.time.Instant now = java.time.Instant.now();
        for (int day = 9; day >= 1; day -= 1) {
            if (day == 8 || day == 6 || day == 4) {
                continue;
            }
            given().auth().oauth2(token).contentType("application/json")
                    .body(java.util.Map.of("routineId", "hip-flexor-reset", "minutes", 8, "feltRating", 4, "discomfort", 2,
                            "completedAt", now.minus(Duration.ofDays(day)).toString()))
                    .post("/api/me/exercise-sessions").then().statusCode(201).body("discomfort", equalTo(2));
        }
        // the sixth session, spanning eight days, is what moves the level up: no new check is needed
        ConsumerRecord<String, byte[]> progressed = TopicReader.awaitRecord(kafka, "upright.exercises",
                r -> key.equals(r.key()) && RECOMMENDED.equals(TopicReader.header(r, "ce_type"))
                        && routineIdOf(r).equals("hip-flexor-builder"), Duration.ofSeconds(30));
        assertThat(opened(progressed).get("routineTitle").asText()).isEqualTo("Hip-flexor builder");
        given().auth().oauth2(token).get("/api/me/recommendation").then().statusCode(200)
                .body("routine.id", equalTo("hip-flexor-builder"))
                .body("routine.level", equalTo("intermediate"))
                .body("message", containsString("next step"));

        for (int discomfort : new int[] {1, 6}) {
            given().auth().oauth2(token).contentType("application/json")
                    .body(java.util.Map.of("routineId", "hip-flexor-builder", "minutes", 8, "feltRating", 3,
                            "discomfort", discomfort))
                    .post("/api/me/exercise-sessions").then().statusCode(201);
        }
        TopicReader.awaitRecord(kafka, "upright.exercises",
                r -> key.equals(r.key()) && RECOMMENDED.equals(TopicReader.header(r, "ce_type"))
                        && routineIdOf(r).equals("hip-flexor-reset") && r.offset() > progressed.offset(), Duration.ofSeconds(30));
        given().auth().oauth2(token).get("/api/me/recommendation").then().statusCode(200)
                .body("routine.id", equalTo("hip-flexor-reset"));
    }

    private String routineIdOf(ConsumerRecord<String, byte[]> record) {
        return opened(record).path("routineId").asText("");
    }

    @Test
    void clinical_review_withholds_the_routine_and_says_exercises_are_paused() throws Exception {
        UUID employee = UUID.randomUUID();
        TopicReader.send(kafka, AssessmentRecords.completed(UUID.randomUUID().toString(), tenant, employee.toString(),
                UUID.randomUUID(), employee, List.of(RED_FLAG_SEEK_CLINICIAN, LOW_BACK_DISCOMFORT), true));

        ConsumerRecord<String, byte[]> record = TopicReader.awaitRecord(kafka, "upright.exercises",
                r -> employee.toString().equals(r.key()) && RECOMMENDED.equals(TopicReader.header(r, "ce_type")),
                Duration.ofSeconds(30));
        JsonNode body = opened(record);
        assertThat(body.get("withheldForClinicalReview").asBoolean()).isTrue();
        assertThat(body.get("routineId").isNull()).isTrue();
        assertThat(body.get("routineTitle").isNull()).isTrue();
        assertThat(body.get("durationMinutes").isNull()).isTrue();

        given().auth().oauth2(TOKENS.issue(tenant, employee.toString(), "employee")).get("/api/me/recommendation")
                .then().statusCode(200)
                .body("withheldForClinicalReview", equalTo(true))
                .body("routine", nullValue())
                .body("message", containsString("paused"))
                .body("message", containsString("clinician"));
    }

    @Test
    void nobody_else_sees_an_employees_recommendation() throws Exception {
        UUID employee = UUID.randomUUID();
        TopicReader.send(kafka, AssessmentRecords.completed(UUID.randomUUID().toString(), tenant, employee.toString(),
                UUID.randomUUID(), employee, List.of(MONITOR_TOO_LOW), false));
        String owner = TOKENS.issue(tenant, employee.toString(), "employee");
        await().atMost(Duration.ofSeconds(30)).until(() ->
                given().auth().oauth2(owner).get("/api/me/recommendation").statusCode() == 200);

        given().auth().oauth2(TOKENS.issue(tenant, UUID.randomUUID().toString(), "employee"))
                .get("/api/me/recommendation").then().statusCode(404).contentType("application/problem+json");
        given().auth().oauth2(TOKENS.issue("globex-" + UUID.randomUUID(), employee.toString(), "employee"))
                .get("/api/me/recommendation").then().statusCode(404).contentType("application/problem+json");
        given().auth().oauth2(TOKENS.issue(tenant, "hr-1", "hr"))
                .get("/api/me/recommendation").then().statusCode(403);
    }

    @Test
    void an_unreadable_record_goes_to_the_dead_letter_topic() {
        UUID employee = UUID.randomUUID();
        var poison = AssessmentRecords.completed(UUID.randomUUID().toString(), tenant, employee.toString(),
                UUID.randomUUID(), employee, List.of(), false);
        poison.headers().remove("ce_id");
        TopicReader.send(kafka, poison);
        TopicReader.awaitRecord(kafka, "upright.exercises.dlq", r -> employee.toString().equals(r.key()), Duration.ofSeconds(30));
    }

    /** The record as a consumer reads it: its payload travels sealed under the employee's topic key. */
    private JsonNode opened(ConsumerRecord<String, byte[]> record) {
        return mapper.valueToTree(inbox.decode(record).payload());
    }
}
