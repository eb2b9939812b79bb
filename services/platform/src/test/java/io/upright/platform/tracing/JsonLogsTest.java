package io.upright.platform.tracing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.upright.localinfra.CloudEventRecords;
import io.upright.localinfra.DevTokens;
import io.upright.testsupport.kafka.TopicReader;
import io.upright.testsupport.quarkus.UprightTestInfrastructure;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue 18, logs: outside dev and test a service writes JSON lines, and a line written while a request or a consumed
 * event is handled names its trace and span, so the log and the trace of one request can be joined. The console is
 * where the services write; here the same JSON formatter writes to a file the test can read.
 */
@QuarkusTest
@TestProfile(JsonLogsTest.JsonToAFile.class)
@WithTestResource(value = UprightTestInfrastructure.class, initArgs = {
        @ResourceArg(name = "database", value = "platform"),
        @ResourceArg(name = "topics", value = "upright.programs,upright.platform-test,upright.platform-test.dlq")})
class JsonLogsTest {

    static final Path LOG = Path.of("target/json-logs-test.log");
    private static final ObjectMapper JSON = new ObjectMapper();

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
                    "quarkus.log.file.json.enabled", "true");
        }
    }

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String kafka;

    @Test
    void a_line_logged_while_a_request_is_handled_is_json_naming_the_request_s_trace_and_span() {
        String trace = randomHex(16);
        String writer = DevTokens.forTests().issue("json-" + UUID.randomUUID(), UUID.randomUUID().toString(), "employee");
        String location = given().auth().oauth2(writer).contentType("application/json")
                .header("traceparent", "00-" + trace + "-" + randomHex(8) + "-01")
                .body("{\"text\":\"stand up\",\"priority\":2}").post("/api/notes")
                .then().statusCode(201).extract().header("Location");
        String note = location.substring(location.lastIndexOf('/') + 1);

        JsonNode line = awaitLine("Note " + note + " written");
        assertThat(field(line, "traceId")).isEqualTo(trace);
        assertThat(field(line, "spanId")).matches("[0-9a-f]{16}");
        assertThat(line.path("level").asText()).isEqualTo("INFO");
    }

    @Test
    void a_line_logged_while_a_consumed_event_is_applied_names_the_trace_the_event_came_with() throws Exception {
        String trace = randomHex(16);
        String producer = randomHex(8);
        String subject = UUID.randomUUID().toString();
        String eventId = UUID.randomUUID().toString();
        ProducerRecord<String, byte[]> record = CloudEventRecords.record("upright.platform-test", subject, eventId,
                "upright.platform-test.note-added.v1", "urn:upright:platform-test", subject, "tenant-a",
                "{\"text\":\"hello\"}".getBytes(StandardCharsets.UTF_8));
        record.headers().add("ce_traceparent", ("00-" + trace + "-" + producer + "-01").getBytes(StandardCharsets.UTF_8));
        TopicReader.send(kafka, record);

        JsonNode line = awaitLine("Note event " + eventId + " applied");
        assertThat(field(line, "traceId")).isEqualTo(trace);
        assertThat(field(line, "spanId")).as("the consumer's own span").matches("[0-9a-f]{16}").isNotEqualTo(producer);
    }

    @Test
    void every_line_of_the_log_is_one_json_object() throws IOException {
        await().atMost(Duration.ofSeconds(10)).until(() -> Files.exists(LOG) && Files.size(LOG) > 0);
        List<String> lines = Files.readAllLines(LOG, StandardCharsets.UTF_8);
        assertThat(lines).isNotEmpty().allSatisfy(l -> assertThat(JSON.readTree(l).isObject()).as(l).isTrue());
    }

    private static JsonNode awaitLine(String message) {
        List<JsonNode> found = new ArrayList<>();
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            if (!Files.exists(LOG)) {
                return false;
            }
            for (String l : Files.readAllLines(LOG, StandardCharsets.UTF_8)) {
                JsonNode node = JSON.readTree(l);
                if (message.equals(node.path("message").asText())) {
                    found.add(node);
                    return true;
                }
            }
            return false;
        });
        return found.get(0);
    }

    /** An MDC value: the formatter writes the MDC as an object of its own. */
    private static String field(JsonNode line, String key) {
        JsonNode value = line.path("mdc").path(key);
        return value.isMissingNode() ? line.path(key).asText(null) : value.asText();
    }

    private static String randomHex(int bytes) {
        byte[] b = new byte[bytes];
        ThreadLocalRandom.current().nextBytes(b);
        b[0] |= 1;
        return HexFormat.of().formatHex(b);
    }
}
