package io.upright.reminders.webhook;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.upright.reminders.testing.Queue;
import io.upright.localinfra.DevTokens;
import io.upright.testsupport.quarkus.UprightTestInfrastructure;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Retry and backoff against WireMock on 127.0.0.1: a 500 is retried (same webhook-id) and delivered once, a 429
 * with Retry-After is retried no earlier than asked, a 410 disables the endpoint for good. The service's engine
 * runs as usual; reminders are put straight into the queue.
 */
@QuarkusTest
@WithTestResource(value = UprightTestInfrastructure.class, initArgs = {
        @ResourceArg(name = "database", value = "reminders"),
        @ResourceArg(name = "topics", value = "upright.programs,upright.exercises,upright.assessments,upright.reminders,upright.reminders.dlq")})
class WebhookRetryWireMockFlowTest {

    private static final DevTokens TOKENS = DevTokens.forTests();
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static WireMockServer wireMock;

    private final String tenant = "wiremock-" + UUID.randomUUID();
    private final String admin = TOKENS.issue(tenant, "admin-1", "admin");

    @Inject
    DataSource dataSource;

    @BeforeAll
    static void startWireMock() {
        wireMock = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
        wireMock.start();
    }

    @AfterAll
    static void stopWireMock() {
        wireMock.stop();
    }

    private Queue queue() {
        return new Queue(dataSource, tenant);
    }

    @Test
    void a_500_is_retried_with_the_same_webhook_id_and_delivered_once() {
        String path = "/flaky/" + tenant;
        wireMock.stubFor(post(urlPathEqualTo(path)).inScenario(path).whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(500)).willSetStateTo("recovered"));
        wireMock.stubFor(post(urlPathEqualTo(path)).inScenario(path).whenScenarioStateIs("recovered")
                .willReturn(aResponse().withStatus(204)));
        registerEndpoint(path);
        UUID id = queue().dueNow(UUID.randomUUID(), Duration.ofSeconds(60));

        await().atMost(WAIT).until(() -> "sent".equals(queue().status(id)));
        wireMock.verify(2, postRequestedFor(urlPathEqualTo(path)).withHeader("webhook-id", equalTo(id.toString())));
        assertThat(queue().count("select attempts from due_reminder where id = ?", id)).isEqualTo(2);
        assertThat(queue().events(id, "ReminderSent")).isEqualTo(1);
        assertThat(queue().count("select count(*) from outbox where subject = ?", id.toString())).isEqualTo(1);
    }

    @Test
    void a_429_with_retry_after_is_retried_no_earlier_than_asked() {
        String path = "/busy/" + tenant;
        wireMock.stubFor(post(urlPathEqualTo(path)).inScenario(path).whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "1")).willSetStateTo("free"));
        wireMock.stubFor(post(urlPathEqualTo(path)).inScenario(path).whenScenarioStateIs("free")
                .willReturn(aResponse().withStatus(204)));
        registerEndpoint(path);
        UUID id = queue().dueNow(UUID.randomUUID(), Duration.ofSeconds(60));

        await().atMost(WAIT).until(() -> "sent".equals(queue().status(id)));
        List<ServeEvent> calls = served(path);
        assertThat(calls).hasSize(2);
        // the engine's own first retry (0.2 s in tests) would be sooner: Retry-After wins
        long gap = calls.get(1).getRequest().getLoggedDate().getTime() - calls.get(0).getRequest().getLoggedDate().getTime();
        assertThat(gap).isGreaterThanOrEqualTo(1000);
        assertThat(queue().events(id, "ReminderSent")).isEqualTo(1);
    }

    @Test
    void a_410_disables_the_endpoint_and_it_is_never_called_again() {
        String gone = "/gone/" + tenant;
        String healthy = "/healthy/" + tenant;
        wireMock.stubFor(post(urlPathEqualTo(gone)).willReturn(aResponse().withStatus(410)));
        wireMock.stubFor(post(urlPathEqualTo(healthy)).willReturn(aResponse().withStatus(202)));
        String goneId = registerEndpoint(gone);
        registerEndpoint(healthy);

        UUID first = queue().dueNow(UUID.randomUUID(), Duration.ofSeconds(60));
        await().atMost(WAIT).until(() -> "sent".equals(queue().status(first)));
        given().auth().oauth2(admin).get("/api/webhook-endpoints/{id}", goneId).then().statusCode(200)
                .body("status", org.hamcrest.Matchers.equalTo("disabled"));

        UUID second = queue().dueNow(UUID.randomUUID(), Duration.ofSeconds(60));
        await().atMost(WAIT).until(() -> "sent".equals(queue().status(second)));
        wireMock.verify(1, postRequestedFor(urlPathEqualTo(gone)));
        wireMock.verify(2, postRequestedFor(urlPathEqualTo(healthy)));
    }

    private List<ServeEvent> served(String path) {
        return wireMock.getAllServeEvents().stream().filter(e -> e.getRequest().getUrl().startsWith(path))
                .sorted(Comparator.comparing(e -> e.getRequest().getLoggedDate())).toList();
    }

    private String registerEndpoint(String path) {
        return given().auth().oauth2(admin).contentType("application/json").body(Map.of("url", wireMock.baseUrl() + path))
                .post("/api/webhook-endpoints").then().statusCode(201).extract().path("id");
    }
}
