package io.upright.reminders.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.standardwebhooks.Webhook;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.upright.localinfra.DevTokens;
import io.upright.reminders.testing.ScriptedReceiver;
import io.upright.reminders.testing.WebhookReceiver;
import io.upright.testsupport.quarkus.UprightTestInfrastructure;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

/**
 * An admin's test-send (issue 16): one signed {@code webhook.test} event, sent at once, reported whatever the endpoint
 * answered, and nothing recorded. The receivers are real HTTP servers on 127.0.0.1 (private webhooks are allowed in
 * the test profile, as in a local installation).
 */
@QuarkusTest
@WithTestResource(value = UprightTestInfrastructure.class, initArgs = {
        @ResourceArg(name = "database", value = "reminders"),
        @ResourceArg(name = "topics", value = "upright.programs,upright.exercises,upright.assessments,upright.reminders,upright.reminders.dlq")})
class WebhookTestDeliveryResourceTest {

    private static final DevTokens TOKENS = DevTokens.forTests();
    private static final ObjectMapper JSON = new ObjectMapper();

    private final WebhookReceiver receiver = WebhookReceiver.get();
    private final ScriptedReceiver scripted = new ScriptedReceiver();
    private final String tenant = "acme-" + UUID.randomUUID();
    private final String admin = TOKENS.issue(tenant, "admin-1", "admin");

    @Inject
    DataSource dataSource;

    @AfterEach
    void stopReceiver() {
        scripted.close();
    }

    private record Registered(String id, String secret) {
    }

    private Registered register(String url) {
        Response created = given().auth().oauth2(admin).contentType("application/json").body(Map.of("url", url))
                .post("/api/webhook-endpoints");
        created.then().statusCode(201);
        return new Registered(created.path("id"), created.path("secret"));
    }

    private Response testSend(String token, String id) {
        return given().auth().oauth2(token).post("/api/webhook-endpoints/{id}/test-deliveries", id);
    }

    @Test
    void a_test_send_reaches_the_endpoint_signed_names_no_person_and_records_nothing() throws Exception {
        String path = "/hooks/test-" + UUID.randomUUID();
        Registered endpoint = register(receiver.url(path));
        long storedBefore = rowsOfTenant();

        Response answer = testSend(admin, endpoint.id());
        answer.then().statusCode(200).contentType("application/json")
                .body("endpointId", equalTo(endpoint.id())).body("delivered", equalTo(true))
                .body("statusCode", equalTo(204)).body("error", nullValue()).body("pausedUntil", nullValue());
        String messageId = answer.path("messageId");
        assertThat(answer.<Integer>path("durationMillis")).isBetween(0, 5000);
        assertThat(answer.<String>path("sentAt")).endsWith("Z");

        // sent synchronously: it has arrived by the time the answer is here
        List<WebhookReceiver.Received> arrived = receiver.all(r -> r.path().equals(path));
        assertThat(arrived).hasSize(1);
        WebhookReceiver.Received request = arrived.get(0);
        new Webhook(endpoint.secret()).verify(request.body(), request.headers());
        assertThat(request.headers().get("webhook-id")).containsExactly(messageId);
        assertThat(request.headers().get("content-type")).containsExactly("application/json");

        JsonNode body = JSON.readTree(request.body());
        List<String> fields = new ArrayList<>();
        body.fieldNames().forEachRemaining(fields::add);
        assertThat(fields).containsExactlyInAnyOrder("type", "messageId", "tenant", "sentAt", "message");
        assertThat(body.get("type").asText()).isEqualTo("webhook.test");
        assertThat(body.get("messageId").asText()).isEqualTo(messageId);
        assertThat(body.get("tenant").asText()).isEqualTo(tenant);
        assertThat(body.get("sentAt").asText()).isEqualTo(answer.<String>path("sentAt"));
        assertThat(body.get("message").asText()).contains("test").doesNotContain("employee");

        // a second test is a new message, and neither left an event, an outbox row or a queued reminder behind
        String second = testSend(admin, endpoint.id()).then().statusCode(200).extract().path("messageId");
        assertThat(second).isNotEqualTo(messageId);
        assertThat(receiver.count(r -> r.path().equals(path))).isEqualTo(2);
        assertThat(rowsOfTenant()).isEqualTo(storedBefore);
    }

    @Test
    void a_failing_endpoint_is_reported_as_such_in_a_200_answer_and_changes_nothing() throws Exception {
        Registered down = register(scripted.url("/down/" + UUID.randomUUID()));
        testSend(admin, down.id()).then().statusCode(200)
                .body("delivered", equalTo(false)).body("statusCode", equalTo(500)).body("error", nullValue());

        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        Registered refused = register("http://127.0.0.1:" + closedPort + "/hook");
        testSend(admin, refused.id()).then().statusCode(200)
                .body("delivered", equalTo(false)).body("statusCode", nullValue()).body("error", equalTo("connection-refused"));

        // https to a server that answers in plain HTTP: the handshake fails
        try (ServerSocket plainHttp = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Thread answering = new Thread(() -> {
                try (Socket client = plainHttp.accept()) {
                    client.getOutputStream().write("HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n"
                            .getBytes(StandardCharsets.US_ASCII));
                } catch (IOException ignored) {
                    // the test's assertion tells
                }
            });
            answering.start();
            Registered plain = register("https://127.0.0.1:" + plainHttp.getLocalPort() + "/hook");
            testSend(admin, plain.id()).then().statusCode(200)
                    .body("delivered", equalTo(false)).body("statusCode", nullValue()).body("error", equalTo("tls-failed"));
            answering.join(5000);
        }

        // a server that takes the connection and never answers: timed out after the delivery timeout
        try (ServerSocket silent = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Registered slow = register("http://127.0.0.1:" + silent.getLocalPort() + "/hook");
            Response timedOut = testSend(admin, slow.id());
            timedOut.then().statusCode(200)
                    .body("delivered", equalTo(false)).body("statusCode", nullValue()).body("error", equalTo("timed-out"));
            assertThat(timedOut.<Integer>path("durationMillis")).isGreaterThanOrEqualTo(4000);
        }

        // a 410 to a test is reported, but only a reminder's 410 disables an endpoint
        Registered gone = register(receiver.url("/gone/" + UUID.randomUUID()));
        long storedBefore = rowsOfTenant();
        testSend(admin, gone.id()).then().statusCode(200).body("delivered", equalTo(false)).body("statusCode", equalTo(410));
        given().auth().oauth2(admin).get("/api/webhook-endpoints/{id}", gone.id()).then().statusCode(200)
                .body("status", equalTo("active"));
        assertThat(rowsOfTenant()).isEqualTo(storedBefore);
    }

    @Test
    void another_tenants_endpoint_is_not_found_and_only_admins_may_test() {
        String path = "/hooks/test-" + UUID.randomUUID();
        Registered endpoint = register(receiver.url(path));

        String otherAdmin = TOKENS.issue("globex-" + UUID.randomUUID(), "admin-2", "admin");
        testSend(otherAdmin, endpoint.id()).then().statusCode(404).contentType("application/problem+json");
        testSend(admin, UUID.randomUUID().toString()).then().statusCode(404).contentType("application/problem+json");
        testSend(TOKENS.issue(tenant, UUID.randomUUID().toString(), "employee"), endpoint.id()).then().statusCode(403);
        testSend(TOKENS.issue(tenant, "hr-1", "hr"), endpoint.id()).then().statusCode(403);
        given().post("/api/webhook-endpoints/{id}/test-deliveries", endpoint.id()).then().statusCode(401);
        assertThat(receiver.count(r -> r.path().equals(path))).isZero();
    }

    @Test
    void more_than_five_tests_of_one_endpoint_a_minute_are_refused_with_retry_after() {
        String path = "/hooks/test-" + UUID.randomUUID();
        Registered endpoint = register(receiver.url(path));
        for (int i = 0; i < WebhookTestSends.PER_WINDOW; i++) {
            testSend(admin, endpoint.id()).then().statusCode(200).body("delivered", equalTo(true));
        }
        Response refused = testSend(admin, endpoint.id());
        refused.then().statusCode(429).contentType("application/problem+json")
                .body("type", equalTo("urn:upright:problem:too-many-test-deliveries"));
        assertThat(Integer.parseInt(refused.header("Retry-After"))).isBetween(1, 60);
        assertThat(receiver.count(r -> r.path().equals(path))).isEqualTo(WebhookTestSends.PER_WINDOW);

        // another endpoint of the same tenant is tested as usual
        Registered other = register(receiver.url("/hooks/test-" + UUID.randomUUID()));
        testSend(admin, other.id()).then().statusCode(200).body("delivered", equalTo(true));
    }

    /** Everything the service keeps about the tenant: events, outbox rows, queued reminders and endpoint versions. */
    private long rowsOfTenant() throws Exception {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("select (select count(*) from event_store where tenant_id = ?) "
                     + "+ (select count(*) from outbox where tenant_id = ?) + (select count(*) from due_reminder where tenant_id = ?) "
                     + "+ (select coalesce(sum(version), 0) from webhook_endpoint where tenant_id = ?)")) {
            for (int i = 1; i <= 4; i++) {
                ps.setString(i, tenant);
            }
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
