package io.upright.platform.tracing;

import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.upright.localinfra.CloudEventRecords;
import io.upright.localinfra.DevTokens;
import io.upright.platform.notes.NoteConsumer;
import io.upright.testsupport.kafka.TopicReader;
import io.upright.testsupport.quarkus.UprightTestInfrastructure;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HexFormat;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue 18: one trace from a request to the effects it has elsewhere. The request's trace goes into the outbox with the
 * event and onto Kafka as the CloudEvents distributed-tracing extension (ce_traceparent); a consumer applies the event
 * in a span that continues it, and the event its effect publishes carries the same trace on. Spans are caught by an
 * in-memory exporter.
 */
@QuarkusTest
@WithTestResource(value = UprightTestInfrastructure.class, initArgs = {
        @ResourceArg(name = "database", value = "platform"),
        @ResourceArg(name = "topics", value = "upright.programs,upright.platform-test,upright.platform-test.dlq")})
class TraceContinuityTest {

    private static final String TOPIC = "upright.platform-test";

    @Inject
    InMemorySpanExporter spans;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String kafka;

    @Test
    void a_request_s_trace_goes_with_the_event_it_publishes_onto_kafka() {
        String trace = randomHex(16);
        String caller = randomHex(8);
        String writer = DevTokens.forTests().issue("trace-" + UUID.randomUUID(), UUID.randomUUID().toString(), "employee");
        String location = given().auth().oauth2(writer).contentType("application/json")
                .header("traceparent", "00-" + trace + "-" + caller + "-01")
                .body("{\"text\":\"stand up\",\"priority\":2}").post("/api/notes")
                .then().statusCode(201).extract().header("Location");
        String note = location.substring(location.lastIndexOf('/') + 1);

        ConsumerRecord<String, byte[]> published = TopicReader.awaitRecord(kafka, "upright.programs",
                r -> note.equals(r.key()), Duration.ofSeconds(30));
        String traceparent = TopicReader.header(published, "ce_traceparent");
        assertThat(traceparent).as("ce_traceparent").matches("00-" + trace + "-[0-9a-f]{16}-01");
        // the request's server span, a child of the caller's, wrote the event
        String requestSpan = traceparent.split("-")[2];
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(spans.getFinishedSpanItems())
                .anySatisfy(span -> {
                    assertThat(span.getSpanId()).isEqualTo(requestSpan);
                    assertThat(span.getKind()).isEqualTo(SpanKind.SERVER);
                    assertThat(span.getParentSpanId()).isEqualTo(caller);
                }));
    }

    @Test
    void a_consumer_applies_an_event_in_its_trace_and_the_event_its_effect_publishes_carries_that_trace_on() throws Exception {
        String trace = randomHex(16);
        String producer = randomHex(8);
        String subject = UUID.randomUUID().toString();
        NoteConsumer.PUBLISHES.add(subject);
        String eventId = UUID.randomUUID().toString();
        ProducerRecord<String, byte[]> record = CloudEventRecords.record(TOPIC, subject, eventId,
                "upright.platform-test.note-added.v1", "urn:upright:platform-test", subject, "tenant-a",
                "{\"text\":\"hello\"}".getBytes(StandardCharsets.UTF_8));
        record.headers().add("ce_traceparent", ("00-" + trace + "-" + producer + "-01").getBytes(StandardCharsets.UTF_8));
        TopicReader.send(kafka, record);

        ConsumerRecord<String, byte[]> caused = TopicReader.awaitRecord(kafka, "upright.programs",
                r -> subject.equals(r.key()), Duration.ofSeconds(30));
        await().atMost(Duration.ofSeconds(10)).until(() -> consumerSpan(eventId) != null);
        SpanData consumed = consumerSpan(eventId);
        assertThat(consumed.getTraceId()).isEqualTo(trace);
        assertThat(consumed.getParentSpanId()).as("a child of the producer's span").isEqualTo(producer);
        assertThat(consumed.getName()).isEqualTo(TOPIC + " process");
        assertThat(TopicReader.header(caused, "ce_traceparent"))
                .as("the caused event carries the consumer span on").isEqualTo("00-" + trace + "-" + consumed.getSpanId() + "-01");
        NoteConsumer.PUBLISHES.remove(subject);
    }

    @Test
    void an_event_without_a_trace_is_applied_in_a_trace_of_its_own() throws Exception {
        String subject = UUID.randomUUID().toString();
        String eventId = UUID.randomUUID().toString();
        TopicReader.send(kafka, CloudEventRecords.record(TOPIC, subject, eventId, "upright.platform-test.note-added.v1",
                "urn:upright:platform-test", subject, "tenant-a", "{\"text\":\"hello\"}".getBytes(StandardCharsets.UTF_8)));

        await().atMost(Duration.ofSeconds(30)).until(() -> consumerSpan(eventId) != null);
        SpanData consumed = consumerSpan(eventId);
        assertThat(consumed.getParentSpanContext().isValid()).as("no parent").isFalse();
        assertThat(consumed.getKind()).isEqualTo(SpanKind.CONSUMER);
    }

    private SpanData consumerSpan(String eventId) {
        return spans.getFinishedSpanItems().stream()
                .filter(s -> s.getKind() == SpanKind.CONSUMER
                        && eventId.equals(s.getAttributes().get(io.opentelemetry.api.common.AttributeKey.stringKey("cloudevents.event_id"))))
                .findFirst().orElse(null);
    }

    private static String randomHex(int bytes) {
        byte[] b = new byte[bytes];
        ThreadLocalRandom.current().nextBytes(b);
        b[0] |= 1; // never all zeros, which W3C trace context calls invalid
        return HexFormat.of().formatHex(b);
    }
}
