package io.upright.reminders.chat;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.upright.reminders.testing.Queue;
import io.upright.reminders.testing.ScriptedReceiver;
import io.upright.reminders.testing.ScriptedReceiver.Answer;
import io.upright.localinfra.DevTokens;
import io.upright.testsupport.http.Api;
import io.upright.testsupport.quarkus.UprightTestInfrastructure;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

/**
 * What Slack and Teams channels share as chat channels: a webhook answering 410 disables its channel, whatever the
 * kind; and channel events stored under the names they had before the two were unified (SlackChannel…,
 * TeamsChannel…) still load once V107 has renamed them.
 */
@QuarkusTest
@WithTestResource(value = UprightTestInfrastructure.class, initArgs = {
        @ResourceArg(name = "database", value = "reminders"),
        @ResourceArg(name = "topics", value = "upright.programs,upright.exercises,upright.assessments,upright.reminders,upright.reminders.dlq")})
class ChatChannelFlowTest {

    private static final DevTokens TOKENS = DevTokens.forTests();
    private static final Instant AT = Instant.parse("2026-11-25T09:00:00Z");
    private static final Duration WAIT = Duration.ofSeconds(60);

    private final String tenant = "chat-" + UUID.randomUUID();
    private final String admin = TOKENS.issue(tenant, "admin-1", "admin");

    @Inject
    io.upright.reminders.contact.EmployeeContacts contacts;

    @Inject
    DataSource dataSource;

    @Test
    void the_openapi_document_keeps_each_kinds_paths_summaries_and_schemas() {
        // one implementation behind both resources: the documented API stays two collections, each in its own words
        Api.anonymous().get("/q/openapi?format=json").then().statusCode(200)
                .body("paths.'/api/slack-channels'.post.summary",
                        equalTo("Register a Slack incoming webhook (a shared channel): it announces team breaks only; personal reminders come from the Slack app as direct messages"))
                .body("paths.'/api/slack-channels'.get.summary", equalTo("List the tenant's Slack channels, oldest first (URLs only as hints)"))
                .body("paths.'/api/slack-channels/{id}'.get.summary", equalTo("Read one Slack channel (URL only as a hint)"))
                .body("paths.'/api/slack-channels/{id}'.delete.summary", equalTo("Remove a Slack channel; it receives no further reminders"))
                .body("paths.'/api/teams-channels'.post.summary", equalTo("Register a Microsoft Teams workflow webhook that receives "
                        + "break reminders as Adaptive Cards with Done / Snooze / Skip links"))
                .body("paths.'/api/teams-channels'.get.summary", equalTo("List the tenant's Teams channels, oldest first (URLs only as hints)"))
                .body("paths.'/api/teams-channels/{id}'.get.summary", equalTo("Read one Teams channel (URL only as a hint)"))
                .body("paths.'/api/teams-channels/{id}'.delete.summary", equalTo("Remove a Teams channel; it receives no further reminders"))
                .body("components.schemas.SlackChannel", notNullValue()).body("components.schemas.TeamsChannel", notNullValue())
                .body("components.schemas.NewSlackChannel", notNullValue()).body("components.schemas.NewTeamsChannel", notNullValue());
    }

    @Test
    void a_slack_or_teams_webhook_answering_410_disables_its_channel_with_the_kinds_reason() throws Exception {
        try (ScriptedReceiver receiver = new ScriptedReceiver()) {
            String slackPath = "/gone/slack/" + tenant;
            String teamsPath = "/gone/teams/" + tenant;
            receiver.script(slackPath, Answer.of(410)).script(teamsPath, Answer.of(410));
            String slack = register("/api/slack-channels", receiver.url(slackPath));
            String teams = register("/api/teams-channels", receiver.url(teamsPath));

            Queue queue = new Queue(dataSource, tenant);
            // a team break: the one kind a shared Slack channel takes (Teams' workflow takes every kind, for a
            // recipient it can name)
            UUID employee = UUID.randomUUID();
            contacts.shared(tenant, employee, employee + "@acme.example", null, Instant.now());
            UUID reminder = queue.teamBreak(employee, UUID.randomUUID(),
                    Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS), Duration.ofSeconds(60));
            // both channels gone: nothing took the reminder, and each channel was disabled before it was settled
            await().atMost(WAIT).until(() -> "failed".equals(queue.status(reminder)));

            given().auth().oauth2(admin).get("/api/slack-channels/{id}", slack).then().statusCode(200).body("status", equalTo("disabled"));
            given().auth().oauth2(admin).get("/api/teams-channels/{id}", teams).then().statusCode(200).body("status", equalTo("disabled"));
            assertThat(stored(UUID.fromString(slack))).containsExactly("ChatChannelRegistered/slack", "ChatChannelDisabled/slack");
            assertThat(stored(UUID.fromString(teams))).containsExactly("ChatChannelRegistered/teams", "ChatChannelDisabled/teams");
            assertThat(queue.string("select payload ->> 'reason' from event_store where stream_id = ?::uuid and event_type = 'ChatChannelDisabled'", slack))
                    .isEqualTo("Slack answered 410 Gone");
            assertThat(queue.string("select payload ->> 'reason' from event_store where stream_id = ?::uuid and event_type = 'ChatChannelDisabled'", teams))
                    .isEqualTo("the Teams workflow answered 410 Gone");
            assertThat(receiver.callsTo(slackPath)).isEqualTo(1);
            assertThat(receiver.callsTo(teamsPath)).isEqualTo(1);
        }
    }

    @Test
    void slack_and_teams_channel_events_stored_under_their_old_names_load_after_the_migration() throws Exception {
        UUID slack = UUID.randomUUID();
        UUID teams = UUID.randomUUID();
        storeOldChannel("slack_channel", "slack-channel", slack, "active", List.of("SlackChannelRegistered"));
        storeOldChannel("teams_channel", "teams-channel", teams, "disabled", List.of("TeamsChannelRegistered", "TeamsChannelDisabled"));

        migrate();

        given().auth().oauth2(admin).get("/api/slack-channels/{id}", slack).then().statusCode(200).body("status", equalTo("active"));
        given().auth().oauth2(admin).delete("/api/slack-channels/{id}", slack).then().statusCode(204);
        given().auth().oauth2(admin).delete("/api/teams-channels/{id}", teams).then().statusCode(204);

        assertThat(stored(slack)).containsExactly("ChatChannelRegistered/slack", "ChatChannelRemoved/slack");
        assertThat(stored(teams)).containsExactly("ChatChannelRegistered/teams", "ChatChannelDisabled/teams", "ChatChannelRemoved/teams");
    }

    private String register(String path, String url) {
        return given().auth().oauth2(admin).contentType("application/json").body(Map.of("webhookUrl", url))
                .post(path).then().statusCode(201).extract().path("id");
    }

    /** A channel as the service stored it before V107: read-model row plus events under the old record names. */
    private void storeOldChannel(String table, String streamType, UUID id, String status, List<String> eventTypes) throws Exception {
        try (Connection c = dataSource.getConnection()) {
            try (PreparedStatement ps = c.prepareStatement("insert into " + table
                    + " (tenant_id, id, sealed_url, url_hint, team_id, status, created_at, disabled_at, version) "
                    + "values (?, ?, 'sealed', 'https://example.test/…AbCd', null, ?, ?, null, ?)")) {
                ps.setString(1, tenant);
                ps.setObject(2, id);
                ps.setString(3, status);
                ps.setTimestamp(4, Timestamp.from(AT));
                ps.setLong(5, eventTypes.size());
                ps.executeUpdate();
            }
            int version = 0;
            for (String type : eventTypes) {
                version++;
                String payload = type.endsWith("Registered")
                        ? "{\"channelId\": \"" + id + "\", \"sealedUrl\": \"sealed\", \"urlHint\": \"https://example.test/…AbCd\", "
                        + "\"teamId\": null, \"registeredAt\": \"" + AT + "\"}"
                        : "{\"channelId\": \"" + id + "\", \"reason\": \"gone\", \"disabledAt\": \"" + AT + "\"}";
                try (PreparedStatement ps = c.prepareStatement("insert into event_store "
                        + "(tenant_id, stream_type, stream_id, version, event_id, event_type, payload) values (?, ?, ?, ?, ?, ?, cast(? as jsonb))")) {
                    ps.setString(1, tenant);
                    ps.setString(2, streamType);
                    ps.setObject(3, id);
                    ps.setInt(4, version);
                    ps.setObject(5, UUID.randomUUID());
                    ps.setString(6, type);
                    ps.setString(7, payload);
                    ps.executeUpdate();
                }
            }
        }
    }

    /** Runs V107 again: it only touches events still under the old names, here this test's. */
    private void migrate() throws Exception {
        String sql;
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("db/migration/V107__chat_channel_events.sql")) {
            assertThat(in).isNotNull();
            sql = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private List<String> stored(UUID stream) throws Exception {
        List<String> events = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "select event_type || '/' || (payload ->> 'kind') from event_store where tenant_id = ? and stream_id = ? order by version")) {
            ps.setString(1, tenant);
            ps.setObject(2, stream);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    events.add(rs.getString(1));
                }
            }
        }
        return events;
    }
}
