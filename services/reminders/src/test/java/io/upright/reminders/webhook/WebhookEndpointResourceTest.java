package io.upright.reminders.webhook;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.upright.localinfra.DevTokens;
import io.upright.testsupport.quarkus.UprightTestInfrastructure;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;

@QuarkusTest
@WithTestResource(value = UprightTestInfrastructure.class, initArgs = {
        @ResourceArg(name = "database", value = "reminders"),
        @ResourceArg(name = "topics", value = "upright.programs,upright.exercises,upright.assessments,upright.reminders,upright.reminders.dlq")})
class WebhookEndpointResourceTest {

    private static final DevTokens TOKENS = DevTokens.forTests();
    private final String tenant = "acme-" + UUID.randomUUID();
    private final String admin = TOKENS.issue(tenant, "admin-1", "admin");

    @Inject
    DataSource dataSource;

    @Test
    void the_secret_is_shown_once_on_registration_and_never_again() throws Exception {
        Response created = given().auth().oauth2(admin).contentType("application/json")
                .body(Map.of("url", "https://hooks.example.com/upright"))
                .post("/api/webhook-endpoints");
        created.then().statusCode(201).header("Location", containsString("/api/webhook-endpoints/"))
                .body("url", equalTo("https://hooks.example.com/upright")).body("status", equalTo("active"))
                .body("secret", startsWith("whsec_"));
        String id = created.path("id");
        String secret = created.path("secret");
        assertThat(Base64.getDecoder().decode(secret.substring("whsec_".length()))).hasSize(24);

        String list = given().auth().oauth2(admin).get("/api/webhook-endpoints")
                .then().statusCode(200).body("total", equalTo(1)).body("items[0].id", equalTo(id))
                .extract().asString();
        String one = given().auth().oauth2(admin).get("/api/webhook-endpoints/{id}", id)
                .then().statusCode(200).header("ETag", notNullValue()).extract().asString();
        assertThat(list).doesNotContain("secret").doesNotContain(secret.substring(6));
        assertThat(one).doesNotContain("secret").doesNotContain(secret.substring(6));
        // not in the event store nor the read model either: both hold it sealed
        assertThat(storedTextMentioning(secret.substring(6))).isZero();
    }

    @Test
    void urls_that_are_not_http_or_missing_are_refused_naming_url() {
        for (Map<String, Object> body : List.<Map<String, Object>>of(Map.of("url", "ftp://hooks.example.com/x"),
                Map.of("url", "javascript:alert(1)"), Map.of("url", ""), Map.of())) {
            given().auth().oauth2(admin).contentType("application/json").body(body).post("/api/webhook-endpoints")
                    .then().statusCode(400).contentType("application/problem+json").body("errors.field", equalTo(List.of("url")));
        }
    }

    @Test
    void only_admins_manage_endpoints_and_another_tenant_cannot_see_or_remove_them() {
        given().contentType("application/json").body(Map.of("url", "https://hooks.example.com/a"))
                .post("/api/webhook-endpoints").then().statusCode(401);
        given().auth().oauth2(TOKENS.issue(tenant, UUID.randomUUID().toString(), "employee")).contentType("application/json")
                .body(Map.of("url", "https://hooks.example.com/a")).post("/api/webhook-endpoints").then().statusCode(403);
        given().auth().oauth2(TOKENS.issue(tenant, "hr-1", "hr")).get("/api/webhook-endpoints").then().statusCode(403);

        String id = given().auth().oauth2(admin).contentType("application/json").body(Map.of("url", "https://hooks.example.com/b"))
                .post("/api/webhook-endpoints").then().statusCode(201).extract().path("id");
        String otherAdmin = TOKENS.issue("globex-" + UUID.randomUUID(), "admin-2", "admin");
        given().auth().oauth2(otherAdmin).get("/api/webhook-endpoints/{id}", id).then().statusCode(404);
        given().auth().oauth2(otherAdmin).delete("/api/webhook-endpoints/{id}", id).then().statusCode(404);
        given().auth().oauth2(otherAdmin).get("/api/webhook-endpoints").then().statusCode(200).body("total", equalTo(0));

        given().auth().oauth2(admin).delete("/api/webhook-endpoints/{id}", id).then().statusCode(204);
        given().auth().oauth2(admin).get("/api/webhook-endpoints/{id}", id).then().statusCode(404);
        given().auth().oauth2(admin).delete("/api/webhook-endpoints/{id}", id).then().statusCode(404);
    }

    private long storedTextMentioning(String text) throws Exception {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("select (select count(*) from event_store where payload::text like ?) "
                     + "+ (select count(*) from webhook_endpoint where sealed_secret like ? or url like ?)")) {
            String pattern = "%" + text + "%";
            ps.setString(1, pattern);
            ps.setString(2, pattern);
            ps.setString(3, pattern);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
