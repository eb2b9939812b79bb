package io.upright.platform.api;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.upright.localinfra.DevTokens;
import io.upright.testsupport.quarkus.UprightTestInfrastructure;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

@QuarkusTest
@WithTestResource(value = UprightTestInfrastructure.class, initArgs = {
        @ResourceArg(name = "database", value = "platform"),
        @ResourceArg(name = "topics", value = "upright.programs,upright.platform-test,upright.platform-test.dlq")})
class IdempotencyKeyResourceTest {

    private static final DevTokens TOKENS = DevTokens.forTests();
    private final String tenant = "tenant-" + UUID.randomUUID();
    private final String writer = TOKENS.issue(tenant, "writer-1", "employee");

    @Inject
    DataSource dataSource;

    @Test
    void the_same_key_and_body_returns_the_first_response_with_no_second_effect() throws Exception {
        String key = UUID.randomUUID().toString();
        String first = post(key, "{\"text\":\"stand up\",\"priority\":2}", 201).extract().header("Location");
        given().auth().oauth2(writer).contentType("application/json").header("Idempotency-Key", key)
                .body("{\"text\":\"stand up\",\"priority\":2}").post("/api/notes")
                .then().statusCode(201).header("Location", equalTo(first)).header("Idempotent-Replayed", "true")
                .body("text", equalTo("stand up"));

        assertThat(notesWritten()).isEqualTo(1);
    }

    @Test
    void the_same_key_with_another_body_is_422() {
        String key = UUID.randomUUID().toString();
        post(key, "{\"text\":\"walk\",\"priority\":1}", 201);
        post(key, "{\"text\":\"run\",\"priority\":1}", 422).contentType("application/problem+json")
                .body("type", equalTo("urn:upright:problem:idempotency-key-reused"));
    }

    @Test
    void concurrent_requests_with_one_key_have_one_effect() throws Exception {
        String key = UUID.randomUUID().toString();
        List<CompletableFuture<String>> calls = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            calls.add(CompletableFuture.supplyAsync(() -> given().auth().oauth2(writer).contentType("application/json")
                    .header("Idempotency-Key", key).body("{\"text\":\"stretch\",\"priority\":3}")
                    .post("/api/notes").then().statusCode(201).extract().header("Location")));
        }
        List<String> locations = new ArrayList<>();
        for (CompletableFuture<String> call : calls) {
            locations.add(call.get());
        }
        assertThat(locations).containsOnly(locations.get(0));
        assertThat(notesWritten()).isEqualTo(1);
    }

    @Test
    void without_a_key_every_request_has_its_effect() throws Exception {
        post(null, "{\"text\":\"a\",\"priority\":1}", 201);
        post(null, "{\"text\":\"a\",\"priority\":1}", 201);
        assertThat(notesWritten()).isEqualTo(2);
    }

    private io.restassured.response.ValidatableResponse post(String key, String body, int status) {
        var request = given().auth().oauth2(writer).contentType("application/json").body(body);
        if (key != null) {
            request.header("Idempotency-Key", key);
        }
        return request.post("/api/notes").then().statusCode(status);
    }

    private int notesWritten() throws Exception {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("select count(*) from event_store where tenant_id = ? and event_type = 'NoteWritten'")) {
            ps.setString(1, tenant);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }
}
