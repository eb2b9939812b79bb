package io.upright.exercises.content;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.upright.exercises.TestCatalogue;
import io.upright.localinfra.DevTokens;
import io.upright.testsupport.http.Api;
import io.upright.testsupport.quarkus.UprightTestInfrastructure;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.emptyString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.lessThanOrEqualTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;

@QuarkusTest
@WithTestResource(value = UprightTestInfrastructure.class, initArgs = {
        @ResourceArg(name = "database", value = "exercises"),
        @ResourceArg(name = "topics", value = "upright.assessments,upright.programs,upright.reminders,upright.exercises,upright.exercises.dlq")})
class CatalogueResourceTest {

    private static final DevTokens TOKENS = DevTokens.forTests();
    private static final int EXERCISES = TestCatalogue.V1.exercises().size();
    private final String employee = TOKENS.issue("acme", UUID.randomUUID().toString(), "employee");

    private Response get(String path) {
        return Api.as(employee).get(path);
    }

    @Test
    void every_signed_in_role_can_browse_the_catalogue_and_anonymous_callers_cannot() {
        for (String role : new String[]{"employee", "hr", "admin", "content-editor"}) {
            Api.as(TOKENS.issue("acme", "someone", role)).get("/api/exercises")
                    .then().statusCode(200).body("total", equalTo(EXERCISES));
        }
        Api.anonymous().get("/api/exercises").then().statusCode(401);
        Api.anonymous().get("/api/exercises/glute-bridge").then().statusCode(401);
        Api.anonymous().get("/api/routines").then().statusCode(401);
    }

    @Test
    void exercises_are_paged_in_title_then_id_order_across_pages() {
        get("/api/exercises?page=0&size=3").then().statusCode(200)
                .body("items", hasSize(3)).body("total", equalTo(EXERCISES)).body("page", equalTo(0)).body("size", equalTo(3))
                .body("items[0].title", equalTo("Bird-dog"));
        int lastPage = (EXERCISES - 1) / 3;
        get("/api/exercises?page=" + lastPage + "&size=3").then().statusCode(200)
                .body("items", hasSize(EXERCISES - lastPage * 3));
        get("/api/exercises?page=" + (lastPage + 1) + "&size=3").then().statusCode(200)
                .body("items", hasSize(0)).body("total", equalTo(EXERCISES));
        // walking page by page gives every exercise once, in the same order as one big page
        List<String> paged = new ArrayList<>();
        for (int page = 0; page <= (EXERCISES - 1) / 7; page++) {
            paged.addAll(get("/api/exercises?size=7&page=" + page).then().extract().jsonPath().getList("items.id", String.class));
        }
        List<String> all = get("/api/exercises?size=200").then().statusCode(200).extract().jsonPath().getList("items.id", String.class);
        assertThat(paged).isEqualTo(all).doesNotHaveDuplicates().hasSize(EXERCISES);
        List<String> titles = get("/api/exercises?size=200").then().extract().jsonPath().getList("items.title", String.class);
        assertThat(titles).isSorted();
    }

    @Test
    void paging_bounds_are_enforced_and_the_problem_names_the_parameter() {
        get("/api/exercises?size=201").then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", contains("size"));
        get("/api/exercises?size=0").then().statusCode(400).body("errors.field", contains("size"));
        get("/api/exercises?page=-1").then().statusCode(400).body("errors.field", contains("page"));
        get("/api/routines?size=500").then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", contains("size"));
        get("/api/exercises?size=200").then().statusCode(200).body("size", equalTo(200));
    }

    @Test
    void exercises_filter_by_body_area() {
        get("/api/exercises?bodyArea=hamstrings&size=200").then().statusCode(200)
                .body("items.bodyAreas", everyItem(hasItem("hamstrings")))
                .body("items.id", hasItems("seated-hamstring-stretch", "glute-bridge"))
                .body("items.id", not(hasItem("posture-reset")));
    }

    @Test
    void exercises_filter_by_position() {
        get("/api/exercises?position=floor&size=200").then().statusCode(200)
                .body("items.position", everyItem(equalTo("floor")))
                .body("items.id", hasItems("psoas-iliacus-release", "glute-bridge", "bird-dog"));
        get("/api/exercises?position=seated&size=200").then().statusCode(200)
                .body("items.position", everyItem(equalTo("seated")))
                .body("items.id", hasItem("posture-reset"));
    }

    @Test
    void exercises_filter_by_equipment_including_none() {
        get("/api/exercises?equipment=hip-release-tool").then().statusCode(200)
                .body("items.id", containsInAnyOrder("iliacus-release-with-tool", "psoas-iliacus-release"));
        get("/api/exercises?equipment=wall&size=200").then().statusCode(200)
                .body("items.equipment", everyItem(hasItem("wall"))).body("total", greaterThanOrEqualTo(2));
        get("/api/exercises?equipment=none&size=200").then().statusCode(200)
                .body("items.equipment", everyItem(hasSize(0)))
                .body("items.id", hasItem("standing-hip-flexor-stretch"))
                .body("items.id", not(hasItem("seated-figure-four-stretch")));
    }

    @Test
    void exercises_filter_by_max_duration_intensity_and_desk_friendliness_combined() {
        get("/api/exercises?maxDurationSeconds=60&size=200").then().statusCode(200)
                .body("items.durationSeconds", everyItem(lessThanOrEqualTo(60)))
                .body("items.id", hasItem("standing-back-extension"))
                .body("items.id", not(hasItem("brisk-walk-5-min")));
        get("/api/exercises?intensity=vigorous&size=200").then().statusCode(200)
                .body("items.intensity", everyItem(equalTo("vigorous")))
                .body("items.id", hasItems("single-leg-glute-bridge", "interval-walk"));
        get("/api/exercises?deskFriendly=false&size=200").then().statusCode(200)
                .body("items.deskFriendly", everyItem(equalTo(false)))
                .body("items.id", hasItem("half-kneeling-hip-flexor-stretch"));
        get("/api/exercises?bodyArea=hip-flexors&deskFriendly=true&intensity=gentle&maxDurationSeconds=90&size=200")
                .then().statusCode(200)
                .body("items.deskFriendly", everyItem(equalTo(true)))
                .body("items.intensity", everyItem(equalTo("gentle")))
                .body("items.id", hasItems("standing-hip-flexor-stretch", "stand-up-and-reach"))
                .body("items.id", not(hasItem("half-kneeling-hip-flexor-stretch")))
                .body("items.id", not(hasItem("brisk-walk-5-min")));
    }

    @Test
    void unknown_filter_values_are_400_naming_every_bad_parameter() {
        get("/api/exercises?position=flying").then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", contains("position"));
        get("/api/exercises?bodyArea=hips").then().statusCode(400).body("errors.field", contains("bodyArea"));
        get("/api/exercises?equipment=trampoline").then().statusCode(400).body("errors.field", contains("equipment"));
        get("/api/exercises?intensity=extreme").then().statusCode(400).body("errors.field", contains("intensity"));
        get("/api/exercises?deskFriendly=maybe").then().statusCode(400).body("errors.field", contains("deskFriendly"));
        get("/api/exercises?maxDurationSeconds=0").then().statusCode(400).body("errors.field", contains("maxDurationSeconds"));
        get("/api/exercises?maxDurationSeconds=soon").then().statusCode(400).body("errors.field", contains("maxDurationSeconds"));
        get("/api/exercises?position=flying&intensity=extreme").then().statusCode(400)
                .body("errors.field", containsInAnyOrder("position", "intensity"));
        get("/api/routines?level=expert").then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", contains("level"));
        get("/api/routines?bodyArea=elbows").then().statusCode(400).body("errors.field", contains("bodyArea"));
    }

    @Test
    void routines_filter_by_level_and_body_area_with_computed_durations_and_progression() {
        get("/api/routines?size=200").then().statusCode(200)
                .body("total", greaterThanOrEqualTo(7))
                .body("items.find { it.id == 'walking-break' }.durationSeconds", equalTo(440))
                .body("items.find { it.id == 'walking-break' }.level", equalTo("beginner"))
                .body("items.find { it.id == 'walking-break' }.next", equalTo("walking-break-10"))
                .body("items.durationMinutes", everyItem(lessThanOrEqualTo(10)));
        get("/api/routines?level=intermediate&size=200").then().statusCode(200)
                .body("items.level", everyItem(equalTo("intermediate")))
                .body("items.id", hasItems("glute-and-core-builder", "hip-flexor-builder"))
                .body("items.id", not(hasItem("hip-flexor-reset")));
        get("/api/routines?bodyArea=neck-shoulders&level=beginner&size=200").then().statusCode(200)
                .body("items.bodyAreas", everyItem(hasItem("neck-shoulders")))
                .body("items.id", hasItem("posture-reset"))
                .body("items.id", not(hasItem("walking-break")));
    }

    @Test
    void one_exercise_and_one_routine_are_readable_with_their_parts() {
        get("/api/exercises/psoas-iliacus-release").then().statusCode(200)
                .body("position", equalTo("floor"))
                .body("equipment", contains("hip-release-tool"))
                .body("contraindications", not(hasSize(0)))
                .body("contraindicationCodes", hasItems("anticoagulants", "pregnancy"))
                .body("softTissueRelease", equalTo(true))
                .body("floorOrEquipment", equalTo(true))
                .body("dose.sides", equalTo(2))
                .body("durationSeconds", equalTo(195))
                .body("safetyNotes", not(hasSize(0)))
                .body("steps", not(hasSize(0)));
        get("/api/exercises/moonwalk").then().statusCode(404).contentType("application/problem+json");
        get("/api/routines/hip-flexor-reset").then().statusCode(200)
                .body("durationSeconds", equalTo(455))
                .body("durationMinutes", equalTo(8))
                .body("level", equalTo("beginner"))
                .body("next", equalTo("hip-flexor-builder"))
                .body("deskFriendly", equalTo(true))
                .body("floorOrEquipment", equalTo(false))
                .body("softTissueRelease", equalTo(false))
                .body("exercises", hasSize(6))
                .body("exercises[0].id", equalTo("stand-up-and-reach"));
        get("/api/routines/nope").then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void an_exercise_read_again_with_its_etag_is_304_without_a_body() {
        String etag = get("/api/exercises/glute-bridge").then().statusCode(200)
                .header("ETag", matchesPattern("\"v1-[0-9a-f]{16}\"")).extract().header("ETag");
        Api.as(employee).header("If-None-Match", etag).get("/api/exercises/glute-bridge")
                .then().statusCode(304).header("ETag", equalTo(etag)).body(emptyString());
        Api.as(employee).header("If-None-Match", "\"v0-0000000000000000\"").get("/api/exercises/glute-bridge")
                .then().statusCode(200).header("ETag", equalTo(etag)).body("id", equalTo("glute-bridge"));
        String other = get("/api/exercises/bird-dog").then().extract().header("ETag");
        assertThat(other).isNotEqualTo(etag);
        Api.as(employee).header("If-None-Match", etag).get("/api/exercises/bird-dog")
                .then().statusCode(200);
    }

    @Test
    void a_routine_read_again_with_its_etag_is_304_without_a_body() {
        String etag = get("/api/routines/walking-break").then().statusCode(200)
                .header("ETag", matchesPattern("\"v1-[0-9a-f]{16}\"")).extract().header("ETag");
        Api.as(employee).header("If-None-Match", etag).get("/api/routines/walking-break")
                .then().statusCode(304).header("ETag", equalTo(etag)).body(emptyString());
        Api.as(employee).header("If-None-Match", "\"elsewhere\", " + etag).get("/api/routines/walking-break")
                .then().statusCode(304);
        Api.as(employee).header("If-None-Match", etag).get("/api/routines/posture-reset")
                .then().statusCode(200).body("id", equalTo("posture-reset"));
    }

    @Test
    void the_openapi_document_describes_every_endpoint_and_filter() {
        Api.anonymous().get("/q/openapi?format=json").then().statusCode(200)
                .body("paths.keySet()", hasItems("/api/exercises", "/api/exercises/{id}",
                        "/api/routines", "/api/routines/{id}", "/api/me/recommendation", "/api/me/exercise-sessions"))
                .body("paths.'/api/exercises'.get.parameters.name", hasItems("bodyArea", "position", "equipment",
                        "maxDurationSeconds", "intensity", "deskFriendly", "page", "size"))
                .body("paths.'/api/routines'.get.parameters.name", hasItems("level", "bodyArea"))
                .body("paths.'/api/exercises/{id}'.get.responses.keySet()", hasItems("200", "304", "404"));
    }
}
