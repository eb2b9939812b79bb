package io.upright.assessments.assessment;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.upright.assessments.AnswerSets;
import io.upright.localinfra.DevTokens;
import io.upright.testsupport.quarkus.UprightTestInfrastructure;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/**
 * Another tenant's employee, even one with the very same employee id (token sub), gets 404 from every URL that
 * names an assessment and empty collections from every /api/me URL. The sweep is checked against the OpenAPI
 * document, so a new assessment URL fails here until it is added to the sweep.
 */
@QuarkusTest
@WithTestResource(value = UprightTestInfrastructure.class, initArgs = {
        @ResourceArg(name = "database", value = "assessments"),
        @ResourceArg(name = "topics", value = "upright.programs,upright.assessments,upright.insights,upright.assessments.dlq")})
class TenantIsolationFlowTest {

    private static final DevTokens TOKENS = DevTokens.forTests();

    /** Every assessment URL (OpenAPI path + method) and how the sweep below covers it. */
    private static final Set<String> SWEPT = Set.of(
            "POST /api/assessments",                    // creates in the caller's own tenant; checked via /api/me
            "GET /api/assessments/{id}",
            "PUT /api/assessments/{id}/answers",
            "POST /api/assessments/{id}/submission",
            "GET /api/me/assessments",
            "GET /api/me/assessments/latest",
            "GET /api/me/assessments/trend",
            // swept by ClinicalClearanceFlowTest.another_tenant_s_employee_with_the_same_id_sees_nothing_paused_...
            "GET /api/me/clinical-status",
            "POST /api/me/clinical-clearance",
            // swept by sitting.SittingReportFlowTest.another_employee_or_tenant_finds_nothing_and_hr_and_admins_...
            "GET /api/me/sitting-reports",
            "GET /api/me/sitting-reports/{period}",
            "PUT /api/me/sitting-reports/{period}",
            // the platform's: answers the caller's own token and reads nothing stored (identity.IdentityResourceTest)
            "GET /api/me/identity");

    @Test
    void another_tenants_employee_with_the_same_id_gets_404_for_every_assessment_and_empty_lists() {
        String employeeId = UUID.randomUUID().toString();
        String owner = TOKENS.issue("acme-" + UUID.randomUUID(), employeeId, "employee");
        String stranger = TOKENS.issue("globex-" + UUID.randomUUID(), employeeId, "employee");

        String submitted = RedFlagFlowTest.submit(owner, "rosa", AnswerSets.rosaActNow());
        String inProgress = given().auth().oauth2(owner).contentType("application/json")
                .body(Map.of("templateId", "workstation-basics")).post("/api/assessments")
                .then().statusCode(201).extract().header("Location");
        inProgress = inProgress.substring(inProgress.lastIndexOf('/') + 1);
        given().auth().oauth2(owner).contentType("application/json")
                .body(Map.of("answers", Map.of("feetFlatOnFloor", true))).put("/api/assessments/" + inProgress + "/answers")
                .then().statusCode(200);
        String ownerEtag = given().auth().oauth2(owner).get("/api/assessments/" + inProgress).then().statusCode(200)
                .extract().header("ETag");

        for (String id : List.of(submitted, inProgress, UUID.randomUUID().toString())) {
            String url = "/api/assessments/" + id;
            notFound(given().auth().oauth2(stranger).get(url));
            notFound(given().auth().oauth2(stranger).contentType("application/json")
                    .body(Map.of("answers", Map.of("feetFlatOnFloor", false))).put(url + "/answers"));
            notFound(given().auth().oauth2(stranger).contentType("application/json").header("If-Match", "\"1\"")
                    .body(Map.of("answers", Map.of("feetFlatOnFloor", false))).put(url + "/answers"));
            notFound(given().auth().oauth2(stranger).post(url + "/submission"));
            notFound(given().auth().oauth2(stranger).header("If-Match", "\"1\"").post(url + "/submission"));
        }
        given().auth().oauth2(stranger).get("/api/me/assessments").then().statusCode(200)
                .body("total", equalTo(0)).body("items.size()", equalTo(0));
        notFound(given().auth().oauth2(stranger).get("/api/me/assessments/latest"));
        notFound(given().auth().oauth2(stranger).get("/api/me/assessments/latest?templateId=rosa"));
        for (String template : new String[] {"rosa", "workstation-basics"}) {
            given().auth().oauth2(stranger).get("/api/me/assessments/trend?templateId=" + template).then().statusCode(200)
                    .body("total", equalTo(0)).body("items.size()", equalTo(0));
        }

        // the stranger's own assessment lives in their tenant only
        String theirs = RedFlagFlowTest.submit(stranger, "rosa", AnswerSets.rosaNeutral());
        given().auth().oauth2(stranger).get("/api/me/assessments").then().body("total", equalTo(1))
                .body("items[0].id", equalTo(theirs));
        given().auth().oauth2(stranger).get("/api/me/assessments/latest").then().statusCode(200)
                .body("assessmentId", equalTo(theirs)).body("result.delta", equalTo(null));
        notFound(given().auth().oauth2(owner).get("/api/assessments/" + theirs));

        // and nothing the stranger tried changed the owner's assessments
        given().auth().oauth2(owner).get("/api/assessments/" + inProgress).then().statusCode(200)
                .header("ETag", ownerEtag).body("answers.feetFlatOnFloor", equalTo(true)).body("status", equalTo("IN_PROGRESS"));
        given().auth().oauth2(owner).get("/api/me/assessments").then().body("total", equalTo(2));
        given().auth().oauth2(owner).get("/api/me/assessments/trend?templateId=rosa").then().body("total", equalTo(1));
    }

    @Test
    void the_sweep_covers_every_assessment_url_in_the_openapi_document() {
        Map<String, Map<String, Object>> paths = given().get("/q/openapi?format=json").then().statusCode(200)
                .extract().jsonPath().getMap("paths");
        Set<String> operations = new TreeSet<>();
        paths.forEach((path, methods) -> {
            if (path.startsWith("/api/assessments") || path.startsWith("/api/me/")) {
                methods.keySet().stream().filter(m -> !m.equals("parameters"))
                        .forEach(m -> operations.add(m.toUpperCase() + " " + path));
            }
        });
        assertThat(operations).isEqualTo(new TreeSet<>(SWEPT));
    }

    private static void notFound(Response response) {
        response.then().statusCode(404).contentType("application/problem+json");
    }
}
