package io.upright.reminders.dose;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.upright.contracts.IntegrationEvent;
import io.upright.contracts.assessments.AssessmentCompleted;
import io.upright.contracts.assessments.ClearedByClinician;
import io.upright.contracts.assessments.FindingCodes;
import io.upright.contracts.exercises.MicroBreak;
import io.upright.contracts.exercises.RoutineRecommended;
import io.upright.contracts.programs.EmployeeEnrolled;
import io.upright.contracts.programs.EmployeeLeft;
import io.upright.localinfra.CloudEventRecords;
import io.upright.localinfra.DevTokens;
import io.upright.platform.inbox.Inbox;
import io.upright.reminders.testing.Enrolments;
import io.upright.reminders.testing.Queue;
import io.upright.reminders.testing.WebhookReceiver;
import io.upright.testsupport.kafka.TopicReader;
import io.upright.testsupport.quarkus.UprightTestInfrastructure;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

/**
 * Dose by design (issue 12) against the real service, broker and database: a break suggests the recommendation's
 * micro-breaks in turn and never the full routine; the full routine comes as a routine reminder at the time the
 * employee picked, reads the same as anyone's in employer systems, keeps a floor routine for home and a fourth
 * release of the week out; settings name bad routine times; a clinician's clearance lifts the hold; ROSA's
 * prolonged-sitting finding counts for risk next to other methods. Routine reminders are on here (off for the
 * other flow tests, which count the chain's rows).
 */
@QuarkusTest
@TestProfile(DoseByDesignFlowTest.RoutineRemindersOn.class)
@WithTestResource(value = UprightTestInfrastructure.class, initArgs = {
        @ResourceArg(name = "database", value = "reminders"),
        @ResourceArg(name = "topics", value = "upright.programs,upright.exercises,upright.assessments,upright.reminders,upright.reminders.dlq")})
class DoseByDesignFlowTest {

    public static class RoutineRemindersOn implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("upright.reminders.routine-reminders", "true");
        }
    }

    private static final DevTokens TOKENS = DevTokens.forTests();
    private static final Duration WAIT = Duration.ofSeconds(60);
    /** The routine reminder is placed a minute or two ahead (settings take whole minutes). */
    private static final Duration ROUTINE_WAIT = Duration.ofMinutes(4);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final WebhookReceiver receiver = WebhookReceiver.get();
    private final String tenant = "dose-" + UUID.randomUUID();
    private final String admin = TOKENS.issue(tenant, "admin-1", "admin");
    private final List<UUID> enrolled = new ArrayList<>();

    private final MicroBreak lunge = new MicroBreak("standing-hip-flexor-stretch", "Standing hip-flexor stretch", 1);
    private final MicroBreak calves = new MicroBreak("calf-raises", "Calf raises", 2);

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String kafka;

    @Inject
    DataSource dataSource;

    @Inject
    Inbox inbox;

    @Inject
    ObjectMapper mapper;

    private Queue queue() {
        return new Queue(dataSource, tenant);
    }

    /** Reminded every two seconds: they leave once the test has what it needs, to keep the shared engine free. */
    @AfterEach
    void everyoneLeaves() {
        for (UUID employee : enrolled) {
            send(new EmployeeLeft(employee, null, Instant.now()));
        }
        await().atMost(WAIT).until(() -> queue().count("select count(*) from schedule where tenant_id = ? and status <> 'left'", tenant) == 0);
    }

    @Test
    void a_break_suggests_the_recommendations_micro_breaks_in_turn_and_never_the_full_routine() {
        registerWebhook();
        UUID employee = UUID.randomUUID();
        recommend(employee, "hip-flexor-reset", "Hip-flexor reset", 8, List.of(lunge, calves), false, false);
        await().atMost(WAIT).until(() -> queue().count("select count(*) from employee_routine where employee_id = ? "
                + "and micro_breaks is not null", employee) == 1);
        enrol(employee, Enrolments.zoneAroundNoon(), "00:00", "23:59");

        String token = TOKENS.issue(tenant, employee.toString(), "employee");
        await().atMost(WAIT).until(() -> sentBreaks(token).size() >= 3);
        List<JsonNode> breaks = sentBreaks(token);
        for (JsonNode b : breaks) {
            assertThat(b.path("suggestion").path("type").asText()).isEqualTo("micro-break");
            assertThat(b.path("routineId").isNull()).isTrue();
            assertThat(b.path("suggestion").path("routineId").isNull()).isTrue();
        }
        // consecutive breaks (newest first) take the two micro-breaks in turn
        List<String> exercises = breaks.stream().map(b -> b.path("suggestion").path("exerciseId").asText()).toList();
        for (int i = 1; i < exercises.size(); i++) {
            assertThat(exercises.get(i)).isNotEqualTo(exercises.get(i - 1));
        }
        assertThat(exercises).containsAnyOf("standing-hip-flexor-stretch").containsAnyOf("calf-raises");
        JsonNode first = breaks.get(0).path("suggestion");
        assertThat(first.path("activity").asText()).isEqualTo("stretch");
        assertThat(first.path("activeMinutes").asInt()).isBetween(1, 2);
    }

    @Test
    void the_full_routine_comes_once_at_the_chosen_time_as_a_routine_reminder_as_neutral_as_a_break() throws Exception {
        registerWebhook();
        String zoneName = Enrolments.zoneAroundNoon();
        ZoneId zone = ZoneId.of(zoneName);
        UUID floorRoutine = UUID.randomUUID();
        UUID nothingKnown = UUID.randomUUID();
        UUID releasedEnough = UUID.randomUUID();
        recommend(floorRoutine, "psoas-floor-flow", "Psoas floor flow", 10, List.of(lunge), true, true);
        recommend(releasedEnough, "iliacus-release", "Iliacus release", 6, List.of(calves), false, true);
        await().atMost(WAIT).until(() -> queue().count("select count(*) from employee_routine where tenant_id = ?", tenant) == 2);
        for (UUID e : List.of(floorRoutine, nothingKnown, releasedEnough)) {
            enrol(e, zoneName, "00:00", "23:59");
        }
        await().atMost(WAIT).until(() -> queue().count("select count(*) from schedule where tenant_id = ?", tenant) == 3);
        // the third one had three releases suggested earlier this week (today, in their zone)
        for (int hours = 1; hours <= 3; hours++) {
            Instant earlier = Instant.now().minus(hours, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
            UUID id = queue().due(releasedEnough, earlier, earlier.plusSeconds(1));
            queue().execute("update due_reminder set soft_tissue_release = true where id = ?", id);
        }

        // the working day ends so that END_OF_DAY (30 minutes before the end) falls at the next whole minute at least
        // 20 seconds away (settings take whole minutes; the three PUTs below must come first)
        LocalTime now = LocalTime.now(zone);
        LocalTime at = now.truncatedTo(ChronoUnit.MINUTES).plusMinutes(now.getSecond() < 40 ? 1 : 2);
        Map<String, Object> settings = settings(zoneName, "00:00", at.plusMinutes(30).toString(), List.of("END_OF_DAY"), false);
        Instant slot = ZonedDateTime.of(LocalDate.now(zone), at, zone).toInstant();
        for (UUID e : List.of(floorRoutine, nothingKnown, releasedEnough)) {
            given().auth().oauth2(TOKENS.issue(tenant, e.toString(), "employee")).contentType("application/json").body(settings)
                    .put("/api/me/reminder-settings").then().statusCode(200)
                    .body("routineTimes", equalTo(List.of("END_OF_DAY"))).body("floorExercisesAtWork", equalTo(false));
            // once a day: one routine reminder, at the chosen time
            assertThat(queue().count("select count(*) from due_reminder where employee_id = ? and kind = 'routine' "
                    + "and routine_time = 'END_OF_DAY' and slot = ?", e, java.sql.Timestamp.from(slot))).isEqualTo(1);
            assertThat(queue().count("select count(*) from due_reminder where employee_id = ? and kind = 'routine'", e)).isEqualTo(1);
        }

        Map<UUID, JsonNode> bodies = new HashMap<>();
        await().atMost(ROUTINE_WAIT).pollInterval(Duration.ofSeconds(1)).until(() -> {
            for (UUID e : List.of(floorRoutine, nothingKnown, releasedEnough)) {
                receiver.first(r -> r.path().equals("/hooks/" + tenant) && r.body().contains(e.toString())
                        && r.body().contains("\"kind\":\"routine\"")).ifPresent(r -> bodies.put(e, read(r.body())));
            }
            return bodies.size() == 3;
        });
        // employer systems: the same words and shape for all three, nothing about the routine, the floor or a release
        JsonNode plain = bodies.get(nothingKnown);
        assertThat(plain.path("message").asText()).doesNotContainIgnoringCase("routine");
        for (UUID e : List.of(floorRoutine, releasedEnough)) {
            JsonNode body = bodies.get(e);
            assertThat(masked(body)).isEqualTo(masked(plain));
            for (String telltale : List.of("psoas", "iliacus", "floor", "release", "home", "stretch", "calf")) {
                assertThat(body.toString()).doesNotContainIgnoringCase(telltale);
            }
        }
        assertThat(Instant.parse(plain.path("slot").asText())).isEqualTo(slot);

        // the employee's own suggestion: the floor routine is for home, with a desk stretch for now
        String floorReminder = bodies.get(floorRoutine).path("reminderId").asText();
        String floorToken = TOKENS.issue(tenant, floorRoutine.toString(), "employee");
        given().auth().oauth2(floorToken).get("/api/me/reminders/{id}", floorReminder).then().statusCode(200)
                .body("kind", equalTo("routine"))
                .body("suggestion.type", equalTo("routine-at-home"))
                .body("suggestion.routineId", equalTo("psoas-floor-flow"))
                .body("suggestion.exerciseId", equalTo("stand-and-stretch-tall"))
                .body("suggestion.activity", equalTo("stretch"));
        // nothing known: a built-in micro-break; a fourth release this week: a micro-break instead
        given().auth().oauth2(TOKENS.issue(tenant, nothingKnown.toString(), "employee"))
                .get("/api/me/reminders/{id}", plain.path("reminderId").asText()).then().statusCode(200)
                .body("suggestion.type", equalTo("micro-break")).body("suggestion.exerciseId", equalTo("stand-up-and-walk"));
        given().auth().oauth2(TOKENS.issue(tenant, releasedEnough.toString(), "employee"))
                .get("/api/me/reminders/{id}", bodies.get(releasedEnough).path("reminderId").asText()).then().statusCode(200)
                .body("suggestion.type", equalTo("micro-break")).body("suggestion.exerciseId", equalTo("calf-raises"))
                .body("suggestion.routineId", equalTo(null));
        assertThat(queue().count("select count(*) from due_reminder where employee_id = ? and kind = 'routine' and soft_tissue_release",
                releasedEnough)).isZero();
        // the floor routine at home counts as this week's first release
        assertThat(queue().count("select count(*) from due_reminder where employee_id = ? and kind = 'routine' and soft_tissue_release",
                floorRoutine)).isEqualTo(1);

        // on the topic a routine reminder says it is one: everyone gets one, so that tells nothing of health
        ConsumerRecord<String, byte[]> sent = TopicReader.awaitRecord(kafka, "upright.reminders", r -> floorReminder.equals(
                TopicReader.header(r, "ce_subject")) && "upright.reminders.break-reminder-sent.v1".equals(TopicReader.header(r, "ce_type")), WAIT);
        assertThat(opened(sent).path("kind").asText()).isEqualTo("routine");
        // done at home later: recorded with the routine it named
        given().auth().oauth2(floorToken).contentType("application/json")
                .body(Map.of("answer", "done", "activity", "routine", "activeMinutes", 10))
                .post("/api/me/reminders/{id}/answer", floorReminder).then().statusCode(200);
        JsonNode taken = opened(TopicReader.awaitRecord(kafka, "upright.reminders", r -> floorReminder.equals(
                TopicReader.header(r, "ce_subject")) && "upright.reminders.break-taken.v1".equals(TopicReader.header(r, "ce_type")), WAIT));
        assertThat(taken.path("routineId").asText()).isEqualTo("psoas-floor-flow");
    }

    @Test
    void routine_times_and_floor_exercises_are_settings_and_bad_ones_are_named() {
        UUID employee = UUID.randomUUID();
        enrol(employee, "Etc/UTC", "09:00", "17:00");
        String token = TOKENS.issue(tenant, employee.toString(), "employee");
        await().atMost(WAIT).until(() -> queue().count("select count(*) from schedule where employee_id = ?", employee) == 1);
        given().auth().oauth2(token).get("/api/me/reminder-settings").then().statusCode(200)
                .body("routineTimes", equalTo(List.of("END_OF_DAY"))).body("floorExercisesAtWork", equalTo(false));

        put(token, settings("Etc/UTC", "09:00", "17:00", List.of("MORNING", "LUNCHTIME", "END_OF_DAY"), false)).then()
                .statusCode(400).contentType("application/problem+json").body("errors.field", equalTo(List.of("routineTimes")));
        put(token, settings("Etc/UTC", "09:00", "17:00", List.of("NOON"), false)).then().statusCode(400)
                .body("errors.field", equalTo(List.of("routineTimes[0]")));
        put(token, settings("Etc/UTC", "09:00", "17:00", List.of("MORNING", "MORNING"), false)).then().statusCode(400)
                .body("errors.field", equalTo(List.of("routineTimes[1]")));

        put(token, settings("Etc/UTC", "09:00", "17:00", List.of("MORNING", "LUNCHTIME"), true)).then().statusCode(200)
                .body("routineTimes", equalTo(List.of("MORNING", "LUNCHTIME"))).body("floorExercisesAtWork", equalTo(true));
        // re-planned: the next day's routine reminders at 09:30 and 12:00 UTC (on working days), none at the old time
        List<String> times = queue().strings("select routine_time || ' ' || to_char(slot at time zone 'UTC', 'HH24:MI') "
                + "from due_reminder where employee_id = ? and kind = 'routine' order by slot", employee);
        assertThat(times).isNotEmpty().allSatisfy(t -> assertThat(t).isIn("MORNING 09:30", "LUNCHTIME 12:00"));
        // the existing API still works: without the new fields, the defaults
        Map<String, Object> older = settings("Etc/UTC", "09:00", "17:00", null, null);
        older.remove("routineTimes");
        older.remove("floorExercisesAtWork");
        put(token, older).then().statusCode(200).body("routineTimes", equalTo(List.of("END_OF_DAY")))
                .body("floorExercisesAtWork", equalTo(false));
        assertThat(queue().strings("select routine_time from due_reminder where employee_id = ? and kind = 'routine'", employee))
                .allSatisfy(t -> assertThat(t).isEqualTo("END_OF_DAY"));
    }

    @Test
    void a_clinicians_clearance_lifts_the_hold_and_rosa_prolonged_sitting_counts_beside_other_methods() {
        UUID employee = UUID.randomUUID();
        Instant at = Instant.now().minusSeconds(600);
        send(new AssessmentCompleted(UUID.randomUUID(), employee, null, "rosa", 1, "ROSA", 3, "low",
                List.of(FindingCodes.PROLONGED_SITTING), true, at));
        await().atMost(WAIT).until(() -> queue().count("select count(*) from employee_routine where employee_id = ? and withheld", employee) == 1
                && highRisk(employee));
        // a newer assessment of another method that did not find prolonged sitting leaves ROSA's finding standing
        send(new AssessmentCompleted(UUID.randomUUID(), employee, null, "checklist", 1, "checklist", 2, "low", List.of(), false,
                at.plusSeconds(60)));
        await().atMost(WAIT).until(() -> queue().count("select count(*) from employee_risk_reading where employee_id = ?", employee) == 2);
        assertThat(highRisk(employee)).isTrue();
        // a clearance older than the hold lifts nothing; the declared one does
        send(new ClearedByClinician(UUID.randomUUID(), employee, UUID.randomUUID(), LocalDate.now().minusDays(30),
                LocalDate.now(), at.minusSeconds(60)));
        send(new ClearedByClinician(UUID.randomUUID(), employee, UUID.randomUUID(), LocalDate.now(), LocalDate.now().plusMonths(6),
                at.plusSeconds(120)));
        await().atMost(WAIT).until(() -> queue().count("select count(*) from employee_routine where employee_id = ? and not withheld", employee) == 1);
        // a newer ROSA without the finding relaxes it again
        send(new AssessmentCompleted(UUID.randomUUID(), employee, null, "rosa", 1, "ROSA", 2, "low", List.of(), false,
                at.plusSeconds(180)));
        await().atMost(WAIT).until(() -> !highRisk(employee));
    }

    @Test
    void a_clearance_whose_rescreen_date_has_come_asks_the_employee_alone_to_take_the_check_again() {
        registerWebhook();
        UUID cleared = UUID.randomUUID();
        UUID neverFlagged = UUID.randomUUID();
        Instant at = Instant.now().minusSeconds(3600);
        send(new AssessmentCompleted(UUID.randomUUID(), cleared, null, "checklist", 1, "checklist", 3, "low", List.of(), true, at));
        // cleared weeks ago: the re-screen date is today
        send(new ClearedByClinician(UUID.randomUUID(), cleared, UUID.randomUUID(), LocalDate.now().minusWeeks(12), LocalDate.now(),
                at.plusSeconds(60)));
        recommend(cleared, "hip-flexor-reset", "Hip-flexor reset", 8, List.of(lunge), false, false);
        recommend(neverFlagged, "hip-flexor-reset", "Hip-flexor reset", 8, List.of(lunge), false, false);
        await().atMost(WAIT).until(() -> queue().count("select count(*) from employee_routine where employee_id = ? and not withheld "
                + "and rescreen_by is not null and micro_breaks is not null", cleared) == 1
                && queue().count("select count(*) from employee_routine where employee_id = ? and micro_breaks is not null", neverFlagged) == 1);
        enrol(cleared, Enrolments.zoneAroundNoon(), "00:00", "23:59");
        enrol(neverFlagged, Enrolments.zoneAroundNoon(), "00:00", "23:59");

        String token = TOKENS.issue(tenant, cleared.toString(), "employee");
        String otherToken = TOKENS.issue(tenant, neverFlagged.toString(), "employee");
        await().atMost(WAIT).until(() -> !sentBreaks(token).isEmpty() && !sentBreaks(otherToken).isEmpty());
        JsonNode mine = sentBreaks(token).get(0);
        assertThat(mine.path("suggestion").path("type").asText()).isEqualTo("micro-break");
        assertThat(mine.path("suggestion").path("rescreen").asText()).contains("safety check again");
        given().auth().oauth2(token).get("/api/me/reminders/" + mine.path("id").asText()).then().statusCode(200)
                .body("suggestion.rescreen", org.hamcrest.Matchers.containsString("safety check again"));
        assertThat(sentBreaks(otherToken).get(0).path("suggestion").path("rescreen").isNull()).isTrue();

        // employer systems: the two people's break reminders read the same
        Map<UUID, JsonNode> bodies = new HashMap<>();
        await().atMost(WAIT).until(() -> {
            for (UUID e : List.of(cleared, neverFlagged)) {
                receiver.first(r -> r.path().equals("/hooks/" + tenant) && r.body().contains(e.toString())
                        && r.body().contains("\"kind\":\"break\"")).ifPresent(r -> bodies.put(e, read(r.body())));
            }
            return bodies.size() == 2;
        });
        assertThat(masked(bodies.get(cleared))).isEqualTo(masked(bodies.get(neverFlagged)));
        for (String telltale : List.of("clinician", "screen", "check", "cleared")) {
            assertThat(bodies.get(cleared).toString()).doesNotContainIgnoringCase(telltale);
        }

        // an assessment after the clearance is the re-screen: the ask goes
        send(new AssessmentCompleted(UUID.randomUUID(), cleared, null, "checklist", 2, "checklist", 1, "low", List.of(), false,
                Instant.now()));
        await().atMost(WAIT).until(() -> queue().count("select count(*) from employee_routine where employee_id = ? "
                + "and screened_at > cleared_at", cleared) == 1);
        given().auth().oauth2(token).get("/api/me/reminders/" + mine.path("id").asText()).then().statusCode(200)
                .body("suggestion.rescreen", org.hamcrest.Matchers.nullValue());
    }

    // ---- helpers

    private boolean highRisk(UUID employee) {
        return queue().count("select count(*) from employee_risk where employee_id = ? and high_risk", employee) == 1;
    }

    private List<JsonNode> sentBreaks(String token) {
        JsonNode page = read(given().auth().oauth2(token).get("/api/me/reminders?size=200").then().statusCode(200).extract().asString());
        List<JsonNode> sent = new ArrayList<>();
        page.path("items").forEach(i -> {
            if ("break".equals(i.path("kind").asText()) && !i.path("suggestion").isNull() && !i.path("suggestion").isMissingNode()) {
                sent.add(i);
            }
        });
        return sent;
    }

    private void registerWebhook() {
        given().auth().oauth2(admin).contentType("application/json").body(Map.of("url", receiver.url("/hooks/" + tenant)))
                .post("/api/webhook-endpoints").then().statusCode(201);
    }

    private void recommend(UUID employee, String routineId, String title, int minutes, List<MicroBreak> microBreaks,
                           boolean floorOrEquipment, boolean release) {
        send(new RoutineRecommended(UUID.randomUUID(), employee, UUID.randomUUID(), routineId, title, minutes,
                List.of(FindingCodes.PROLONGED_SITTING), false, Instant.now().minusSeconds(30), microBreaks, floorOrEquipment, release));
    }

    private void enrol(UUID employee, String zone, String start, String end) {
        enrolled.add(employee);
        send(new EmployeeEnrolled(employee, UUID.randomUUID(), zone, start, end, false, Instant.now()));
    }

    private static Map<String, Object> settings(String zone, String start, String end, List<String> routineTimes, Boolean floor) {
        Map<String, Object> hours = new LinkedHashMap<>();
        for (DayOfWeek day : DayOfWeek.values()) {
            hours.put(day.name().toLowerCase(java.util.Locale.ROOT), Map.of("start", start, "end", end));
        }
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("timeZone", zone);
        s.put("workingHours", hours);
        s.put("routineTimes", routineTimes);
        s.put("floorExercisesAtWork", floor);
        return s;
    }

    private static io.restassured.response.Response put(String token, Map<String, Object> settings) {
        return given().auth().oauth2(token).contentType("application/json").body(settings).put("/api/me/reminder-settings");
    }

    /** The body with what is per person or per moment masked: ids and instants. */
    private static String masked(JsonNode body) {
        return body.toString().replace(body.path("reminderId").asText(), "{reminderId}")
                .replace(body.path("employeeId").asText(), "{employeeId}")
                .replaceAll("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?Z", "{instant}");
    }

    private static JsonNode read(String body) {
        try {
            return JSON.readTree(body);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private JsonNode opened(ConsumerRecord<String, byte[]> record) {
        return mapper.valueToTree(inbox.decode(record).payload());
    }

    private void send(IntegrationEvent event) {
        TopicReader.send(kafka, CloudEventRecords.record(tenant, UUID.randomUUID().toString(), event));
    }
}
