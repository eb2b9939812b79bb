package io.upright.programs.roster;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.upright.localinfra.DevTokens;
import io.upright.testsupport.http.Api;
import io.upright.testsupport.quarkus.UprightTestInfrastructure;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

@QuarkusTest
@WithTestResource(value = UprightTestInfrastructure.class, initArgs = {
        @ResourceArg(name = "database", value = "programs"),
        @ResourceArg(name = "topics", value = "upright.programs")})
class RosterImportFlowTest {

    private static final DevTokens TOKENS = DevTokens.forTests();
    private static final String HEADER = "email,displayName,team,timeZone,workdayStart,workdayEnd,chatHandle,standingDesk\n";
    private final String tenant = "roster-" + UUID.randomUUID();
    private final String hr = TOKENS.issue(tenant, "hr-1", "hr");
    private final String admin = TOKENS.issue(tenant, "admin-1", "admin");

    private static final String THREE_IN_TWO_TEAMS = HEADER
            + "ada@acme.example,Ada Lovelace,Finance,Europe/Berlin,09:00,17:30,@ada,true\n"
            + "bob@acme.example,Bob Builder,Finance,Europe/Berlin,08:00,16:00,,false\n"
            + "cy@acme.example,\"Young, Cy\",Support,America/New_York,09:00,17:00,,\n";

    @Test
    void a_preview_reports_every_row_with_its_action_and_its_errors_and_changes_nothing() {
        JsonPath preview = csv(hr, HEADER
                + "ada@acme.example,Ada,Finance,Europe/Berlin,09:00,17:30,,\n"
                + "not-an-email,Bob,Finance,Europe/Berlin,09:00,17:30,,\n"
                + "cy@acme.example,Cy,Support,Mars/Base,17:00,09:00,,\n"
                + "ADA@acme.example,Ada again,Finance,UTC,09:00,17:00,,\n")
                .post("/api/roster-imports?mode=preview").then().statusCode(200)
                .body("valid", equalTo(false))
                .body("summary.rowsWithErrors", equalTo(3))
                .extract().jsonPath();

        assertThat(preview.getList("rows.line", Integer.class)).containsExactly(2, 3, 4, 5);
        assertThat(preview.getList("rows.action", String.class)).containsExactly("enrol", "error", "error", "error");
        assertThat(preview.getList("rows[1].errors.field", String.class)).containsExactly("email");
        assertThat(preview.getList("rows[2].errors.field", String.class)).containsExactlyInAnyOrder("timeZone", "workdayEnd");
        assertThat(preview.getString("rows[3].errors[0].message")).contains("first on line 2");
        Api.as(hr).get("/api/teams").then().statusCode(200).body("total", equalTo(0));
    }

    @Test
    void an_apply_of_a_file_with_one_bad_row_is_refused_naming_the_row_and_writes_nothing() {
        Api.as(hr).contentType("text/csv").body(THREE_IN_TWO_TEAMS + "dee@acme.example,Dee,Support,UTC,09:00,25:00,,\n")
                .post("/api/roster-imports?mode=apply").then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItems("lines[5].workdayEnd"));

        Api.as(hr).get("/api/teams").then().statusCode(200).body("total", equalTo(0));
    }

    @Test
    void an_apply_forms_the_teams_and_enrols_everyone_and_the_same_file_again_changes_nothing() {
        JsonPath done = applyAndAwait(hr, THREE_IN_TWO_TEAMS, "report");
        assertThat(done.getString("status")).isEqualTo("succeeded");
        assertThat(done.getInt("rowsDone")).isEqualTo(3);
        assertThat(done.getList("outcome.rows.action", String.class)).containsExactly("enrol", "enrol", "enrol");

        List<Map<String, Object>> teams = Api.as(hr).get("/api/teams").then().statusCode(200)
                .body("total", equalTo(2)).extract().path("items");
        String finance = teams.stream().filter(t -> "Finance".equals(t.get("name"))).findFirst().orElseThrow().get("id").toString();
        Api.as(hr).get("/api/teams/{id}/employees", finance).then().statusCode(200)
                .body("items.displayName", hasItems("Ada Lovelace", "Bob Builder"))
                .body("items.find { it.email == 'ada@acme.example' }.chatHandle", equalTo("@ada"))
                .body("items.find { it.email == 'ada@acme.example' }.standingDesk", equalTo(true));

        JsonPath again = csv(hr, THREE_IN_TWO_TEAMS).post("/api/roster-imports?mode=preview").then().statusCode(200)
                .extract().jsonPath();
        assertThat(again.getList("rows.action", String.class)).containsExactly("unchanged", "unchanged", "unchanged");
        assertThat(again.getInt("summary.teamsToCreate")).isZero();

        JsonPath reapplied = applyAndAwait(hr, THREE_IN_TWO_TEAMS, "report");
        assertThat(reapplied.getString("status")).isEqualTo("succeeded");
        assertThat(reapplied.getList("outcome.rows.action", String.class)).containsOnly("unchanged");
        Api.as(hr).get("/api/teams").then().body("total", equalTo(2));
        Api.as(hr).get("/api/teams/{id}/employees", finance).then().body("total", equalTo(2));
    }

    @Test
    void someone_enrolled_but_absent_from_the_file_is_reported_as_a_leaver_and_marked_left_only_when_asked() {
        applyAndAwait(hr, THREE_IN_TWO_TEAMS, "report");
        String withoutBob = HEADER
                + "ada@acme.example,Ada Lovelace,Finance,Europe/Berlin,09:00,17:30,@ada,true\n"
                + "cy@acme.example,\"Young, Cy\",Support,America/New_York,09:00,18:00,,\n";

        JsonPath preview = csv(hr, withoutBob).post("/api/roster-imports?mode=dry-run").then().statusCode(200)
                .body("mode", equalTo("dry-run")).extract().jsonPath();
        assertThat(preview.getList("leavers.email", String.class)).containsExactly("bob@acme.example");
        assertThat(preview.getList("rows[1].changes", String.class)).containsExactly("workdayEnd");
        String bob = preview.getString("leavers[0].employeeId");

        JsonPath reported = applyAndAwait(hr, withoutBob, "report");
        assertThat(reported.getList("outcome.leavers.markedLeft", Boolean.class)).containsExactly(false);
        Api.as(hr).get("/api/employees/{id}", bob).then().body("status", equalTo("enrolled"));

        // leaving is an admin's decision (POST /api/employees/{id}/leave): HR may not mark leavers
        csv(hr, withoutBob).post("/api/roster-imports?mode=apply&leavers=mark").then().statusCode(403);
        JsonPath marked = applyAndAwait(admin, withoutBob, "mark");
        assertThat(marked.getList("outcome.leavers.markedLeft", Boolean.class)).containsExactly(true);
        Api.as(hr).get("/api/employees/{id}", bob).then().body("status", equalTo("left"));
    }

    @Test
    void after_an_employees_erasure_no_import_outcome_names_them_and_every_count_stays() {
        JsonPath first = applyAndAwait(hr, THREE_IN_TWO_TEAMS, "report");
        String bob = first.getString("outcome.rows[1].employeeId");
        String withoutBob = HEADER
                + "ada@acme.example,Ada Lovelace,Finance,Europe/Berlin,09:00,17:30,@ada,true\n"
                + "cy@acme.example,\"Young, Cy\",Support,America/New_York,09:00,17:00,,\n";
        JsonPath second = applyAndAwait(admin, withoutBob, "mark");
        assertThat(second.getList("outcome.leavers.employeeId", String.class)).containsExactly(bob);

        Api.as(admin).delete("/api/employees/{id}/personal-data", bob).then().statusCode(204);

        for (JsonPath before : List.of(first, second)) {
            String after = Api.as(hr).get("/api/roster-imports/{id}", before.getString("id")).then().statusCode(200)
                    .extract().asString();
            assertThat(after).doesNotContain(bob);
            JsonPath now = JsonPath.from(after);
            assertThat(now.getMap("outcome.summary")).isEqualTo(before.getMap("outcome.summary"));
            assertThat(now.getList("outcome.rows.line")).isEqualTo(before.getList("outcome.rows.line"));
        }
        JsonPath firstAfter = Api.as(hr).get("/api/roster-imports/{id}", first.getString("id")).then().extract().jsonPath();
        assertThat(firstAfter.getString("outcome.rows[1].employeeId")).isNull();
        assertThat(firstAfter.getString("outcome.rows[0].employeeId")).isEqualTo(first.getString("outcome.rows[0].employeeId"));
        JsonPath secondAfter = Api.as(hr).get("/api/roster-imports/{id}", second.getString("id")).then().extract().jsonPath();
        assertThat(secondAfter.getList("outcome.leavers.markedLeft", Boolean.class)).containsExactly(true);
        assertThat(secondAfter.getString("outcome.leavers[0].teamName")).isNull();
    }

    @Test
    void another_tenant_sees_neither_the_import_nor_its_people() {
        JsonPath done = applyAndAwait(hr, THREE_IN_TWO_TEAMS, "report");
        String otherHr = TOKENS.issue("other-" + UUID.randomUUID(), "hr-2", "hr");

        Api.as(otherHr).get("/api/roster-imports/{id}", done.getString("id")).then().statusCode(404);
        JsonPath preview = csv(otherHr, THREE_IN_TWO_TEAMS).post("/api/roster-imports").then().statusCode(200).extract().jsonPath();
        assertThat(preview.getList("rows.action", String.class)).containsOnly("enrol");
        assertThat(preview.getInt("summary.teamsToCreate")).isEqualTo(2);
        assertThat(preview.getList("leavers")).isEmpty();
    }

    @Test
    void an_employee_may_not_import() {
        csv(TOKENS.issue(tenant, UUID.randomUUID().toString(), "employee"), THREE_IN_TWO_TEAMS)
                .post("/api/roster-imports").then().statusCode(403);
    }

    private static io.restassured.specification.RequestSpecification csv(String token, String body) {
        return Api.as(token).contentType("text/csv").body(body);
    }

    private static JsonPath applyAndAwait(String token, String body, String leavers) {
        String location = csv(token, body).post("/api/roster-imports?mode=apply&leavers=" + leavers)
                .then().statusCode(202).extract().header("Location");
        assertThat(java.net.URI.create(location).getPath()).startsWith("/api/roster-imports/");
        JsonPath[] last = new JsonPath[1];
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() -> {
            last[0] = Api.as(token).get(location).then().statusCode(200).extract().jsonPath();
            String status = last[0].getString("status");
            return !"queued".equals(status) && !"running".equals(status);
        });
        return last[0];
    }
}
