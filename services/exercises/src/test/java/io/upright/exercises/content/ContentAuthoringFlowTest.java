package io.upright.exercises.content;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import io.upright.exercises.TestCatalogue;
import io.upright.localinfra.DevTokens;
import io.upright.testsupport.quarkus.UprightTestInfrastructure;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.emptyString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.nullValue;

@QuarkusTest
@WithTestResource(value = UprightTestInfrastructure.class, initArgs = {
        @ResourceArg(name = "database", value = "exercises"),
        @ResourceArg(name = "topics", value = "upright.assessments,upright.programs,upright.reminders,upright.exercises,upright.exercises.dlq")})
class ContentAuthoringFlowTest {

    private static final DevTokens TOKENS = DevTokens.forTests();
    private final String editor = TOKENS.issue("upright", "editor-" + UUID.randomUUID(), "content-editor");
    private final String employee = TOKENS.issue("acme-" + UUID.randomUUID(), UUID.randomUUID().toString(), "employee");

    private RequestSpecification asEditor() {
        return given().auth().oauth2(editor).contentType("application/json");
    }

    static Map<String, Object> exercise(String id, int seconds, String title) {
        Map<String, Object> body = new HashMap<>();
        body.put("id", id);
        body.put("title", title);
        body.put("purpose", "Loosens the hips after a long meeting.");
        body.put("steps", List.of("Stand tall beside your desk.", "Circle your hips slowly five times each way."));
        body.put("durationSeconds", seconds);
        body.put("bodyAreas", List.of("hip-flexors", "lower-back"));
        body.put("position", "standing");
        body.put("equipment", List.of());
        body.put("intensity", "gentle");
        body.put("contraindications", List.of("Recent hip surgery"));
        body.put("safetyNotes", List.of("Keep the movement small and pain-free."));
        body.put("deskFriendly", true);
        body.put("source", "Seed article: move more");
        return body;
    }

    private static String newId(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private String step(String path, String etag, int status) {
        RequestSpecification request = asEditor();
        if (etag != null) {
            request = request.header("If-Match", etag);
        }
        return request.post(path).then().statusCode(status).extract().header("ETag");
    }

    @Test
    void a_customer_tenant_s_content_editor_can_neither_read_drafts_nor_change_the_shared_library() {
        String customerEditor = TOKENS.issue("acme-" + UUID.randomUUID(), "editor-1", "content-editor");
        given().auth().oauth2(customerEditor).contentType("application/json")
                .body(exercise(newId("customer"), 60, "Customer's own")).post("/api/content/exercises")
                .then().statusCode(403).contentType("application/problem+json");
        given().auth().oauth2(customerEditor).get("/api/content/exercises").then().statusCode(403);
        given().auth().oauth2(customerEditor).get("/api/content/routines").then().statusCode(403);
        given().auth().oauth2(customerEditor).post("/api/content/exercises/half-kneeling-hip-flexor-stretch/retire")
                .then().statusCode(403);
    }

    @Test
    void only_content_editors_may_author() {
        Map<String, Object> body = exercise(newId("not-allowed"), 60, "Not allowed");
        for (String role : new String[]{"employee", "hr", "admin"}) {
            given().auth().oauth2(TOKENS.issue("acme", UUID.randomUUID().toString(), role)).contentType("application/json")
                    .body(body).post("/api/content/exercises").then().statusCode(403).contentType("application/problem+json");
            given().auth().oauth2(TOKENS.issue("acme", UUID.randomUUID().toString(), role))
                    .get("/api/content/routines").then().statusCode(403);
        }
        given().contentType("application/json").body(body).post("/api/content/exercises").then().statusCode(401);
    }

    @Test
    void an_exercise_is_drafted_reviewed_published_revised_and_retired_while_readers_see_only_published_versions() {
        String id = newId("hip-circles-test");
        String path = "/api/content/exercises/" + id;
        String etag = asEditor().body(exercise(id, 60, "Hip circles (test)")).post("/api/content/exercises")
                .then().statusCode(201).header("Location", containsString(path))
                .body("status", equalTo("draft")).body("latestVersion", equalTo(1)).body("publishedVersion", nullValue())
                .extract().header("ETag");
        given().auth().oauth2(employee).get("/api/exercises/" + id).then().statusCode(404);

        // editing the draft with a stale ETag is refused; with the current one it replaces the draft
        asEditor().header("If-Match", "\"0\"").body(exercise(id, 75, "Hip circles (test)")).put(path)
                .then().statusCode(412).contentType("application/problem+json");
        etag = asEditor().header("If-Match", etag).body(exercise(id, 75, "Hip circles (test)")).put(path)
                .then().statusCode(200).body("latestVersion", equalTo(1))
                .body("versions[0].content.durationSeconds", equalTo(75)).extract().header("ETag");
        etag = step(path + "/submit", etag, 200);
        step(path + "/publish", etag, 200);

        // readers of any tenant get version 1
        String readerTag = given().auth().oauth2(employee).get("/api/exercises/" + id).then().statusCode(200)
                .header("ETag", matchesPattern("\"v1-[0-9a-f]{16}\"")).body("durationSeconds", equalTo(75))
                .extract().header("ETag");
        given().auth().oauth2(TOKENS.issue("globex", UUID.randomUUID().toString(), "hr")).get("/api/exercises/" + id)
                .then().statusCode(200).header("ETag", equalTo(readerTag));

        // editing the published exercise starts version 2 as a draft; readers still get version 1
        asEditor().body(exercise(id, 90, "Hip circles (test)")).put(path).then().statusCode(200)
                .body("status", equalTo("draft")).body("latestVersion", equalTo(2)).body("publishedVersion", equalTo(1));
        given().auth().oauth2(employee).header("If-None-Match", readerTag).get("/api/exercises/" + id)
                .then().statusCode(304).body(emptyString());
        step(path + "/submit", null, 200);
        step(path + "/publish", null, 200);

        // the old ETag no longer matches: 200 with version 2
        given().auth().oauth2(employee).header("If-None-Match", readerTag).get("/api/exercises/" + id)
                .then().statusCode(200).header("ETag", matchesPattern("\"v2-[0-9a-f]{16}\""))
                .body("durationSeconds", equalTo(90));
        asEditor().get(path).then().statusCode(200).body("status", equalTo("published"))
                .body("versions.status", contains("superseded", "published"))
                .body("versions[0].content.durationSeconds", equalTo(75));

        step(path + "/retire", null, 200);
        given().auth().oauth2(employee).get("/api/exercises/" + id).then().statusCode(404);
        asEditor().get(path).then().statusCode(200).body("status", equalTo("retired"));
        asEditor().get("/api/content/exercises?status=retired&size=200").then().statusCode(200)
                .body("items.id", hasItems(id));
    }

    @Test
    void transitions_out_of_order_are_conflicts_and_bad_input_names_the_fields() {
        Map<String, Object> bad = exercise("Bad Id", 0, " ");
        bad.put("bodyAreas", List.of("knees"));
        asEditor().body(bad).post("/api/content/exercises").then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItems("id", "title", "durationSeconds", "bodyAreas"));

        String id = newId("reject-test");
        String path = "/api/content/exercises/" + id;
        asEditor().body(exercise(id, 60, "Reject test")).post("/api/content/exercises").then().statusCode(201);
        asEditor().body(exercise(id, 60, "Reject test")).post("/api/content/exercises").then().statusCode(409);
        step(path + "/publish", null, 409);
        asEditor().body(Map.of("reason", "Why")).post(path + "/reject").then().statusCode(409);
        step(path + "/retire", null, 409);
        step(path + "/submit", null, 200);
        step(path + "/submit", null, 409);
        asEditor().body(exercise(id, 70, "Reject test")).put(path).then().statusCode(409);
        asEditor().body(Map.of("reason", " ")).post(path + "/reject").then().statusCode(400)
                .body("errors.field", contains("reason"));
        asEditor().body(Map.of("reason", "Name the side to start with")).post(path + "/reject").then().statusCode(200)
                .body("status", equalTo("draft")).body("versions[0].note", equalTo("Name the side to start with"));
        asEditor().get("/api/content/exercises/no-such-exercise").then().statusCode(404);
        asEditor().get("/api/content/exercises?status=lost").then().statusCode(400).body("errors.field", contains("status"));
    }

    @Test
    void a_routine_needs_published_exercises_and_its_exercises_cannot_be_retired_while_it_is_published() {
        asEditor().post("/api/content/exercises/glute-bridge/retire").then().statusCode(409)
                .contentType("application/problem+json").body("detail", containsString("desk-day-lower-back"));

        String exerciseId = newId("neck-roll-test");
        asEditor().body(exercise(exerciseId, 30, "Neck roll (test)")).post("/api/content/exercises").then().statusCode(201);
        List<String> parts = new ArrayList<>(TestCatalogue.V1.routine("posture-reset").orElseThrow().exerciseIds());
        parts.add(exerciseId);
        String routineId = newId("posture-plus-test");
        String routinePath = "/api/content/routines/" + routineId;
        Map<String, Object> routine = Map.of("id", routineId, "title", "Posture plus (test)", "purpose", "Reset and roll.",
                "level", "beginner", "exerciseIds", parts);
        asEditor().body(Map.of("id", routineId, "title", "", "level", "expert", "exerciseIds", List.of()))
                .post("/api/content/routines").then().statusCode(400)
                .body("errors.field", hasItems("title", "purpose", "level", "exerciseIds"));
        asEditor().body(routine).post("/api/content/routines").then().statusCode(201)
                .body("versions[0].durationSeconds", nullValue());
        step(routinePath + "/submit", null, 200);
        asEditor().post(routinePath + "/publish").then().statusCode(409).contentType("application/problem+json")
                .body("detail", containsString(exerciseId));

        step("/api/content/exercises/" + exerciseId + "/submit", null, 200);
        step("/api/content/exercises/" + exerciseId + "/publish", null, 200);
        int expected = TestCatalogue.V1.routine("posture-reset").orElseThrow().durationSeconds() + 30;
        asEditor().post(routinePath + "/publish").then().statusCode(200).body("status", equalTo("published"))
                .body("versions[0].durationSeconds", equalTo(expected));
        given().auth().oauth2(employee).get("/api/routines/" + routineId).then().statusCode(200)
                .body("durationSeconds", equalTo(expected)).body("exercises.id", hasItems(exerciseId));

        asEditor().post("/api/content/exercises/" + exerciseId + "/retire").then().statusCode(409)
                .body("detail", containsString(routineId));
        step(routinePath + "/retire", null, 200);
        step("/api/content/exercises/" + exerciseId + "/retire", null, 200);
        given().auth().oauth2(employee).get("/api/routines/" + routineId).then().statusCode(404);
        asEditor().post("/api/content/routines/walking-break/retire").then().statusCode(409)
                .body("detail", containsString("recommender"));
    }

    @Test
    void a_create_retried_with_its_idempotency_key_answers_the_same_without_a_second_draft() {
        String id = newId("retry-test");
        Map<String, Object> body = exercise(id, 60, "Retry test");
        String first = asEditor().header("Idempotency-Key", "create-" + id).body(body).post("/api/content/exercises")
                .then().statusCode(201).extract().header("ETag");
        asEditor().header("Idempotency-Key", "create-" + id).body(body).post("/api/content/exercises")
                .then().statusCode(201).header("ETag", equalTo(first)).body("latestVersion", equalTo(1));
        asEditor().get("/api/content/exercises/" + id).then().statusCode(200).header("ETag", equalTo(first));
    }

    @Test
    void the_openapi_document_describes_the_authoring_endpoints() {
        given().get("/q/openapi?format=json").then().statusCode(200)
                .body("paths.keySet()", hasItems("/api/content/exercises", "/api/content/exercises/{id}",
                        "/api/content/exercises/{id}/submit", "/api/content/exercises/{id}/reject",
                        "/api/content/exercises/{id}/publish", "/api/content/exercises/{id}/retire",
                        "/api/content/routines", "/api/content/routines/{id}", "/api/content/routines/{id}/publish",
                        "/api/content/routines/{id}/retire"))
                .body("paths.'/api/content/exercises/{id}/retire'.post.responses.keySet()", hasItems("200", "403", "409", "412"))
                .body("paths.'/api/content/routines/{id}'.put.responses.keySet()", hasItems("200", "400", "404", "409", "412"));
    }
}
