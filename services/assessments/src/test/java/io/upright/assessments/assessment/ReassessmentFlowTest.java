package io.upright.assessments.assessment;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.upright.assessments.AnswerSets;
import io.upright.localinfra.DevTokens;
import io.upright.testsupport.quarkus.UprightTestInfrastructure;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static io.upright.assessments.assessment.RedFlagFlowTest.submit;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

/** Re-assessment delta, my latest result and my trend, end to end. */
@QuarkusTest
@WithTestResource(value = UprightTestInfrastructure.class, initArgs = {
        @ResourceArg(name = "database", value = "assessments"),
        @ResourceArg(name = "topics", value = "upright.programs,upright.assessments,upright.insights,upright.assessments.dlq")})
class ReassessmentFlowTest {

    private static final DevTokens TOKENS = DevTokens.forTests();

    private final String tenant = "acme-" + UUID.randomUUID();
    private final String employee = TOKENS.issue(tenant, UUID.randomUUID().toString(), "employee");

    @Test
    void a_rosa_re_assessment_links_to_the_previous_one_with_the_delta_and_shows_in_latest_and_trend() {
        given().auth().oauth2(employee).get("/api/me/assessments/latest").then().statusCode(404)
                .contentType("application/problem+json");
        given().auth().oauth2(employee).get("/api/me/assessments/trend?templateId=rosa").then().statusCode(200)
                .body("total", equalTo(0));

        // first: the hand-worked act-now case, chair 5 / monitor-telephone 4 / mouse-keyboard 5, final 5
        String first = submit(employee, "rosa", AnswerSets.rosaActNow());
        given().auth().oauth2(employee).get("/api/assessments/" + first).then().statusCode(200)
                .body("result.sectionScores.chair", equalTo(5))
                .body("result.sectionScores.'monitor-telephone'", equalTo(4))
                .body("result.sectionScores.'mouse-keyboard'", equalTo(5))
                .body("result.previousAssessmentId", nullValue())
                .body("result.delta", nullValue());

        // a workstation-basics assessment in between is another template: it is not compared with rosa
        String other = submit(employee, "workstation-basics", AnswerSets.healthy());
        given().auth().oauth2(employee).get("/api/assessments/" + other).then().statusCode(200)
                .body("result.delta", nullValue())
                .body("result.sectionScores.setup", equalTo(0));

        // second: the chair fixed (neutral, 1-4 h) and the phone on a headset; screen and mouse as before.
        // Chair 2; Chart B(telephone 1, monitor 4) = 3; Chart C(mouse 5, keyboard 2) = 5; D(3,5) = 5; final(2,5) = 5.
        Map<String, Object> better = AnswerSets.rosaActNow();
        Map<String, Object> neutral = AnswerSets.rosaNeutral();
        for (String chairQuestion : new String[] {"seatHeight", "seatHeightNotAdjustable", "seatPanDepth", "armrests",
                "armrestsHardOrDamaged", "backSupport", "chairDuration", "telephoneNeckAndShoulder"}) {
            better.put(chairQuestion, neutral.get(chairQuestion));
        }
        String second = submit(employee, "rosa", better);

        given().auth().oauth2(employee).get("/api/assessments/" + second).then().statusCode(200)
                .body("result.score", equalTo(5))
                .body("result.previousAssessmentId", equalTo(first))
                .body("result.delta.previousAssessmentId", equalTo(first))
                .body("result.delta.previousScore", equalTo(5))
                .body("result.delta.scoreChange", equalTo(0))
                .body("result.delta.sections.section", contains("chair", "monitor-telephone", "mouse-keyboard"))
                .body("result.delta.sections.previous", contains(5, 4, 5))
                .body("result.delta.sections.current", contains(2, 3, 5))
                .body("result.delta.sections.change", contains(-3, -1, 0))
                .body("result.delta.resolvedFindings", contains("CHAIR_SEAT_HEIGHT", "CHAIR_PAN_DEPTH",
                        "CHAIR_ARMRESTS", "NO_LUMBAR_SUPPORT", "TELEPHONE_POSTURE", "PROLONGED_SITTING"))
                .body("result.delta.newFindings", empty());

        // third: everything neutral -> final 2: compared with the second, not the first
        String third = submit(employee, "rosa", AnswerSets.rosaNeutral());
        given().auth().oauth2(employee).get("/api/me/assessments/latest").then().statusCode(200)
                .body("assessmentId", equalTo(third))
                .body("templateId", equalTo("rosa"))
                .body("templateVersion", equalTo(3))
                .body("submittedAt", notNullValue())
                .body("$", not(hasKey("answers")))
                .body("result.score", equalTo(2))
                .body("result.riskLevel", equalTo("LOW"))
                .body("result.previousAssessmentId", equalTo(second))
                .body("result.delta.scoreChange", equalTo(-3))
                .body("result.delta.resolvedFindings", contains("ROSA_ACT_NOW", "MONITOR_POSITION", "MOUSE_POSITION"));
        given().auth().oauth2(employee).get("/api/me/assessments/latest?templateId=workstation-basics").then()
                .statusCode(200).body("assessmentId", equalTo(other)).body("result.findings", empty());

        given().auth().oauth2(employee).get("/api/me/assessments/trend?templateId=rosa").then().statusCode(200)
                .body("total", equalTo(3))
                .body("items.assessmentId", contains(first, second, third))
                .body("items.score", contains(5, 5, 2))
                .body("items.riskLevel", contains("HIGH", "HIGH", "LOW"))
                .body("items.maxScore", contains(10, 10, 10))
                .body("items[0].submittedAt", notNullValue());
        given().auth().oauth2(employee).get("/api/me/assessments/trend?templateId=rosa&page=1&size=2").then()
                .statusCode(200).body("items.assessmentId", contains(third)).body("total", equalTo(3));
        given().auth().oauth2(employee).get("/api/me/assessments/trend?templateId=workstation-basics").then()
                .statusCode(200).body("items.assessmentId", contains(other)).body("items[0].maxScore", equalTo(20));
    }

    @Test
    void trend_and_latest_validate_the_template_id_and_hr_gets_403_on_every_me_url() {
        given().auth().oauth2(employee).get("/api/me/assessments/trend").then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", hasItems("templateId"));
        given().auth().oauth2(employee).get("/api/me/assessments/trend?templateId=nope").then().statusCode(400)
                .body("errors.field", hasItems("templateId"));
        given().auth().oauth2(employee).get("/api/me/assessments/latest?templateId=nope").then().statusCode(400)
                .body("errors.field", hasItems("templateId"));
        given().auth().oauth2(employee).get("/api/me/assessments/trend?templateId=rosa&size=201").then().statusCode(400);

        for (String role : new String[] {"hr", "admin"}) {
            String token = TOKENS.issue(tenant, UUID.randomUUID().toString(), role);
            for (String url : new String[] {"/api/me/assessments", "/api/me/assessments/latest",
                    "/api/me/assessments/trend?templateId=rosa"}) {
                given().auth().oauth2(token).get(url).then().statusCode(403).contentType("application/problem+json");
            }
        }
        given().get("/q/openapi?format=json").then().statusCode(200)
                .body("paths.keySet()", hasItems("/api/me/assessments/latest", "/api/me/assessments/trend"));
    }
}
