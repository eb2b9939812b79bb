package io.upright.reminders.schedule;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.upright.contracts.IntegrationEvent;
import io.upright.contracts.programs.EmployeeEnrolled;
import io.upright.contracts.programs.ProgramLaunched;
import io.upright.contracts.programs.ProgramPhase;
import io.upright.reminders.testing.Queue;
import io.upright.localinfra.CloudEventRecords;
import io.upright.localinfra.DevTokens;
import io.upright.testsupport.kafka.TopicReader;
import io.upright.testsupport.quarkus.UprightTestInfrastructure;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

/** An employee's own settings and pause, against the real service: validation, re-planning, time-zone changes. */
@QuarkusTest
@WithTestResource(value = UprightTestInfrastructure.class, initArgs = {
        @ResourceArg(name = "database", value = "reminders"),
        @ResourceArg(name = "topics", value = "upright.programs,upright.exercises,upright.assessments,upright.reminders,upright.reminders.dlq")})
class MySettingsFlowTest {

    private static final DevTokens TOKENS = DevTokens.forTests();
    private static final Duration WAIT = Duration.ofSeconds(45);

    private final String tenant = "settings-" + UUID.randomUUID();
    private final UUID employee = UUID.randomUUID();
    private final String token = TOKENS.issue(tenant, employee.toString(), "employee");

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String kafka;

    @Inject
    DataSource dataSource;

    private Queue queue() {
        return new Queue(dataSource, tenant);
    }

    @Test
    void settings_start_from_the_enrolment_are_validated_against_the_program_bounds_and_re_plan_the_waiting_slot() {
        UUID team = UUID.randomUUID();
        UUID program = UUID.randomUUID();
        send(new ProgramLaunched(program, "Sit less", List.of(team), LocalDate.now(ZoneOffset.UTC).minusDays(1),
                List.of(new ProgramPhase(1, 1, 30, 45)), 20, 60, Instant.now()));
        await().atMost(WAIT).until(() -> queue().count("select count(*) from program_team where tenant_id = ? and team_id = ?", tenant, team) == 1);
        send(new EmployeeEnrolled(employee, team, "Etc/UTC", "00:00", "23:59", false, Instant.now()));
        await().atMost(WAIT).until(() -> pendingSlot() != null);

        given().auth().oauth2(token).get("/api/me/reminder-settings").then().statusCode(200)
                .header("ETag", notNullValue())
                .body("timeZone", equalTo("Etc/UTC")).body("workingHours.wednesday.start", equalTo("00:00"))
                .body("breakEveryMinutes", equalTo(30)).body("minBreakEveryMinutes", equalTo(20)).body("maxBreakEveryMinutes", equalTo(60));

        // outside the program's bounds, and other bad fields: 400 naming each
        put(settings("Europe/Berlin", allDay(), 90)).then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", equalTo(List.of("preferredBreakEveryMinutes")));
        Map<String, Object> bad = settings("Mars/Olympus", Map.of("funday", Map.of("start", "09:00", "end", "17:00")), null);
        bad.put("quietWindows", List.of(Map.of("start", "10:00", "end", "09:00")));
        put(bad).then().statusCode(400).body("errors.field", equalTo(List.of("timeZone", "workingHours.funday", "quietWindows[0].end")));

        // one hour a day in Tokyo: the waiting slot moves into that hour there
        Map<String, Object> tokyo = settings("Asia/Tokyo", oneHourEveryDay(), 45);
        put(tokyo).then().statusCode(200).body("breakEveryMinutes", equalTo(45)).body("timeZone", equalTo("Asia/Tokyo"));
        assertSlotInsideHour(ZoneId.of("Asia/Tokyo"));

        // the same hours in New York: the time-zone change re-plans the waiting slot
        put(settings("America/New_York", oneHourEveryDay(), 45)).then().statusCode(200);
        assertSlotInsideHour(ZoneId.of("America/New_York"));
        assertThat(queue().count("select count(*) from due_reminder where tenant_id = ? and employee_id = ? and status = 'pending'",
                tenant, employee)).isEqualTo(1);

        // a stale If-Match is refused
        given().auth().oauth2(token).contentType("application/json").header("If-Match", "\"1\"").body(settings("UTC", allDay(), null))
                .put("/api/me/reminder-settings").then().statusCode(412);
    }

    @Test
    void a_pause_holds_the_next_reminder_back_until_it_ends_and_resuming_brings_it_forward() {
        send(new EmployeeEnrolled(employee, UUID.randomUUID(), "Etc/UTC", "00:00", "23:59", false, Instant.now()));
        await().atMost(WAIT).until(() -> pendingSlot() != null);
        put(settings("Etc/UTC", allDay(), 45)).then().statusCode(200);

        String until = given().auth().oauth2(token).contentType("application/json").body(Map.of("minutes", 90))
                .post("/api/me/reminders/pause").then().statusCode(200).extract().path("pausedUntil");
        Instant pausedUntil = Instant.parse(until);
        assertThat(pendingSlot()).isAfterOrEqualTo(pausedUntil);
        given().auth().oauth2(token).get("/api/me/reminder-settings").then().statusCode(200).body("pausedUntil", equalTo(until));

        given().auth().oauth2(token).contentType("application/json").delete("/api/me/reminders/pause").then().statusCode(204);
        assertThat(pendingSlot()).isBefore(pausedUntil); // 45 minutes from now, not after the 90-minute pause

        String tomorrow = given().auth().oauth2(token).contentType("application/json").body(Map.of("until", "tomorrow"))
                .post("/api/me/reminders/pause").then().statusCode(200).extract().path("pausedUntil");
        assertThat(Instant.parse(tomorrow)).isEqualTo(LocalDate.now(ZoneOffset.UTC).plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant());
        assertThat(pendingSlot()).isAfterOrEqualTo(Instant.parse(tomorrow));

        given().auth().oauth2(token).contentType("application/json").body(Map.of()).post("/api/me/reminders/pause")
                .then().statusCode(400).body("errors[0].field", equalTo("minutes"));
        given().auth().oauth2(token).contentType("application/json").body(Map.of("until", "friday")).post("/api/me/reminders/pause")
                .then().statusCode(400).body("errors[0].field", equalTo("until"));
        given().auth().oauth2(token).contentType("application/json").body(Map.of("minutes", 0)).post("/api/me/reminders/pause")
                .then().statusCode(400);
    }

    @Test
    void only_enrolled_employees_have_settings_and_admins_are_not_employees() {
        String stranger = TOKENS.issue(tenant, UUID.randomUUID().toString(), "employee");
        given().auth().oauth2(stranger).get("/api/me/reminder-settings").then().statusCode(404);
        given().auth().oauth2(stranger).contentType("application/json").body(Map.of("minutes", 10)).post("/api/me/reminders/pause")
                .then().statusCode(404);
        given().auth().oauth2(TOKENS.issue(tenant, "admin-1", "admin")).get("/api/me/reminder-settings").then().statusCode(403);
    }

    // --- helpers

    private void assertSlotInsideHour(ZoneId zone) {
        Instant slot = pendingSlot();
        LocalTime local = slot.atZone(zone).toLocalTime();
        assertThat(local).isBetween(LocalTime.of(9, 0), LocalTime.of(9, 59, 59));
        assertThat(slot).isAfter(Instant.now().minusSeconds(5));
    }

    private Instant pendingSlot() {
        String slot = queue().string("select to_char(slot at time zone 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"') from due_reminder "
                + "where employee_id = ? and status = 'pending'", employee);
        return slot == null ? null : Instant.parse(slot);
    }

    private static Map<String, Object> settings(String zone, Map<String, ?> hours, Integer preferred) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("timeZone", zone);
        body.put("workingHours", hours);
        body.put("lunch", null);
        body.put("quietWindows", List.of());
        body.put("preferredBreakEveryMinutes", preferred);
        return body;
    }

    private static Map<String, Object> allDay() {
        return week("00:00", "23:59");
    }

    private static Map<String, Object> oneHourEveryDay() {
        return week("09:00", "10:00");
    }

    private static Map<String, Object> week(String start, String end) {
        Map<String, Object> hours = new LinkedHashMap<>();
        for (String day : List.of("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")) {
            hours.put(day, Map.of("start", start, "end", end));
        }
        return hours;
    }

    private io.restassured.response.Response put(Map<String, Object> body) {
        return given().auth().oauth2(token).contentType("application/json").body(body).put("/api/me/reminder-settings");
    }

    private void send(IntegrationEvent event) {
        TopicReader.send(kafka, CloudEventRecords.record(tenant, UUID.randomUUID().toString(), event));
    }
}
