package io.upright.programs.program;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import io.upright.localinfra.DevTokens;
import io.upright.testsupport.http.Api;
import io.upright.testsupport.kafka.TopicReader;
import io.upright.testsupport.quarkus.UprightTestInfrastructure;
import io.upright.testsupport.time.AdjustableClock;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

@QuarkusTest
@WithTestResource(value = UprightTestInfrastructure.class, initArgs = {
        @ResourceArg(name = "database", value = "programs"),
        @ResourceArg(name = "topics", value = "upright.programs")})
public class ProgramLifecycleFlowTest {

    private static final DevTokens TOKENS = DevTokens.forTests();
    private final String tenant = "acme-" + UUID.randomUUID();
    private final String hr = TOKENS.issue(tenant, "hr-1", "hr");
    private final String admin = TOKENS.issue(tenant, "admin-1", "admin");

    // "today" for the service and for the test alike, whenever the test runs
    private static final LocalDate TODAY = LocalDate.parse("2026-03-02");

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String kafka;

    @BeforeEach
    void installClock() {
        QuarkusMock.installMockForType(AdjustableClock.atNoon(TODAY), Clock.class);
    }

    @Test
    void launching_today_publishes_program_launched_and_phase_one_then_pause_resume_and_end_are_published() throws Exception {
        String team = formTeam("Finance");
        String id = createDraft(List.of(team));
        String today = TODAY.toString();

        Api.as(hr).body(Map.of("startsOn", today))
                .post("/api/programs/{id}/launch", id)
                .then().statusCode(200).body("status", equalTo("launched")).body("currentPhase", equalTo(1))
                .body("phases[0].startsOn", equalTo(today));
        Api.as(hr).post("/api/programs/{id}/pause", id).then().statusCode(200).body("status", equalTo("paused"));
        Api.as(hr).post("/api/programs/{id}/resume", id).then().statusCode(200).body("status", equalTo("launched"));
        Api.as(admin).post("/api/programs/{id}/end", id).then().statusCode(200).body("status", equalTo("ended"));

        List<ConsumerRecord<String, byte[]>> records = TopicReader.awaitRecords(kafka, "upright.programs",
                r -> id.equals(r.key()), 5, Duration.ofSeconds(30));
        assertThat(records).extracting(r -> TopicReader.header(r, "ce_type")).containsExactly(
                "upright.programs.program-launched.v1", "upright.programs.program-phase-started.v1",
                "upright.programs.program-paused.v1", "upright.programs.program-resumed.v1", "upright.programs.program-ended.v1");
        JsonNode launched = new ObjectMapper().readTree(records.get(0).value());
        assertThat(launched.get("title").asText()).isEqualTo("Stand up, Finance");
        assertThat(launched.get("teamIds").get(0).asText()).isEqualTo(team);
        assertThat(launched.get("phases")).hasSize(2);
        assertThat(launched.get("startsOn").asText()).isEqualTo(today);
        JsonNode phase = new ObjectMapper().readTree(records.get(1).value());
        assertThat(phase.get("phaseNumber").asInt()).isEqualTo(1);
        assertThat(phase.get("breakEveryMinutes").asInt()).isEqualTo(45);
        assertThat(phase.get("dailyActiveMinutesTarget").asInt()).isEqualTo(120);
        assertThat(phase.get("minBreakEveryMinutes").asInt()).isEqualTo(20);
        assertThat(phase.get("startedOn").asText()).isEqualTo(today);
        assertThat(TopicReader.header(records.get(0), "ce_tenant")).isEqualTo(tenant);
    }

    @Test
    void transitions_the_lifecycle_does_not_allow_are_409_problems() {
        String team = formTeam("Ops");
        String id = createDraft(List.of(team));
        Api.as(hr).post("/api/programs/{id}/pause", id).then().statusCode(409)
                .contentType("application/problem+json").body("type", equalTo("urn:upright:problem:invalid-transition"));
        Api.as(hr).post("/api/programs/{id}/end", id).then().statusCode(409);
        launch(id, TODAY.plusDays(7));
        Api.as(hr).post("/api/programs/{id}/resume", id).then().statusCode(409);
        Api.as(hr).body(Map.of("startsOn", "2027-01-04"))
                .post("/api/programs/{id}/launch", id).then().statusCode(409);
        Api.as(hr).body(draftBody("Renamed", List.of(team)))
                .put("/api/programs/{id}", id).then().statusCode(409);
        Api.as(hr).post("/api/programs/{id}/end", id).then().statusCode(200);
        Api.as(hr).post("/api/programs/{id}/resume", id).then().statusCode(409);
    }

    @Test
    void a_draft_is_edited_with_if_match_and_a_stale_etag_is_412() {
        String team = formTeam("Design");
        String id = createDraft(List.of(team));
        String etag = Api.as(hr).get("/api/programs/{id}", id).then().statusCode(200)
                .body("status", equalTo("draft")).body("currentPhase", nullValue()).extract().header("ETag");

        Api.as(hr).header("If-Match", etag)
                .body(draftBody("Stand up, Design", List.of(team)))
                .put("/api/programs/{id}", id).then().statusCode(200).body("title", equalTo("Stand up, Design"));
        Api.as(hr).header("If-Match", etag)
                .body(draftBody("Lost update", List.of(team)))
                .put("/api/programs/{id}", id).then().statusCode(412);
        Api.as(hr).get("/api/programs").then().statusCode(200).body("total", equalTo(1))
                .body("items[0].title", equalTo("Stand up, Design"));
    }

    @Test
    void invalid_programs_name_each_field_and_unknown_teams() {
        String team = formTeam("Sales");
        Map<String, Object> body = Map.of("title", "", "minBreakEveryMinutes", 20, "maxBreakEveryMinutes", 60,
                "teamIds", List.of(team, UUID.randomUUID().toString()),
                "phases", List.of(Map.of("startWeek", 1, "breakEveryMinutes", 90, "dailyActiveMinutesTarget", 120),
                        Map.of("startWeek", 1, "breakEveryMinutes", 30, "dailyActiveMinutesTarget", 240)));
        Api.as(hr).body(body).post("/api/programs")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", containsInAnyOrder("title", "phases[0].breakEveryMinutes", "phases[1].startWeek", "teamIds[1]"));
        Api.as(hr).body(Map.of("title", "x"))
                .post("/api/programs").then().statusCode(400).body("errors.field", hasItems("phases", "teamIds"));
        String id = createDraft(List.of(team));
        Api.as(hr).body(Map.of())
                .post("/api/programs/{id}/launch", id).then().statusCode(400).body("errors.field", hasItems("startsOn"));
    }

    @Test
    void a_team_belongs_to_at_most_one_running_program() {
        String team = formTeam("Support");
        String first = createDraft(List.of(team));
        String second = createDraft(List.of(team, formTeam("Legal")));
        launch(first, TODAY);

        Api.as(hr).body(Map.of("startsOn", TODAY.toString()))
                .post("/api/programs/{id}/launch", second).then().statusCode(409).body("detail", org.hamcrest.Matchers.containsString(team));
        Api.as(hr).post("/api/programs/{id}/pause", first).then().statusCode(200);
        Api.as(hr).body(Map.of("startsOn", TODAY.toString()))
                .post("/api/programs/{id}/launch", second).then().statusCode(409);
        Api.as(hr).post("/api/programs/{id}/end", first).then().statusCode(200);
        launch(second, TODAY);
    }

    @Test
    void champions_must_be_employees_of_the_team_and_can_be_appointed_and_revoked() {
        String team = formTeam("Research");
        String otherTeam = formTeam("Marketing");
        String ada = enroll(team, "Ada", "ada-" + UUID.randomUUID() + "@acme.example");
        String lin = enroll(team, "Lin", "lin-" + UUID.randomUUID() + "@acme.example");
        String outsider = enroll(otherTeam, "Bob", "bob-" + UUID.randomUUID() + "@acme.example");
        String id = createDraft(List.of(team, otherTeam));

        Api.as(hr).body(Map.of("employeeId", ada))
                .post("/api/programs/{id}/teams/{team}/champions", id, team).then().statusCode(200)
                .body("employeeId", containsInAnyOrder(ada)).body("displayName", containsInAnyOrder("Ada"));
        Api.as(hr).body(Map.of("employeeId", lin))
                .post("/api/programs/{id}/teams/{team}/champions", id, team).then().statusCode(200).body("$", hasSize(2));
        Api.as(hr).body(Map.of("employeeId", outsider))
                .post("/api/programs/{id}/teams/{team}/champions", id, team).then().statusCode(400)
                .body("errors.field", hasItems("employeeId"));
        Api.as(hr).body(Map.of("employeeId", ada))
                .post("/api/programs/{id}/teams/{team}/champions", id, formTeam("Not in program")).then().statusCode(404);

        Api.as(hr).delete("/api/programs/{id}/teams/{team}/champions/{e}", id, team, ada).then().statusCode(204);
        Api.as(hr).delete("/api/programs/{id}/teams/{team}/champions/{e}", id, team, ada).then().statusCode(404);
        Api.as(hr).get("/api/programs/{id}/teams/{team}/champions", id, team).then().statusCode(200)
                .body("employeeId", containsInAnyOrder(lin));
    }

    @Test
    void another_tenant_gets_404_for_every_program_route_and_employees_get_403() {
        String team = formTeam("Finance");
        String id = createDraft(List.of(team));
        String other = TOKENS.issue("globex-" + UUID.randomUUID(), "hr-2", "hr");

        Api.as(other).get("/api/programs/{id}", id).then().statusCode(404);
        Api.as(other).body(draftBody("Mine now", List.of(team)))
                .put("/api/programs/{id}", id).then().statusCode(404);
        Api.as(other).body(Map.of("startsOn", "2027-01-04"))
                .post("/api/programs/{id}/launch", id).then().statusCode(404);
        Api.as(other).post("/api/programs/{id}/end", id).then().statusCode(404);
        Api.as(other).get("/api/programs/{id}/teams/{team}/champions", id, team).then().statusCode(404);
        Api.as(other).get("/api/programs").then().statusCode(200).body("total", equalTo(0));
        // a program of another tenant cannot name our team either
        Api.as(other).body(draftBody("Sneaky", List.of(team)))
                .post("/api/programs").then().statusCode(400).body("errors.field", hasItems("teamIds[0]"));

        String employee = TOKENS.issue(tenant, UUID.randomUUID().toString(), "employee");
        Api.as(employee).get("/api/programs/{id}", id).then().statusCode(403);
        Api.as(employee).body(draftBody("x", List.of(team)))
                .post("/api/programs").then().statusCode(403);
    }

    @Test
    void the_openapi_document_describes_the_program_and_personal_data_routes() {
        Api.anonymous().get("/q/openapi?format=json").then().statusCode(200)
                .body("paths.'/api/programs/{id}/launch'.post.summary", org.hamcrest.Matchers.notNullValue())
                .body("paths.'/api/programs/{id}/teams/{teamId}/champions'.post.summary", org.hamcrest.Matchers.notNullValue())
                .body("paths.'/api/me/data-export'.get.summary", org.hamcrest.Matchers.notNullValue())
                .body("paths.'/api/employees/{id}/personal-data'.delete.summary", org.hamcrest.Matchers.notNullValue());
    }

    private String createDraft(List<String> teams) {
        return Api.as(hr).body(draftBody("Stand up, Finance", teams))
                .post("/api/programs").then().statusCode(201).header("Location", org.hamcrest.Matchers.containsString("/api/programs/"))
                .header("ETag", org.hamcrest.Matchers.notNullValue())
                .body("status", equalTo("draft")).extract().path("id");
    }

    private void launch(String id, LocalDate startsOn) {
        Api.as(hr).body(Map.of("startsOn", startsOn.toString()))
                .post("/api/programs/{id}/launch", id).then().statusCode(200);
    }

    public static Map<String, Object> draftBody(String title, List<String> teams) {
        return Map.of("title", title, "minBreakEveryMinutes", 20, "maxBreakEveryMinutes", 60, "teamIds", teams,
                "phases", List.of(Map.of("startWeek", 1, "breakEveryMinutes", 45, "dailyActiveMinutesTarget", 120),
                        Map.of("startWeek", 3, "breakEveryMinutes", 30, "dailyActiveMinutesTarget", 240)));
    }

    private String formTeam(String name) {
        return Api.as(hr).body(Map.of("name", name + " " + UUID.randomUUID()))
                .post("/api/teams").then().statusCode(201).extract().path("id");
    }

    private String enroll(String team, String name, String email) {
        return Api.as(hr)
                .body(Map.of("displayName", name, "email", email, "timeZone", "UTC", "workdayStart", "09:00", "workdayEnd", "17:00"))
                .post("/api/teams/{id}/employees", team).then().statusCode(201).extract().path("id");
    }
}
