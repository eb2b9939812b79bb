package io.upright.platform.outbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.upright.contracts.programs.TeamCreated;
import io.upright.localinfra.CloudEventRecords;
import io.upright.testsupport.kafka.TopicReader;
import io.upright.testsupport.quarkus.UprightTestInfrastructure;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

@QuarkusTest
@WithTestResource(value = UprightTestInfrastructure.class, initArgs = {
        @ResourceArg(name = "database", value = "platform"),
        @ResourceArg(name = "topics", value = "upright.programs,upright.platform-test,upright.platform-test.dlq")})
class OutboxRelayTest {

    @Inject
    Outbox outbox;

    @Inject
    OutboxRelay relay;

    @Inject
    DataSource dataSource;

    @Inject
    ObjectMapper json;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String kafka;

    @Test
    void a_row_committed_after_a_later_row_is_still_published_and_first() throws Exception {
        UUID team = UUID.randomUUID();
        CountDownLatch earlyWritten = new CountDownLatch(1);
        CountDownLatch mayCommit = new CountDownLatch(1);
        // The early transaction writes first (lower id and xid) but commits last.
        CompletableFuture<Void> early = CompletableFuture.runAsync(() -> QuarkusTransaction.requiringNew().run(() -> {
            outbox.enqueue("tenant-a", new TeamCreated(team, "early", Instant.now()));
            earlyWritten.countDown();
            await(mayCommit);
        }));
        assertThat(earlyWritten.await(10, TimeUnit.SECONDS)).isTrue();
        QuarkusTransaction.requiringNew().run(() -> outbox.enqueue("tenant-a", new TeamCreated(team, "late", Instant.now())));

        Thread.sleep(1500); // several relay polls while the early transaction is open
        assertThat(publishedNames(team)).as("nothing of this key overtakes the open transaction").isEmpty();

        mayCommit.countDown();
        early.get(10, TimeUnit.SECONDS);

        List<ConsumerRecord<String, byte[]>> records = TopicReader.awaitRecords(kafka, "upright.programs",
                r -> team.toString().equals(r.key()), 2, Duration.ofSeconds(30));
        assertThat(records).extracting(r -> name(r)).containsExactly("early", "late");
        assertThat(publishedNames(team)).containsExactlyInAnyOrder("early", "late");
    }

    @Test
    void a_row_sent_before_a_crash_but_never_marked_is_marked_without_being_sent_again() throws Exception {
        UUID team = UUID.randomUUID();
        CountDownLatch holderWritten = new CountDownLatch(1);
        CountDownLatch mayCommit = new CountDownLatch(1);
        // an open transaction keeps the relay off every row committed after it began
        CompletableFuture<Void> holder = CompletableFuture.runAsync(() -> QuarkusTransaction.requiringNew().run(() -> {
            outbox.enqueue("tenant-a", new TeamCreated(team, "holder", Instant.now()));
            holderWritten.countDown();
            await(mayCommit);
        }));
        assertThat(holderWritten.await(10, TimeUnit.SECONDS)).isTrue();
        UUID eventId = QuarkusTransaction.requiringNew().call(
                () -> outbox.enqueue("tenant-a", new TeamCreated(team, "sent-before-the-crash", Instant.now())));
        // what the previous process sent just before it died, under the row's event id
        TopicReader.send(kafka, CloudEventRecords.record("upright.programs", team.toString(), eventId.toString(),
                "upright.programs.team-created.v1", "urn:upright:programs", team.toString(), "tenant-a",
                "{\"name\":\"sent-before-the-crash\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        relay.assumeUnmarkedSends();

        mayCommit.countDown();
        holder.get(10, TimeUnit.SECONDS);

        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> publishedNames(team).size() == 2);
        List<ConsumerRecord<String, byte[]>> records = TopicReader.readAll(kafka, "upright.programs", Duration.ofSeconds(2));
        assertThat(records.stream().filter(r -> eventId.toString().equals(TopicReader.header(r, "ce_id"))).count())
                .as("the event id is on the topic once").isEqualTo(1);
        assertThat(records.stream().filter(r -> team.toString().equals(r.key())).count()).isEqualTo(2);
    }

    @Test
    void records_are_binary_mode_cloud_events_with_the_tenant() throws Exception {
        UUID team = UUID.randomUUID();
        UUID eventId = QuarkusTransaction.requiringNew().call(
                () -> outbox.enqueue("tenant-b", new TeamCreated(team, "Finance", Instant.now())));

        ConsumerRecord<String, byte[]> record = TopicReader.awaitRecord(kafka, "upright.programs",
                r -> team.toString().equals(r.key()), Duration.ofSeconds(30));

        assertThat(TopicReader.header(record, "ce_id")).isEqualTo(eventId.toString());
        assertThat(TopicReader.header(record, "ce_specversion")).isEqualTo("1.0");
        assertThat(TopicReader.header(record, "ce_type")).isEqualTo("upright.programs.team-created.v1");
        assertThat(TopicReader.header(record, "ce_source")).isEqualTo("urn:upright:programs");
        assertThat(TopicReader.header(record, "ce_subject")).isEqualTo(team.toString());
        assertThat(Instant.parse(TopicReader.header(record, "ce_time"))).isBefore(Instant.now().plusSeconds(1));
        assertThat(TopicReader.header(record, "ce_tenant")).isEqualTo("tenant-b");
        assertThat(TopicReader.header(record, "content-type")).isEqualTo("application/json");
        JsonNode body = json.readTree(record.value());
        assertThat(body.get("teamId").asText()).isEqualTo(team.toString());
        assertThat(body.get("name").asText()).isEqualTo("Finance");
    }

    @Test
    void a_rolled_back_transaction_publishes_nothing() throws Exception {
        UUID team = UUID.randomUUID();
        try {
            QuarkusTransaction.requiringNew().run(() -> {
                outbox.enqueue("tenant-a", new TeamCreated(team, "never", Instant.now()));
                throw new IllegalStateException("the state change failed");
            });
        } catch (IllegalStateException expected) {
            // rolled back
        }
        UUID marker = UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> outbox.enqueue("tenant-a", new TeamCreated(marker, "marker", Instant.now())));
        TopicReader.awaitRecord(kafka, "upright.programs", r -> marker.toString().equals(r.key()), Duration.ofSeconds(30));

        List<ConsumerRecord<String, byte[]>> all = TopicReader.readAll(kafka, "upright.programs", Duration.ofSeconds(1));
        assertThat(all).noneMatch(r -> team.toString().equals(r.key()));
    }

    private List<String> publishedNames(UUID team) throws Exception {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement(
                     "select payload->>'name' from outbox where record_key = ? and published_at is not null")) {
            ps.setString(1, team.toString());
            try (ResultSet rs = ps.executeQuery()) {
                List<String> names = new java.util.ArrayList<>();
                while (rs.next()) {
                    names.add(rs.getString(1));
                }
                return names;
            }
        }
    }

    private String name(ConsumerRecord<String, byte[]> record) {
        try {
            return json.readTree(record.value()).get("name").asText();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
