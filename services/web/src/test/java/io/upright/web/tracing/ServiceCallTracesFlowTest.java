package io.upright.web.tracing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import io.upright.tracing.TraceExport;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A page request starts a trace in the front end, and the calls it makes to the services carry that trace on as a
 * W3C {@code traceparent}, so a service's spans and log lines join the page's; the front end's own JSON log lines name
 * the trace too. The page here is a sign-in link's (it needs no session), which calls the reminders service. Spans are
 * caught by an in-memory exporter; the JSON formatter writes to a file the test reads, where the REST client logs each
 * call it makes.
 */
@QuarkusTest
@TestProfile(ServiceCallTracesFlowTest.JsonToAFile.class)
@WithTestResource(FakeReminders.class)
class ServiceCallTracesFlowTest {

    static final Path LOG = Path.of("target/service-call-traces-test.log");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern CSRF = Pattern.compile("name=\"csrf-token\" value=\"([^\"]+)\"");

    public static class JsonToAFile implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            try {
                Files.deleteIfExists(LOG);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
            return Map.of("quarkus.log.file.enabled", "true",
                    "quarkus.log.file.path", LOG.toString(),
                    "quarkus.log.file.json.enabled", "true",
                    "quarkus.rest-client.logging.scope", "request-response",
                    "quarkus.log.category.\"org.jboss.resteasy.reactive.client.logging\".level", "DEBUG");
        }
    }

    @Inject
    InMemorySpanExporter spans;

    @Inject
    @Any
    Instance<SpanExporter> exporters;

    @Test
    void without_an_otlp_endpoint_the_shared_drop_all_exporter_stands_in_for_quarkus_otlp_export() {
        // while a SpanExporter bean exists Quarkus makes no OTLP exporter of its own (this test's in-memory one is a second)
        assertThat(exporters.stream().map(e -> e.getClass().getName()))
                .anySatisfy(name -> assertThat(name).startsWith(TraceExport.class.getName()));
    }

    @Test
    void a_page_request_calls_the_services_within_the_trace_it_started() throws InterruptedException {
        String traceparent = signInWithALink();
        assertThat(traceparent).as("traceparent at reminders").matches("00-[0-9a-f]{32}-[0-9a-f]{16}-01");
        String trace = traceparent.split("-")[1];
        String caller = traceparent.split("-")[2];
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            List<SpanData> finished = spans.getFinishedSpanItems();
            SpanData page = finished.stream().filter(s -> s.getKind() == SpanKind.SERVER && s.getTraceId().equals(trace))
                    .findFirst().orElseThrow(() -> new AssertionError("no server span in trace " + trace + ": " + finished));
            assertThat(page.getName()).isEqualTo("POST /link");
            assertThat(page.getParentSpanContext().isValid()).as("the page request starts the trace").isFalse();
            SpanData call = finished.stream().filter(s -> s.getSpanId().equals(caller)).findFirst()
                    .orElseThrow(() -> new AssertionError("no span " + caller + " in " + finished));
            assertThat(call.getKind()).isEqualTo(SpanKind.CLIENT);
            assertThat(call.getParentSpanId()).as("the call is a child of the page request").isEqualTo(page.getSpanId());
        });
    }

    @Test
    void a_line_logged_while_a_page_request_is_handled_is_json_naming_its_trace_and_span() throws InterruptedException {
        String trace = signInWithALink().split("-")[1];

        AtomicReference<JsonNode> found = new AtomicReference<>();
        await().atMost(Duration.ofSeconds(10)).until(() -> {
            if (Files.exists(LOG)) {
                for (String l : Files.readAllLines(LOG, StandardCharsets.UTF_8)) {
                    JsonNode line = JSON.readTree(l);
                    if (line.path("message").asText().contains("/api/sign-in-links/redemptions")
                            && trace.equals(line.path("mdc").path("traceId").asText())) {
                        found.set(line);
                        return true;
                    }
                }
            }
            return false;
        });
        assertThat(found.get().path("mdc").path("spanId").asText()).matches("[0-9a-f]{16}");
    }

    /** Opens a sign-in link's page and presses its button; returns the traceparent reminders got (or "none"). */
    private static String signInWithALink() throws InterruptedException {
        Response form = given().get("/link/a-link-token").then().statusCode(200).extract().response();
        Matcher csrf = CSRF.matcher(form.asString());
        assertThat(csrf.find()).as("the form's CSRF token").isTrue();
        FakeReminders.TRACEPARENTS.clear();
        given().redirects().follow(false).cookies(form.getCookies()).contentType("application/x-www-form-urlencoded")
                .formParam("csrf-token", csrf.group(1)).formParam("token", "a-link-token")
                .post("/link").then().statusCode(303);
        String traceparent = FakeReminders.TRACEPARENTS.poll(10, TimeUnit.SECONDS);
        assertThat(traceparent).as("reminders was called").isNotNull();
        return traceparent;
    }
}
