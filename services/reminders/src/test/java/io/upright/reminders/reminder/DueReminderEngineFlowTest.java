package io.upright.reminders.reminder;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.upright.reminders.testing.ScriptedReceiver;
import io.upright.localinfra.DevTokens;
import io.upright.testsupport.http.Metrics;
import io.upright.testsupport.quarkus.UprightTestInfrastructure;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

/**
 * The due-reminder engine's guarantees against the real PostgreSQL: exactly once under concurrent engines,
 * time-to-live expiry, a restart in the middle of a batch, and retries bounded by the time to live (500/429/410
 * handling is in {@code WebhookRetryWireMockFlowTest}). Reminders are
 * put straight into the queue (rows as {@link DueReminders} writes them) so each test controls slot, expiry and
 * status; the service's background engine runs all along, as a further instance.
 */
@QuarkusTest
@WithTestResource(value = UprightTestInfrastructure.class, initArgs = {
        @ResourceArg(name = "database", value = "reminders"),
        @ResourceArg(name = "topics", value = "upright.programs,upright.exercises,upright.assessments,upright.reminders,upright.reminders.dlq")})
class DueReminderEngineFlowTest {

    private static final DevTokens TOKENS = DevTokens.forTests();
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final ScriptedReceiver RECEIVER = new ScriptedReceiver();

    private final String tenant = "engine-" + UUID.randomUUID();
    private final String admin = TOKENS.issue(tenant, "admin-1", "admin");

    @Inject
    DataSource dataSource;

    @Inject
    ReminderEngine engine;

    @AfterAll
    static void stopReceiver() {
        RECEIVER.close();
    }

    @Test
    void two_engines_claiming_concurrently_deliver_each_due_reminder_exactly_once() throws Exception {
        registerEndpoint("/once/" + tenant);
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        List<UUID> ids = new ArrayList<>();
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false); // all 200 become due at the same moment
            for (int i = 0; i < 200; i++) {
                UUID employee = UUID.randomUUID();
                insertSchedule(c, employee);
                ids.add(insertDue(c, employee, now.minusSeconds(1), now.plusSeconds(120), "pending", null, 0));
            }
            c.commit();
        }

        // two more engine instances besides the background one, each claiming batches until nothing is due
        ExecutorService engines = Executors.newFixedThreadPool(2);
        try {
            Callable<Integer> instance = () -> {
                int claimed = 0;
                long deadline = System.nanoTime() + WAIT.toNanos();
                while (stillDue() > 0 && System.nanoTime() < deadline) {
                    claimed += engine.runOnce();
                }
                return claimed;
            };
            Future<Integer> first = engines.submit(instance);
            Future<Integer> second = engines.submit(instance);
            first.get(WAIT.toSeconds() + 10, TimeUnit.SECONDS);
            second.get(WAIT.toSeconds() + 10, TimeUnit.SECONDS);
        } finally {
            engines.shutdownNow();
        }

        await().atMost(WAIT).until(() -> count("select count(*) from due_reminder where tenant_id = ? and status = 'sent'", tenant) == 200);
        for (UUID id : ids) {
            assertThat(RECEIVER.callsFor(id.toString())).as("calls for %s", id).hasSize(1);
            assertThat(count("select count(*) from outbox where subject = ? and event_type = 'upright.reminders.break-reminder-sent.v1'",
                    id.toString())).as("BreakReminderSent for %s", id).isEqualTo(1);
            assertThat(events(id, "ReminderSent")).isEqualTo(1);
        }
        // each employee's schedule continues with exactly one next slot
        assertThat(count("select count(*) from due_reminder where tenant_id = ? and status = 'pending'", tenant)).isEqualTo(200);
    }

    @Test
    void a_reminder_past_its_time_to_live_is_recorded_expired_not_sent_and_the_next_slot_is_queued() throws Exception {
        registerEndpoint("/ttl/" + tenant);
        UUID employee = UUID.randomUUID();
        Instant slot = Instant.now().truncatedTo(ChronoUnit.SECONDS).minusSeconds(30);
        UUID id;
        try (Connection c = dataSource.getConnection()) {
            insertSchedule(c, employee);
            id = insertDue(c, employee, slot, slot.plusSeconds(10), "pending", null, 0);
        }

        await().atMost(WAIT).until(() -> "expired".equals(status(id)));
        assertThat(events(id, "ReminderExpired")).isEqualTo(1);
        assertThat(events(id, "ReminderSent")).isZero();
        assertThat(RECEIVER.callsFor(id.toString())).isEmpty();
        // the only integration event is the drop itself
        assertThat(count("select count(*) from outbox where subject = ?", id.toString())).isEqualTo(1);
        assertThat(count("select count(*) from outbox where subject = ? and event_type = 'upright.reminders.reminder-expired.v1'",
                id.toString())).isEqualTo(1);
        assertThat(nextSlots(employee, slot)).isEqualTo(1);
    }

    @Test
    void reminders_claimed_by_an_engine_that_died_are_recorded_failed_after_the_lease_and_never_sent_again() throws Exception {
        registerEndpoint("/restart/" + tenant);
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        List<UUID> employees = new ArrayList<>();
        List<UUID> abandoned = new ArrayList<>();
        List<UUID> untouched = new ArrayList<>();
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            // a batch the dead engine had claimed ('sending', its calls' outcome unknown) and the rest of the queue
            for (int i = 0; i < 5; i++) {
                UUID employee = UUID.randomUUID();
                employees.add(employee);
                insertSchedule(c, employee);
                if (i < 3) {
                    abandoned.add(insertDue(c, employee, now.minusSeconds(1), now.plusSeconds(300), "sending", now, 1));
                } else {
                    untouched.add(insertDue(c, employee, now.minusSeconds(1), now.plusSeconds(300), "pending", null, 0));
                }
            }
            c.commit();
        }

        // the surviving engine delivers what was never claimed
        for (UUID id : untouched) {
            await().atMost(WAIT).until(() -> "sent".equals(status(id)));
        }
        // and, once the claim lease is over, settles the dead engine's claims as failed: not re-sent
        for (UUID id : abandoned) {
            await().atMost(WAIT).until(() -> "failed".equals(status(id)));
            assertThat(events(id, "ReminderFailed")).isEqualTo(1);
            assertThat(events(id, "ReminderSent")).isZero();
            assertThat(RECEIVER.callsFor(id.toString())).isEmpty();
        }
        for (UUID id : untouched) {
            assertThat(RECEIVER.callsFor(id.toString())).hasSize(1);
            assertThat(events(id, "ReminderSent")).isEqualTo(1);
        }
        // the dead engine's call may have arrived: its owner can still say Done, once; nobody else can
        UUID answered = abandoned.get(0);
        String owner = TOKENS.issue(tenant, employees.get(0).toString(), "employee");
        Map<String, Object> done = Map.of("answer", "done", "activity", "walk", "activeMinutes", 3);
        given().auth().oauth2(TOKENS.issue(tenant, employees.get(1).toString(), "employee")).contentType("application/json")
                .body(done).post("/api/me/reminders/{id}/answer", answered).then().statusCode(404);
        given().auth().oauth2(owner).contentType("application/json").body(done)
                .post("/api/me/reminders/{id}/answer", answered).then().statusCode(200).body("answer", equalTo("done"));
        given().auth().oauth2(owner).contentType("application/json").body(done)
                .post("/api/me/reminders/{id}/answer", answered).then().statusCode(409);
        assertThat(events(answered, "BreakTaken")).isEqualTo(1);
        // every schedule goes on
        for (UUID employee : employees) {
            assertThat(nextSlots(employee, now.minusSeconds(1))).isEqualTo(1);
        }
    }

    @Test
    void retries_stop_at_the_time_to_live() throws Exception {
        registerEndpoint("/down/" + tenant);
        Instant expiresAt = Instant.now().truncatedTo(ChronoUnit.SECONDS).plusSeconds(3);
        UUID employee = UUID.randomUUID();
        UUID id;
        try (Connection c = dataSource.getConnection()) {
            insertSchedule(c, employee);
            id = insertDue(c, employee, Instant.now().truncatedTo(ChronoUnit.SECONDS).minusSeconds(1), expiresAt, "pending", null, 0);
        }

        await().atMost(WAIT).until(() -> List.of("failed", "expired").contains(status(id)));
        List<ScriptedReceiver.Call> calls = RECEIVER.callsFor(id.toString());
        assertThat(calls).hasSizeGreaterThanOrEqualTo(2); // it was retried
        // every attempt was signed (so started) before the reminder expired
        assertThat(calls).allSatisfy(call -> assertThat(call.webhookTimestamp()).isLessThanOrEqualTo(expiresAt.getEpochSecond()));
        assertThat(events(id, "ReminderFailed") + events(id, "ReminderExpired")).isEqualTo(1);
        assertThat(events(id, "ReminderSent")).isZero();
        assertThat(nextSlots(employee, expiresAt.minusSeconds(4))).isEqualTo(1);
    }

    // --- helpers

    @Test
    void a_delivered_reminder_is_in_the_lateness_histogram_and_the_webhook_channel_count_of_q_metrics() throws Exception {
        registerEndpoint("/metrics/" + tenant);
        Metrics before = Metrics.scrape();
        double histogram = before.value("upright_reminder_lateness_seconds_count").orElseThrow();
        double webhook = before.value("upright_reminder_deliveries_total", "channel=\"webhook\"", "outcome=\"delivered\"").orElseThrow();
        UUID employee = UUID.randomUUID();
        UUID id;
        try (Connection c = dataSource.getConnection()) {
            insertSchedule(c, employee);
            id = insertDue(c, employee, Instant.now().truncatedTo(ChronoUnit.SECONDS).minusSeconds(3), Instant.now().plusSeconds(120),
                    "pending", null, 0);
        }
        await().atMost(WAIT).until(() -> "sent".equals(status(id)));

        Metrics after = Metrics.scrape();
        assertThat(after.value("upright_reminder_lateness_seconds_count").orElseThrow()).isGreaterThanOrEqualTo(histogram + 1);
        assertThat(after.value("upright_reminder_deliveries_total", "channel=\"webhook\"", "outcome=\"delivered\"").orElseThrow())
                .isGreaterThanOrEqualTo(webhook + 1);
        // three seconds late at least: counted above the two-second bucket, and an alert on the p99 can read it
        assertThat(after.value("upright_reminder_lateness_seconds_bucket", "le=\"2.0\"").orElseThrow())
                .isLessThan(after.value("upright_reminder_lateness_seconds_bucket", "le=\"+Inf\"").orElseThrow());
        after.assertOperationsSeries("upright.reminders.dlq", "reminders", "upright.programs", "upright.exercises", "upright.assessments");
    }

    private String registerEndpoint(String path) {
        return given().auth().oauth2(admin).contentType("application/json").body(Map.of("url", RECEIVER.url(path)))
                .post("/api/webhook-endpoints").then().statusCode(201).extract().path("id");
    }

    /** An hourly schedule around the clock, so the next slot is never due during the test. */
    private void insertSchedule(Connection c, UUID employee) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "insert into schedule (tenant_id, employee_id, time_zone, workday_start, workday_end, cadence_seconds, created_at, version) "
                        + "values (?, ?, 'Etc/UTC', '00:00', '23:59', 3600, now(), 1)")) {
            ps.setString(1, tenant);
            ps.setObject(2, employee);
            ps.executeUpdate();
        }
    }

    private UUID insertDue(Connection c, UUID employee, Instant slot, Instant expiresAt, String status, Instant claimedAt,
                           int attempts) throws SQLException {
        UUID id = UUID.randomUUID();
        try (PreparedStatement ps = c.prepareStatement(
                "insert into due_reminder (tenant_id, id, employee_id, slot, due_at, expires_at, dedupe_key, status, attempts, claimed_at) "
                        + "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            ps.setString(1, tenant);
            ps.setObject(2, id);
            ps.setObject(3, employee);
            ps.setTimestamp(4, Timestamp.from(slot));
            ps.setTimestamp(5, Timestamp.from(slot));
            ps.setTimestamp(6, Timestamp.from(expiresAt));
            ps.setString(7, io.upright.reminders.queue.ReminderQueue.chainKey(employee, slot));
            ps.setString(8, status);
            ps.setInt(9, attempts);
            ps.setTimestamp(10, claimedAt == null ? null : Timestamp.from(claimedAt));
            ps.executeUpdate();
        }
        return id;
    }

    private long stillDue() throws SQLException {
        return count("select count(*) from due_reminder where tenant_id = ? and status = 'pending' and due_at <= now()", tenant);
    }

    private String status(UUID id) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("select status from due_reminder where id = ?")) {
            ps.setObject(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    private long events(UUID reminderId, String type) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement(
                     "select count(*) from event_store where stream_type = 'reminder' and stream_id = ? and event_type = ?")) {
            ps.setObject(1, reminderId);
            ps.setString(2, type);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /** Pending slots of this employee after {@code slot}: the schedule continued. */
    private long nextSlots(UUID employee, Instant slot) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement(
                     "select count(*) from due_reminder where employee_id = ? and slot > ? and status = 'pending'")) {
            ps.setObject(1, employee);
            ps.setTimestamp(2, Timestamp.from(slot));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private long count(String sql, Object parameter) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setObject(1, parameter);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
