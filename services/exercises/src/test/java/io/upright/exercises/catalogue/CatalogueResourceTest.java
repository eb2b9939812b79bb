package io.upright.exercises.catalogue;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.upright.testsupport.infra.DevTokens;
import io.upright.testsupport.quarkus.UprightTestInfrastructure;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;

@QuarkusTest
@WithTestResource(value = UprightTestInfrastructure.class, initArgs = {
        @ResourceArg(name = "database", value = "exercises"),
        @ResourceArg(name = "topics", value = "upright.assessments,upright.exercises,upright.exercises.dlq")})
class CatalogueResourceTest {

    private static final DevTokens TOKENS = DevTokens.forTests();
    private final String employee = TOKENS.issue("acme", UUID.randomUUID().toString(), "employee");

    @Test
    void every_signed_in_role_can_browse_the_catalogue_and_anonymous_callers_cannot() {
        for (String role : new String[]{"employee", "hr", "admin", "content-editor"}) {
            given().auth().oauth2(TOKENS.issue("acme", "someone", role)).get("/api/exercises")
                    .then().statusCode(200).body("total", equalTo(10));
        }
        given().get("/api/exercises").then().statusCode(401);
        given().get("/api/routines").then().statusCode(401);
    }

    @Test
    void exercises_are_paged_ordered_by_title_and_filterable() {
        given().auth().oauth2(employee).get("/api/exercises?page=0&size=3").then().statusCode(200)
                .body("items", hasSize(3)).body("total", equalTo(10)).body("size", equalTo(3))
                .body("items[0].title", equalTo("Bird-dog"));
        given().auth().oauth2(employee).get("/api/exercises?page=3&size=3").then().statusCode(200)
                .body("items", hasSize(1));
        given().auth().oauth2(employee).get("/api/exercises?bodyArea=hips&deskFriendly=true").then().statusCode(200)
                .body("items.deskFriendly", everyItem(equalTo(true)))
                .body("items.id", hasItem("standing-hip-flexor-stretch"))
                .body("items.id", not(hasItem("half-kneeling-hip-flexor-stretch")));
        given().auth().oauth2(employee).get("/api/exercises?position=lying").then().statusCode(200)
                .body("total", equalTo(2));
        given().auth().oauth2(employee).get("/api/exercises?position=flying").then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", hasItem("position"));
        given().auth().oauth2(employee).get("/api/exercises?size=500").then().statusCode(400);
    }

    @Test
    void one_exercise_and_routines_with_computed_durations_are_readable() {
        given().auth().oauth2(employee).get("/api/exercises/psoas-iliacus-release").then().statusCode(200)
                .body("position", equalTo("lying"))
                .body("contraindications", not(hasSize(0)))
                .body("steps", not(hasSize(0)));
        given().auth().oauth2(employee).get("/api/exercises/moonwalk").then().statusCode(404)
                .contentType("application/problem+json");
        given().auth().oauth2(employee).get("/api/routines").then().statusCode(200)
                .body("total", equalTo(4))
                .body("items.find { it.id == 'walking-break' }.durationSeconds", equalTo(450));
        given().auth().oauth2(employee).get("/api/routines/hip-flexor-reset").then().statusCode(200)
                .body("durationSeconds", equalTo(480))
                .body("durationMinutes", equalTo(8))
                .body("exercises", hasSize(4))
                .body("exercises[0].id", equalTo("standing-hip-flexor-stretch"));
        given().auth().oauth2(employee).get("/api/routines/nope").then().statusCode(404);
    }

    @Test
    void the_openapi_document_describes_every_endpoint() {
        given().get("/q/openapi?format=json").then().statusCode(200)
                .body("paths.keySet()", org.hamcrest.Matchers.hasItems("/api/exercises", "/api/exercises/{id}",
                        "/api/routines", "/api/routines/{id}", "/api/me/recommendation", "/api/me/exercise-sessions"));
    }
}
