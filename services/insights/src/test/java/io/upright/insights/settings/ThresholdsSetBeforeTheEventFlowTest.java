package io.upright.insights.settings;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.upright.contracts.insights.AnonymityThresholdChanged;
import io.upright.testsupport.kafka.TopicReader;
import io.upright.testsupport.quarkus.UprightTestInfrastructure;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A tenant whose admin set k before insights published {@code AnonymityThresholdChanged} is published once by the
 * migration {@code V106}, from the latest change on its trail, as a record consumers read like any other. The
 * migration ran on an empty database at start-up, so here its statement runs again over temporary tables that stand
 * for the tenant's settings and trail (PostgreSQL looks in {@code pg_temp} first); its rows go into the real outbox.
 */
@QuarkusTest
@WithTestResource(value = UprightTestInfrastructure.class, initArgs = {
        @ResourceArg(name = "database", value = "insights"),
        @ResourceArg(name = "topics", value = "upright.programs,upright.assessments,upright.exercises,upright.reminders,upright.insights.dlq")})
class ThresholdsSetBeforeTheEventFlowTest {

    @Inject
    DataSource dataSource;

    @Inject
    ObjectMapper json;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String kafka;

    @Test
    void a_k_set_before_the_event_existed_is_published_once_from_the_latest_change_on_the_trail() throws Exception {
        String raisedTwice = "acme-" + UUID.randomUUID();
        Instant first = Instant.parse("2026-01-05T09:00:00Z");
        Instant latest = Instant.parse("2026-02-02T10:30:00.123456Z");

        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                s.execute("create temp table insights_settings (tenant_id text primary key, anonymity_threshold integer not null) on commit drop");
                s.execute("create temp table insights_threshold_change (id bigserial primary key, tenant_id text not null, "
                        + "changed_by text not null, changed_at timestamptz not null, previous_threshold integer, "
                        + "new_threshold integer not null) on commit drop");
            }
            try (PreparedStatement ps = c.prepareStatement("insert into insights_settings values (?, 9)")) {
                ps.setString(1, raisedTwice);
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("insert into insights_threshold_change "
                    + "(tenant_id, changed_by, changed_at, previous_threshold, new_threshold) values (?, 'admin-1', ?, ?, ?)")) {
                change(ps, raisedTwice, first, null, 7);
                change(ps, raisedTwice, latest, 7, 9);
            }
            try (Statement s = c.createStatement()) {
                s.execute(migration());
            }
            c.commit();
        }

        ConsumerRecord<String, byte[]> record = TopicReader.awaitRecord(kafka, "upright.insights",
                r -> raisedTwice.equals(TopicReader.header(r, "ce_tenant")), Duration.ofSeconds(30));
        assertThat(TopicReader.header(record, "ce_type")).isEqualTo("upright.insights.anonymity-threshold-changed.v1");
        assertThat(TopicReader.header(record, "ce_source")).isEqualTo("urn:upright:insights");
        assertThat(TopicReader.header(record, "ce_subject")).isEqualTo(AnonymityThresholdChanged.SETTING);
        assertThat(record.key()).isEqualTo(AnonymityThresholdChanged.SETTING);
        // read as a consumer reads it: the contract record, exactly
        assertThat(json.readValue(record.value(), AnonymityThresholdChanged.class))
                .isEqualTo(new AnonymityThresholdChanged(9, 7, latest));
    }

    private static void change(PreparedStatement ps, String tenant, Instant at, Integer previous, int threshold) throws Exception {
        ps.setString(1, tenant);
        ps.setTimestamp(2, Timestamp.from(at));
        ps.setObject(3, previous);
        ps.setInt(4, threshold);
        ps.executeUpdate();
    }

    private static String migration() throws Exception {
        try (InputStream in = ThresholdsSetBeforeTheEventFlowTest.class
                .getResourceAsStream("/db/migration/V106__publish_thresholds_set_before_the_event.sql")) {
            assertThat(in).as("the migration").isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
