package io.upright.exercises.recommendation;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.upright.contracts.programs.EmployeeErased;
import io.upright.exercises.AssessmentRecords;
import io.upright.localinfra.CloudEventRecords;
import io.upright.localinfra.DevTokens;
import io.upright.testsupport.http.Api;
import io.upright.testsupport.kafka.TopicReader;
import io.upright.testsupport.quarkus.UprightTestInfrastructure;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.upright.contracts.assessments.FindingCodes.PROLONGED_SITTING;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

/**
 * The readiness screen before vigorous exercise and the confirmation of release techniques, through the API on the
 * real database: a walking progression waits on walking-break-10 until the screen is all "no".
 */
@QuarkusTest
@WithTestResource(value = UprightTestInfrastructure.class, initArgs = {
        @ResourceArg(name = "database", value = "exercises"),
        @ResourceArg(name = "topics", value = "upright.assessments,upright.programs,upright.reminders,upright.exercises,upright.exercises.dlq")})
class ReadinessFlowTest {

    private static final DevTokens TOKENS = DevTokens.forTests();

    private final String tenant = "acme-" + UUID.randomUUID();

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String kafka;

    private static Map<String, Object> answers(boolean chestPain) {
        Map<String, Object> answers = new LinkedHashMap<>();
        answers.put("heartConditionOrHighBloodPressure", false);
        answers.put("chestPain", chestPain);
        answers.put("dizzinessOrFainting", false);
        answers.put("otherChronicCondition", false);
        answers.put("chronicConditionMedication", false);
        answers.put("boneJointOrSoftTissueProblem", false);
        answers.put("medicallySupervisedActivityOnly", false);
        return answers;
    }

    /** Six comfortable sessions of the routine spanning eight days: tolerance says move up. */
    private void toleratedWell(String token, String routineId) {
        Instant now = Instant.now();
        for (int day : new int[] {9, 7, 5, 3, 2, 1}) {
            Api.as(token).body(Map.of("routineId", routineId, "minutes", 8, "feltRating", 4,
                            "completedAt", now.minus(Duration.ofDays(day)).toString()))
                    .post("/api/me/exercise-sessions").then().statusCode(201);
        }
    }

    private String routineOf(String token) {
        return Api.as(token).get("/api/me/recommendation").then().statusCode(200).extract().path("routine.id");
    }

    @Test
    void interval_walking_waits_for_an_all_no_readiness_screen_and_a_yes_keeps_it_off() {
        UUID employee = UUID.randomUUID();
        String token = TOKENS.issue(tenant, employee.toString(), "employee");
        TopicReader.send(kafka, AssessmentRecords.completed(UUID.randomUUID().toString(), tenant, employee.toString(),
                UUID.randomUUID(), employee, List.of(PROLONGED_SITTING), false));
        await().atMost(Duration.ofSeconds(30)).until(() -> Api.as(token).get("/api/me/recommendation").statusCode() == 200);
        org.assertj.core.api.Assertions.assertThat(routineOf(token)).isEqualTo("walking-break");
        toleratedWell(token, "walking-break");
        org.assertj.core.api.Assertions.assertThat(routineOf(token)).isEqualTo("walking-break-10");

        // walking-break-10 tolerated well too, but interval walking is vigorous and nobody has screened yet
        toleratedWell(token, "walking-break-10");
        Api.as(token).get("/api/me/recommendation").then().statusCode(200)
                .body("routine.id", equalTo("walking-break-10"))
                .body("message", containsString("readiness questions"));
        Api.as(token).get("/api/me/readiness").then().statusCode(200)
                .body("status", equalTo("NOT_ANSWERED")).body("vigorousExerciseAllowed", equalTo(false))
                .body("answers", nullValue());

        // a missing answer names its field; nothing is kept
        Map<String, Object> incomplete = answers(false);
        incomplete.remove("dizzinessOrFainting");
        Api.as(token).body(incomplete).put("/api/me/readiness").then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("dizzinessOrFainting"));

        // a yes keeps vigorous exercise off and asks for a clinician
        Api.as(token).body(answers(true)).put("/api/me/readiness").then().statusCode(200)
                .body("status", equalTo("SOME_YES")).body("vigorousExerciseAllowed", equalTo(false))
                .body("answers.chestPain", equalTo(true));
        Api.as(token).get("/api/me/recommendation").then().statusCode(200)
                .body("routine.id", equalTo("walking-break-10"))
                .body("message", containsString("before vigorous exercise"));

        // all no: the re-check advances the progression that was held back
        Api.as(token).body(answers(false)).put("/api/me/readiness").then().statusCode(200)
                .body("status", equalTo("ALL_NO")).body("vigorousExerciseAllowed", equalTo(true));
        Api.as(token).get("/api/me/recommendation").then().statusCode(200)
                .body("routine.id", equalTo("interval-walking-break"))
                .body("message", not(containsString("readiness")));

        // a later yes takes them back to the easier step
        Api.as(token).body(answers(true)).put("/api/me/readiness").then().statusCode(200);
        org.assertj.core.api.Assertions.assertThat(routineOf(token)).isEqualTo("walking-break-10");

        // another tenant's token for the same person id sees nothing
        String elsewhere = TOKENS.issue("globex-" + UUID.randomUUID(), employee.toString(), "employee");
        Api.as(elsewhere).get("/api/me/readiness").then().statusCode(200).body("status", equalTo("NOT_ANSWERED"));
        Api.as(TOKENS.issue(tenant, "hr-1", "hr")).get("/api/me/readiness").then().statusCode(403);
    }

    @Test
    void release_techniques_are_confirmed_per_technique_exported_as_health_data_and_erased() {
        UUID employee = UUID.randomUUID();
        String token = TOKENS.issue(tenant, employee.toString(), "employee");
        Api.as(token).body(Map.of("exerciseId", "glute-bridge", "basis", "READ_SAFETY_NOTE"))
                .post("/api/me/technique-confirmations").then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", hasItem("exerciseId"));
        Api.as(token).body(Map.of("exerciseId", "psoas-iliacus-release", "basis", "MY_FRIEND"))
                .post("/api/me/technique-confirmations").then().statusCode(400)
                .body("errors.field", hasItem("basis"));
        Api.as(token).body(Map.of("exerciseId", "psoas-iliacus-release", "basis", "SHOWN_BY_PHYSIOTHERAPIST"))
                .post("/api/me/technique-confirmations").then().statusCode(201)
                .header("Location", containsString("/api/me/technique-confirmations/psoas-iliacus-release"))
                .body("basis", equalTo("SHOWN_BY_PHYSIOTHERAPIST"));
        Api.as(token).get("/api/me/technique-confirmations").then().statusCode(200)
                .body("total", equalTo(1)).body("items[0].exerciseId", equalTo("psoas-iliacus-release"));
        Api.as(token).get("/api/me/technique-confirmations/iliacus-release-with-tool").then().statusCode(404);
        Api.as(token).body(answers(false)).put("/api/me/readiness").then().statusCode(200);
        Api.as(TOKENS.issue("globex-" + UUID.randomUUID(), employee.toString(), "employee"))
                .get("/api/me/technique-confirmations").then().statusCode(200).body("total", equalTo(0));

        String path = "/api/personal-data-exports/" + employee;
        Api.as(token).get(path).then().statusCode(200)
                .body("data.readiness.size()", equalTo(2))
                .body("data.readiness.exerciseId", hasItem("psoas-iliacus-release"));
        Api.as(TOKENS.issue(tenant, "admin-1", "admin")).get(path).then().statusCode(200)
                .body("data.readiness", nullValue())
                .body("data.withheld.fields", hasItem("readiness"));

        TopicReader.send(kafka, CloudEventRecords.record(tenant, UUID.randomUUID().toString(),
                new EmployeeErased(employee, Instant.now())));
        await().atMost(Duration.ofSeconds(30)).until(() ->
                Api.as(token).get(path).then().extract().path("data.readiness.size()").equals(0));
        Api.as(token).get("/api/me/readiness").then().body("status", equalTo("NOT_ANSWERED"));
        Api.as(token).get("/api/me/technique-confirmations").then().body("total", equalTo(0));
    }
}
