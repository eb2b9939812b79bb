package io.upright.reminders.program;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.upright.contracts.IntegrationEvent;
import io.upright.contracts.assessments.AssessmentCompleted;
import io.upright.contracts.assessments.FindingCodes;
import io.upright.contracts.programs.EmployeeEnrolled;
import io.upright.contracts.programs.EmployeeErased;
import io.upright.contracts.programs.EmployeeLeft;
import io.upright.contracts.programs.ProgramEnded;
import io.upright.contracts.programs.ProgramLaunched;
import io.upright.contracts.programs.ProgramPaused;
import io.upright.contracts.programs.ProgramPhase;
import io.upright.contracts.programs.ProgramPhaseStarted;
import io.upright.contracts.programs.ProgramResumed;
import io.upright.reminders.testing.Enrolments;
import io.upright.reminders.testing.Queue;
import io.upright.reminders.testing.WebhookReceiver;
import io.upright.localinfra.CloudEventRecords;
import io.upright.localinfra.DevTokens;
import io.upright.testsupport.kafka.TopicReader;
import io.upright.testsupport.quarkus.UprightTestInfrastructure;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Programs drive the cadence: the current phase (clamped to the program's bounds, tightened by a high-risk
 * assessment), pause/resume/end, leaving and erasure, all from real records on upright.programs and
 * upright.assessments.
 */
@QuarkusTest
@WithTestResource(value = UprightTestInfrastructure.class, initArgs = {
        @ResourceArg(name = "database", value = "reminders"),
        @ResourceArg(name = "topics", value = "upright.programs,upright.exercises,upright.assessments,upright.reminders,upright.reminders.dlq")})
class ProgramFlowTest {

    private static final DevTokens TOKENS = DevTokens.forTests();
    private static final Duration WAIT = Duration.ofSeconds(45);

    private final String tenant = "programs-" + UUID.randomUUID();

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String kafka;

    @Inject
    DataSource dataSource;

    private Queue queue() {
        return new Queue(dataSource, tenant);
    }

    @Test
    void members_get_the_current_phases_cadence_and_a_high_risk_reading_tightens_it_within_the_bounds() {
        UUID team = UUID.randomUUID();
        launch(UUID.randomUUID(), team, 30, 20, 60);

        UUID plain = UUID.randomUUID();
        assertThat(firstSlotAfterEnrolling(plain, team)).isEqualTo(Duration.ofMinutes(30));

        UUID rosa = UUID.randomUUID();
        assess(rosa, "rosa", 6, List.of());
        assertThat(firstSlotAfterEnrolling(rosa, team)).isEqualTo(Duration.ofMinutes(25)); // 3/4 of 30, to 5 min

        UUID lowRosa = UUID.randomUUID();
        assess(lowRosa, "rosa", 4, List.of());
        assertThat(firstSlotAfterEnrolling(lowRosa, team)).isEqualTo(Duration.ofMinutes(30));

        // a strict program: tightening stops at its minimum
        UUID strictTeam = UUID.randomUUID();
        launch(UUID.randomUUID(), strictTeam, 30, 30, 60);
        UUID sitter = UUID.randomUUID();
        assess(sitter, "workstation-basics", 1, List.of(FindingCodes.PROLONGED_SITTING));
        assertThat(firstSlotAfterEnrolling(sitter, strictTeam)).isEqualTo(Duration.ofMinutes(30));
    }

    @Test
    void a_new_phase_sets_the_cadence_of_the_next_slot() {
        UUID program = UUID.randomUUID();
        UUID team = UUID.randomUUID();
        launch(program, team, 60, 20, 60);
        send(program.toString(), new ProgramPhaseStarted(program, List.of(team), 2, 45, 60, 20, 60, LocalDate.now(ZoneOffset.UTC), Instant.now()));
        await().atMost(WAIT).until(() -> queue().count("select count(*) from program where tenant_id = ? and phase_number = 2", tenant) == 1);
        assertThat(firstSlotAfterEnrolling(UUID.randomUUID(), team)).isEqualTo(Duration.ofMinutes(45));
    }

    @Test
    void a_paused_or_ended_program_queues_nothing_and_resuming_starts_the_chain_again() {
        UUID program = UUID.randomUUID();
        UUID team = UUID.randomUUID();
        launch(program, team, 30, 20, 60);
        UUID employee = UUID.randomUUID();
        firstSlotAfterEnrolling(employee, team);

        send(program.toString(), new ProgramPaused(program, List.of(team), Instant.now()));
        await().atMost(WAIT).until(() -> pending(employee) == 0);

        send(program.toString(), new ProgramResumed(program, List.of(team), Instant.now()));
        await().atMost(WAIT).until(() -> pending(employee) == 1);

        send(program.toString(), new ProgramEnded(program, List.of(team), Instant.now()));
        await().atMost(WAIT).until(() -> pending(employee) == 0);

        // an ended program does not resume; a member enrolled now gets nothing queued either
        String resumedAgain = send(program.toString(), new ProgramResumed(program, List.of(team), Instant.now()));
        UUID late = UUID.randomUUID();
        String enrolled = send(late.toString(), enrolment(late, team, Instant.now()));
        await().atMost(WAIT).until(() -> consumed(resumedAgain) && consumed(enrolled));
        assertThat(pending(employee)).isZero();
        assertThat(pending(late)).isZero();
        assertThat(queue().count("select count(*) from schedule where tenant_id = ? and employee_id = ?", tenant, late)).isEqualTo(1);
    }

    @Test
    void an_employee_who_left_gets_no_more_reminders_and_erasure_removes_everything_held_about_them() {
        // no program: the test default cadence (2 s), so reminders really go out before they leave
        String admin = TOKENS.issue(tenant, "admin-1", "admin");
        given().auth().oauth2(admin).contentType("application/json").body(Map.of("url", WebhookReceiver.get().url("/hooks/" + tenant)))
                .post("/api/webhook-endpoints").then().statusCode(201);
        UUID employee = UUID.randomUUID();
        send(employee.toString(), enrolment(employee, UUID.randomUUID(), Instant.now()));
        await().atMost(WAIT).until(() -> queue().count("select count(*) from due_reminder where tenant_id = ? and employee_id = ? "
                + "and status = 'sent'", tenant, employee) >= 1);

        String left = send(employee.toString(), new EmployeeLeft(employee, null, Instant.now()));
        await().atMost(WAIT).until(() -> consumed(left));
        assertThat(queue().string("select status from schedule where employee_id = ?", employee)).isEqualTo("left");
        assertThat(pending(employee)).isZero();
        long sent = queue().count("select count(*) from due_reminder where tenant_id = ? and employee_id = ? and status = 'sent'", tenant, employee);
        assertThat(queue().count("select count(*) from event_store where tenant_id = ? and stream_type = 'reminder' and stream_id in "
                + "(select id from due_reminder where employee_id = ?)", tenant, employee)).isGreaterThanOrEqualTo(sent);

        // the export shows what is held: the schedule and every reminder with its outcome, to them or an admin only
        String path = "/api/personal-data-exports/" + employee;
        given().auth().oauth2(TOKENS.issue(tenant, employee.toString(), "employee")).get(path).then().statusCode(200)
                .body("service", org.hamcrest.Matchers.equalTo("reminders"))
                .body("data.schedule.size()", org.hamcrest.Matchers.equalTo(1))
                .body("data.schedule[0].status", org.hamcrest.Matchers.equalTo("left"))
                .body("data.due_reminder.size()", org.hamcrest.Matchers.greaterThanOrEqualTo((int) sent));
        // an admin on their behalf sees the schedule and the reminders, but not what was suggested or withheld
        given().auth().oauth2(admin).get(path).then().statusCode(200)
                .body("data.schedule.size()", org.hamcrest.Matchers.equalTo(1))
                .body("data.due_reminder.size()", org.hamcrest.Matchers.greaterThanOrEqualTo((int) sent))
                .body("data.due_reminder[0]", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasKey("routine_title")))
                .body("data.due_reminder[0]", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasKey("exercises_withheld")))
                .body("data.employee_risk", org.hamcrest.Matchers.nullValue())
                .body("data.employee_routine", org.hamcrest.Matchers.nullValue())
                .body("data.withheld.fields", org.hamcrest.Matchers.hasItems("employee_risk", "routine_title"));
        given().auth().oauth2(TOKENS.issue(tenant, "hr-1", "hr")).get(path).then().statusCode(403);
        given().auth().oauth2(TOKENS.issue(tenant, UUID.randomUUID().toString(), "employee")).get(path).then().statusCode(403);

        String erased = send(employee.toString(), new EmployeeErased(employee, Instant.now()));
        await().atMost(WAIT).until(() -> consumed(erased));
        given().auth().oauth2(admin).get(path).then().statusCode(200)
                .body("data.schedule.size()", org.hamcrest.Matchers.equalTo(0))
                .body("data.due_reminder.size()", org.hamcrest.Matchers.equalTo(0));
        assertThat(queue().count("select count(*) from due_reminder where employee_id = ?", employee)).isZero();
        assertThat(queue().count("select count(*) from schedule where employee_id = ?", employee)).isZero();
        assertThat(queue().count("select count(*) from event_store where stream_id = ?", employee)).isZero();
        assertThat(queue().count("select count(*) from event_store where payload::text like ?", "%" + employee + "%")).isZero();
        // and nothing is sent to them any more
        long received = WebhookReceiver.get().count(r -> r.body().contains(employee.toString()));
        String marker = send(employee.toString(), new EmployeeLeft(employee, null, Instant.now()));
        await().atMost(WAIT).until(() -> consumed(marker));
        assertThat(WebhookReceiver.get().count(r -> r.body().contains(employee.toString()))).isEqualTo(received);
    }

    // --- helpers

    /** Enrols the employee (enrolledAt in whole seconds) and returns how long after enrolment their first slot is. */
    private Duration firstSlotAfterEnrolling(UUID employee, UUID team) {
        Instant enrolledAt = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        send(employee.toString(), enrolment(employee, team, enrolledAt));
        await().atMost(WAIT).until(() -> pending(employee) == 1);
        Timestamp slot = Timestamp.valueOf(queue().string("select slot::timestamp from due_reminder where tenant_id = '" + tenant
                + "' and employee_id = ? and status = 'pending'", employee));
        // slot::timestamp is UTC in the test database's session zone
        Instant at = slot.toLocalDateTime().toInstant(ZoneOffset.UTC);
        return Duration.between(enrolledAt, at);
    }

    private EmployeeEnrolled enrolment(UUID employee, UUID team, Instant at) {
        return new EmployeeEnrolled(employee, team, middayZone(at), "00:00", "23:59", false, at);
    }

    /**
     * A fixed-offset zone where it is about noon at {@code at}: the first slot, up to an hour on, stays inside a working
     * day of 00:00–23:59 there. In UTC, a run in the last half hour before midnight put it on the next day.
     */
    private static String middayZone(Instant at) {
        int hours = 12 - at.atOffset(ZoneOffset.UTC).getHour();
        // Etc/GMT ids count the other way round: Etc/GMT-5 is five hours ahead of UTC
        return hours == 0 ? "Etc/UTC" : "Etc/GMT" + (hours > 0 ? "-" : "+") + Math.abs(hours);
    }

    private void launch(UUID program, UUID team, int breakEvery, int min, int max) {
        send(program.toString(), new ProgramLaunched(program, "Sit less", List.of(team), LocalDate.now(ZoneOffset.UTC).minusDays(1),
                List.of(new ProgramPhase(1, 1, breakEvery, 45)), min, max, Instant.now()));
        await().atMost(WAIT).until(() -> queue().count("select count(*) from program_team where tenant_id = ? and team_id = ?", tenant, team) == 1);
    }

    private void assess(UUID employee, String method, int score, List<String> findings) {
        send(employee.toString(), new AssessmentCompleted(UUID.randomUUID(), employee, null, "t", 1, method, score,
                score >= 5 ? "high" : "low", findings, false, Instant.now()));
        await().atMost(WAIT).until(() -> queue().count("select count(*) from employee_risk where tenant_id = ? and employee_id = ?", tenant, employee) == 1);
    }

    private String send(String key, IntegrationEvent event) {
        String eventId = UUID.randomUUID().toString();
        TopicReader.send(kafka, CloudEventRecords.record(tenant, eventId, event));
        return eventId;
    }

    private boolean consumed(String eventId) {
        return queue().count("select count(*) from inbox where consumer = 'reminders' and event_id = ?", eventId) == 1;
    }

    private long pending(UUID employee) {
        return queue().count("select count(*) from due_reminder where tenant_id = ? and employee_id = ? and status = 'pending'", tenant, employee);
    }
}
