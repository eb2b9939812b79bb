package io.upright.platform.problem;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.upright.localinfra.DevTokens;
import io.upright.testsupport.quarkus.UprightTestInfrastructure;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

@QuarkusTest
@WithTestResource(value = UprightTestInfrastructure.class, initArgs = {
        @ResourceArg(name = "database", value = "platform"),
        @ResourceArg(name = "topics", value = "upright.programs,upright.platform-test,upright.platform-test.dlq")})
class ProblemDetailsResourceTest {

    private static final DevTokens TOKENS = DevTokens.forTests();
    private final String employeeOfA = TOKENS.issue("tenant-a", UUID.randomUUID().toString(), "employee");
    private final String adminOfA = TOKENS.issue("tenant-a", "admin-a", "admin");
    private final String adminOfB = TOKENS.issue("tenant-b", "admin-b", "admin");

    @Test
    void a_token_of_tenant_a_gets_404_for_tenant_bs_resource() {
        String location = given().auth().oauth2(adminOfB).contentType("application/json")
                .body("{\"text\":\"b's note\",\"priority\":2}")
                .post("/api/notes").then().statusCode(201).extract().header("Location");

        given().auth().oauth2(adminOfA).get(location)
                .then().statusCode(404).contentType("application/problem+json")
                .body("type", equalTo("urn:upright:problem:not-found"))
                .body("status", equalTo(404));
        given().auth().oauth2(adminOfA).contentType("application/json").body("{\"text\":\"mine now\",\"priority\":1}")
                .put(location).then().statusCode(404);
        given().auth().oauth2(adminOfB).get(location).then().statusCode(200).body("text", equalTo("b's note"));
    }

    @Test
    void a_missing_and_an_out_of_range_field_are_each_named() {
        given().auth().oauth2(employeeOfA).contentType("application/json").body("{\"priority\":9}")
                .post("/api/notes")
                .then().statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("urn:upright:problem:validation"))
                .body("errors.field", hasItem("text"))
                .body("errors.field", hasItem("priority"));
    }

    @Test
    void a_nul_character_in_a_text_field_or_a_parameter_is_a_400_naming_it_and_nothing_is_written() {
        given().auth().oauth2(employeeOfA).contentType("application/json").body("{\"text\":\"a\\u0000b\",\"priority\":2}")
                .post("/api/notes")
                .then().statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("urn:upright:problem:validation"))
                .body("errors.field", equalTo(java.util.List.of("text")))
                .body("errors.message", hasItem(containsString("NUL")));
        given().auth().oauth2(employeeOfA).urlEncodingEnabled(false).contentType("application/json")
                .body("{\"text\":\"fine\",\"priority\":2}").post("/api/notes?search=a%00b")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", equalTo(java.util.List.of("search")));
        given().auth().oauth2(employeeOfA).urlEncodingEnabled(false).get("/api/notes/a%00b")
                .then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void malformed_json_is_a_400_problem_without_internals() {
        given().auth().oauth2(employeeOfA).contentType("application/json").body("{\"text\": ")
                .post("/api/notes")
                .then().statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("urn:upright:problem:malformed-json"))
                .body("detail", not(containsString("Exception")));
    }

    @Test
    void a_field_of_the_wrong_type_is_named() {
        given().auth().oauth2(employeeOfA).contentType("application/json").body("{\"text\":\"x\",\"priority\":\"high\"}")
                .post("/api/notes")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("priority"));
    }

    @Test
    void a_wrong_media_type_is_415() {
        given().auth().oauth2(employeeOfA).contentType("text/plain").body("hello")
                .post("/api/notes")
                .then().statusCode(415).contentType("application/problem+json")
                .body("type", equalTo("urn:upright:problem:unsupported-media-type"));
    }

    @Test
    void an_unknown_route_is_a_404_problem() {
        given().auth().oauth2(employeeOfA).get("/api/nothing-here")
                .then().statusCode(404).contentType("application/problem+json")
                .body("title", equalTo("Not found"));
    }

    @Test
    void an_unsupported_method_is_405() {
        given().auth().oauth2(adminOfA).delete("/api/notes/" + UUID.randomUUID())
                .then().statusCode(405).contentType("application/problem+json");
    }

    @Test
    void no_token_is_401_and_the_wrong_role_is_403() {
        given().get("/api/notes/" + UUID.randomUUID())
                .then().statusCode(401).contentType("application/problem+json")
                .header("WWW-Authenticate", startsWith("Bearer"));
        given().auth().oauth2("not.a.token").get("/api/notes/" + UUID.randomUUID())
                .then().statusCode(401).contentType("application/problem+json");
        String hr = TOKENS.issue("tenant-a", "hr-a", "hr");
        given().auth().oauth2(hr).get("/api/notes/" + UUID.randomUUID())
                .then().statusCode(403).contentType("application/problem+json");
    }

    @Test
    void an_edit_against_a_stale_version_is_412_and_the_current_etag_succeeds() {
        String location = given().auth().oauth2(adminOfA).contentType("application/json")
                .body("{\"text\":\"v1\",\"priority\":2}").post("/api/notes").then().statusCode(201)
                .extract().header("Location");
        String etag = given().auth().oauth2(adminOfA).get(location).then().statusCode(200).extract().header("ETag");

        given().auth().oauth2(adminOfA).contentType("application/json").header("If-Match", etag)
                .body("{\"text\":\"v2\",\"priority\":2}").put(location).then().statusCode(200);
        given().auth().oauth2(adminOfA).contentType("application/json").header("If-Match", etag)
                .body("{\"text\":\"v3\",\"priority\":2}").put(location)
                .then().statusCode(412).contentType("application/problem+json")
                .body("type", equalTo("urn:upright:problem:precondition-failed"));
    }
}
