package io.upright.reminders.webhook;

import com.standardwebhooks.Webhook;
import com.standardwebhooks.exceptions.WebhookVerificationException;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.upright.localinfra.DevTokens;
import io.upright.reminders.testing.WebhookReceiver;
import io.upright.testsupport.quarkus.UprightTestInfrastructure;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

/**
 * An admin rotates an endpoint's signing secret without a gap: for a day every delivery carries a signature with the
 * old secret next to one with the new, so the receiver switches whenever it likes. The receiver is a real HTTP server
 * checking signatures with the Standard Webhooks library.
 */
@QuarkusTest
@WithTestResource(value = UprightTestInfrastructure.class, initArgs = {
        @ResourceArg(name = "database", value = "reminders"),
        @ResourceArg(name = "topics", value = "upright.programs,upright.exercises,upright.assessments,upright.reminders,upright.reminders.dlq")})
class WebhookSecretRotationResourceTest {

    private static final DevTokens TOKENS = DevTokens.forTests();

    private final WebhookReceiver receiver = WebhookReceiver.get();
    private final String tenant = "acme-" + UUID.randomUUID();
    private final String admin = TOKENS.issue(tenant, "admin-1", "admin");

    @Inject
    DataSource dataSource;

    private record Registered(String id, String secret, String path) {
    }

    private Registered register() {
        String path = "/hooks/rotation-" + UUID.randomUUID();
        Response created = given().auth().oauth2(admin).contentType("application/json")
                .body(Map.of("url", receiver.url(path))).post("/api/webhook-endpoints");
        created.then().statusCode(201);
        return new Registered(created.path("id"), created.path("secret"), path);
    }

    private Response rotate(String token, String id) {
        return given().auth().oauth2(token).post("/api/webhook-endpoints/{id}/secret-rotations", id);
    }

    private WebhookReceiver.Received testSend(Registered endpoint) {
        long before = receiver.count(r -> r.path().equals(endpoint.path()));
        given().auth().oauth2(admin).post("/api/webhook-endpoints/{id}/test-deliveries", endpoint.id())
                .then().statusCode(200).body("delivered", equalTo(true));
        List<WebhookReceiver.Received> arrived = receiver.all(r -> r.path().equals(endpoint.path()));
        assertThat(arrived).hasSize((int) before + 1);
        return arrived.get(arrived.size() - 1);
    }

    @Test
    void after_a_rotation_each_delivery_verifies_with_the_new_secret_and_with_the_old_one_for_a_day() throws Exception {
        Registered endpoint = register();
        Instant asked = Instant.now();

        Response rotated = rotate(admin, endpoint.id());
        rotated.then().statusCode(200).contentType("application/json")
                .body("id", equalTo(endpoint.id())).body("secret", startsWith("whsec_"));
        String secret = rotated.path("secret");
        assertThat(secret).isNotEqualTo(endpoint.secret());
        Instant until = Instant.parse(rotated.path("previousSecretValidUntil"));
        assertThat(until).isBetween(asked.plus(Duration.ofHours(24)).minusSeconds(5), Instant.now().plus(Duration.ofHours(24)));
        given().auth().oauth2(admin).get("/api/webhook-endpoints/{id}", endpoint.id()).then().statusCode(200)
                .body("previousSecretValidUntil", equalTo(rotated.path("previousSecretValidUntil")))
                .body("secret", nullValue());

        WebhookReceiver.Received delivered = testSend(endpoint);
        assertThat(delivered.headers().get("webhook-signature").get(0).split(" ")).hasSize(2);
        new Webhook(secret).verify(delivered.body(), delivered.headers());
        new Webhook(endpoint.secret()).verify(delivered.body(), delivered.headers());
        assertThat(eventTypes(endpoint.id())).containsExactly("WebhookEndpointRegistered", "WebhookSecretRotated");
    }

    @Test
    void rotating_again_ends_the_oldest_secret_at_once_so_at_most_two_ever_sign() throws Exception {
        Registered endpoint = register();
        String second = rotate(admin, endpoint.id()).then().statusCode(200).extract().path("secret");
        String third = rotate(admin, endpoint.id()).then().statusCode(200).extract().path("secret");

        WebhookReceiver.Received delivered = testSend(endpoint);
        assertThat(delivered.headers().get("webhook-signature").get(0).split(" ")).hasSize(2);
        new Webhook(third).verify(delivered.body(), delivered.headers());
        new Webhook(second).verify(delivered.body(), delivered.headers());
        assertThatThrownBy(() -> new Webhook(endpoint.secret()).verify(delivered.body(), delivered.headers()))
                .isInstanceOf(WebhookVerificationException.class);
    }

    @Test
    void once_the_overlap_has_ended_only_the_new_secret_signs() throws Exception {
        Registered endpoint = register();
        String secret = rotate(admin, endpoint.id()).then().statusCode(200).extract().path("secret");
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("update webhook_endpoint set previous_secret_until = now() - interval '1 second' "
                     + "where tenant_id = ? and id = ?")) {
            ps.setString(1, tenant);
            ps.setObject(2, UUID.fromString(endpoint.id()));
            assertThat(ps.executeUpdate()).isEqualTo(1);
        }

        WebhookReceiver.Received delivered = testSend(endpoint);
        assertThat(delivered.headers().get("webhook-signature").get(0).split(" ")).hasSize(1);
        new Webhook(secret).verify(delivered.body(), delivered.headers());
        assertThatThrownBy(() -> new Webhook(endpoint.secret()).verify(delivered.body(), delivered.headers()))
                .isInstanceOf(WebhookVerificationException.class);
    }

    @Test
    void an_endpoint_whose_secret_no_longer_opens_gets_a_new_one_that_signs_alone_at_once() throws Exception {
        Registered endpoint = register();
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("update webhook_endpoint set sealed_secret = ? where tenant_id = ? and id = ?")) {
            ps.setString(1, java.util.Base64.getEncoder().encodeToString(new byte[64])); // sealed under a key long gone
            ps.setString(2, tenant);
            ps.setObject(3, UUID.fromString(endpoint.id()));
            assertThat(ps.executeUpdate()).isEqualTo(1);
        }
        given().auth().oauth2(admin).post("/api/webhook-endpoints/{id}/test-deliveries", endpoint.id()).then()
                .statusCode(200).body("error", equalTo(WebhookTestResult.SECRET_UNREADABLE));
        String secret = rotate(admin, endpoint.id()).then().statusCode(200)
                .body("previousSecretValidUntil", nullValue()).extract().path("secret");

        WebhookReceiver.Received delivered = testSend(endpoint);
        assertThat(delivered.headers().get("webhook-signature").get(0).split(" ")).hasSize(1);
        new Webhook(secret).verify(delivered.body(), delivered.headers());
    }

    @Test
    void only_an_admin_of_the_tenant_rotates_and_an_unknown_endpoint_is_a_404() {
        Registered endpoint = register();
        rotate(TOKENS.issue(tenant, "hr-1", "hr"), endpoint.id()).then().statusCode(403);
        rotate(TOKENS.issue("other-" + UUID.randomUUID(), "admin-2", "admin"), endpoint.id()).then().statusCode(404)
                .contentType("application/problem+json");
        rotate(admin, UUID.randomUUID().toString()).then().statusCode(404).contentType("application/problem+json");
        given().auth().oauth2(admin).delete("/api/webhook-endpoints/{id}", endpoint.id()).then().statusCode(204);
        rotate(admin, endpoint.id()).then().statusCode(404);
    }

    private List<String> eventTypes(String endpointId) throws Exception {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("select event_type from event_store where tenant_id = ? and stream_id = ? order by version")) {
            ps.setString(1, tenant);
            ps.setObject(2, UUID.fromString(endpointId));
            List<String> types = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    types.add(rs.getString(1));
                }
            }
            return types;
        }
    }
}
