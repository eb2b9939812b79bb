package io.upright.exercises.session;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import io.upright.localinfra.DevTokens;
import io.upright.platform.domain.Rejection;
import io.upright.platform.eventstore.AggregateStore;
import io.upright.platform.inbox.Inbox;
import io.upright.testsupport.http.Api;
import io.upright.testsupport.kafka.TopicReader;
import io.upright.testsupport.quarkus.UprightTestInfrastructure;
import io.upright.testsupport.time.AdjustableClock;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

@QuarkusTest
@WithTestResource(value = UprightTestInfrastructure.class, initArgs = {
        @ResourceArg(name = "database", value = "exercises"),
        @ResourceArg(name = "topics", value = "upright.assessments,upright.programs,upright.reminders,upright.exercises,upright.exercises.dlq")})
class ExerciseSessionFlowTest {

    private static final DevTokens TOKENS = DevTokens.forTests();
    @Inject
    Inbox inbox;

    @Inject
    ObjectMapper mapper;

    @Inject
    AggregateStore aggregates;

    @Inject
    DataSource dataSource;


    private final String tenant = "acme-" + UUID.randomUUID();
    private final String employeeId = UUID.randomUUID().toString();
    private final String employee = TOKENS.issue(tenant, employeeId, "employee");

    /** Business time of every request in this class: "now" for the session service. */
    private final AdjustableClock clock = AdjustableClock.at(Instant.parse("2026-11-25T10:15:30Z"));

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String kafka;

    @BeforeEach
    void installClock() {
        QuarkusMock.installMockForType(clock, Clock.class);
    }

    @Test
    void logging_a_routine_publishes_exercise_session_completed_and_lists_it_newest_first() throws Exception {
        String first = post(Map.of("routineId", "walking-break", "minutes", 8, "feltRating", 4))
                .then().statusCode(201).body("routineId", equalTo("walking-break"))
                .extract().header("Location");
        String sessionId = first.substring(first.lastIndexOf('/') + 1);
        clock.advance(Duration.ofMinutes(5));
        String second = post(Map.of("exerciseId", "glute-bridge", "minutes", 2, "feltRating", 3)).then().statusCode(201).extract().path("id");

        ConsumerRecord<String, byte[]> record = TopicReader.awaitRecord(kafka, "upright.exercises",
                r -> employeeId.equals(r.key()) && sessionId.equals(TopicReader.header(r, "ce_subject")),
                Duration.ofSeconds(30));
        assertThat(TopicReader.header(record, "ce_type")).isEqualTo("upright.exercises.exercise-session-completed.v2");
        assertThat(TopicReader.header(record, "ce_tenant")).isEqualTo(tenant);
        JsonNode body = opened(record);
        assertThat(body.get("routineId").asText()).isEqualTo("walking-break");
        assertThat(body.get("exerciseId").isNull()).isTrue();
        assertThat(body.get("seconds").asInt()).isEqualTo(480);
        assertThat(body.has("minutes")).isFalse();
        assertThat(body.get("feltRating").asInt()).isEqualTo(4);

        Api.as(employee).get("/api/me/exercise-sessions").then().statusCode(200)
                .body("total", equalTo(2))
                .body("items.id", contains(second, sessionId))
                .body("items.completedAt", contains(startsWith("2026-11-25T10:20:30"), startsWith("2026-11-25T10:15:30")));
        Api.as(employee).get(first).then().statusCode(200).body("minutes", equalTo(8)).body("seconds", equalTo(480));
    }

    @Test
    void a_thirty_second_micro_break_is_logged_and_published_in_seconds() throws Exception {
        String id = post(Map.of("routineId", "walking-break", "seconds", 30, "feltRating", 5))
                .then().statusCode(201).body("seconds", equalTo(30)).body("minutes", equalTo(1))
                .extract().path("id");

        ConsumerRecord<String, byte[]> record = TopicReader.awaitRecord(kafka, "upright.exercises",
                r -> employeeId.equals(r.key()) && id.equals(TopicReader.header(r, "ce_subject")),
                Duration.ofSeconds(30));
        assertThat(TopicReader.header(record, "ce_type")).isEqualTo("upright.exercises.exercise-session-completed.v2");
        assertThat(new String(record.value(), StandardCharsets.UTF_8)).as("sealed for the employee, as v1 was")
                .contains("\"sealedFor\"").doesNotContain("\"routineId\"").doesNotContain("\"seconds\"");
        assertThat(opened(record).get("seconds").asInt()).isEqualTo(30);

        post(Map.of("routineId", "walking-break", "minutes", 2, "seconds", 90, "feltRating", 5))
                .then().statusCode(400).body("errors.field", containsInAnyOrder("minutes", "seconds"));
        post(Map.of("routineId", "walking-break", "seconds", 14401, "feltRating", 5))
                .then().statusCode(400).body("errors.field", contains("seconds"));
    }

    @Test
    void a_session_an_old_build_stored_in_minutes_is_read_in_seconds_and_its_row_is_never_rewritten() throws Exception {
        UUID session = UUID.randomUUID();
        // SessionLogged v1, exactly as the build before seconds wrote it
        String v1 = "{\"sessionId\":\"" + session + "\",\"employeeId\":\"" + employeeId + "\",\"routineId\":\"walking-break\","
                + "\"exerciseId\":null,\"minutes\":2,\"feltRating\":4,\"completedAt\":\"2026-11-24T09:00:00Z\",\"discomfort\":null}";
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("insert into event_store (tenant_id, stream_type, stream_id, version, "
                     + "event_id, event_type, event_version, payload) values (?, ?, ?, 1, ?, 'SessionLogged', 1, cast(? as jsonb))")) {
            ps.setString(1, tenant);
            ps.setString(2, SessionDecider.SESSION.streamType());
            ps.setObject(3, session);
            ps.setObject(4, UUID.randomUUID());
            ps.setString(5, v1);
            ps.executeUpdate();
        }

        var read = aggregates.read(tenant, SessionDecider.SESSION, session);
        assertThat(read.version()).isEqualTo(1);
        assertThat(read.state().logged().seconds()).isEqualTo(120);
        assertThat(read.state().logged().routineId()).isEqualTo("walking-break");
        // a new command on that stream is decided on the upcast state: the session is logged, so a second log is refused
        SessionDecider.LogSession again = new SessionDecider.LogSession(session, UUID.fromString(employeeId), "walking-break",
                null, 2, 4, Instant.parse("2026-11-24T09:00:00Z"), new SessionDecider.Known(r -> true, e -> false));
        assertThatThrownBy(() -> QuarkusTransaction.requiringNew().run(() ->
                aggregates.handle(tenant, SessionDecider.SESSION, session, again)))
                .isInstanceOfSatisfying(Rejection.class, e -> assertThat(e.getMessage()).contains("already logged"));

        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("select event_version, payload ->> 'minutes', (payload -> 'seconds') is not null "
                     + "from event_store where tenant_id = ? and stream_id = ?")) {
            ps.setString(1, tenant);
            ps.setObject(2, session);
            try (ResultSet rs = ps.executeQuery()) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getInt(1) + " " + rs.getString(2) + " " + rs.getBoolean(3)).isEqualTo("1 2 false");
                assertThat(rs.next()).isFalse();
            }
        }
    }

    @Test
    void invalid_sessions_name_the_offending_fields() {
        post(Map.of("routineId", "walking-break", "exerciseId", "glute-bridge", "minutes", 5, "feltRating", 3))
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", containsInAnyOrder("routineId", "exerciseId"));
        post(Map.of("minutes", 5, "feltRating", 3))
                .then().statusCode(400).body("errors.field", containsInAnyOrder("routineId", "exerciseId"));
        post(Map.of("routineId", "marathon", "minutes", 5, "feltRating", 3))
                .then().statusCode(400).body("errors.field", contains("routineId"));
        post(Map.of("exerciseId", "handstand", "minutes", 5, "feltRating", 3))
                .then().statusCode(400).body("errors.field", contains("exerciseId"));
        post(Map.of("routineId", "walking-break", "minutes", 0, "feltRating", 6))
                .then().statusCode(400).body("errors.field", containsInAnyOrder("minutes", "feltRating"));
        Map<String, Object> tooLong = new HashMap<>(Map.of("routineId", "walking-break", "feltRating", 3));
        tooLong.put("minutes", 241);
        post(tooLong).then().statusCode(400).body("errors.field", contains("minutes"));
        Api.as(employee).get("/api/me/exercise-sessions").then().body("total", equalTo(0));
    }

    @Test
    void a_session_can_be_logged_for_the_last_six_weeks_but_not_earlier_or_in_the_future() {
        Instant now = clock.instant();
        post(Map.of("routineId", "walking-break", "minutes", 10, "feltRating", 4))
                .then().statusCode(201).body("completedAt", startsWith("2026-11-25T10:15:30"));
        for (Instant fine : new Instant[]{now.minus(Duration.ofDays(3)), now.minus(Duration.ofDays(42)).plusSeconds(60),
                now.plusSeconds(30)}) {
            post(Map.of("routineId", "walking-break", "minutes", 10, "feltRating", 4, "completedAt", fine.toString()))
                    .then().statusCode(201).body("completedAt", startsWith(fine.toString().substring(0, 19)));
        }
        for (Instant wrong : new Instant[]{now.minus(Duration.ofDays(50)), now.minus(Duration.ofDays(42)).minusSeconds(60),
                now.plus(Duration.ofHours(2))}) {
            post(Map.of("routineId", "walking-break", "minutes", 10, "feltRating", 4, "completedAt", wrong.toString()))
                    .then().statusCode(400).body("errors.field", contains("completedAt"));
        }
    }

    @Test
    void another_employee_or_tenant_sees_no_sessions() {
        String location = post(Map.of("routineId", "posture-reset", "minutes", 6, "feltRating", 5))
                .then().statusCode(201).extract().header("Location");

        String colleague = TOKENS.issue(tenant, UUID.randomUUID().toString(), "employee");
        String otherTenant = TOKENS.issue("globex-" + UUID.randomUUID(), employeeId, "employee");
        for (String stranger : new String[]{colleague, otherTenant}) {
            Api.as(stranger).get("/api/me/exercise-sessions").then().statusCode(200).body("total", equalTo(0));
            Api.as(stranger).get(location).then().statusCode(404).contentType("application/problem+json");
        }
        Api.as(TOKENS.issue(tenant, "hr-1", "hr")).get("/api/me/exercise-sessions").then().statusCode(403);
    }

    private io.restassured.response.Response post(Map<String, Object> body) {
        return Api.as(employee).body(body).post("/api/me/exercise-sessions");
    }

    /** The record as a consumer reads it: its payload travels sealed under the employee's topic key. */
    private JsonNode opened(ConsumerRecord<String, byte[]> record) {
        return mapper.valueToTree(inbox.decode(record).payload());
    }
}
