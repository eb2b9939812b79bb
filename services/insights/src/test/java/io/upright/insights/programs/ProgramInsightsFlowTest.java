package io.upright.insights.programs;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.upright.contracts.programs.EmployeeErased;
import io.upright.contracts.programs.EmployeeLeft;
import io.upright.localinfra.DevTokens;
import io.upright.testsupport.http.Api;
import io.upright.testsupport.quarkus.UprightTestInfrastructure;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@QuarkusTest
@WithTestResource(value = UprightTestInfrastructure.class, initArgs = {
        @ResourceArg(name = "database", value = "insights"),
        @ResourceArg(name = "topics", value = "upright.programs,upright.assessments,upright.exercises,upright.reminders,upright.insights.dlq")})
class ProgramInsightsFlowTest {

    private static final DevTokens TOKENS = DevTokens.forTests();

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String kafka;

    @Inject
    DataSource dataSource;

    @BeforeEach
    void setTheClockToTheScenariosDay() {
        // the current ISO week is the scenario's, whatever day the test runs on
        QuarkusMock.installMockForType(ProgramScenario.clock(), Clock.class);
    }

    @Test
    void weekly_figures_come_from_the_events_in_each_employees_local_week_and_small_teams_cannot_be_worked_out() {
        ProgramScenario s = new ProgramScenario("acme", kafka).publishAll();
        s.awaitApplied(dataSource);
        String hr = TOKENS.issue(s.tenant, "hr-1", "hr");

        JsonPath list = Api.as(hr).get("/api/insights/programs").then().statusCode(200).extract().jsonPath();
        assertThat(list.getList("items.programId", String.class)).containsExactly(s.programId.toString());
        assertThat(list.getInt("items[0].teams")).isEqualTo(3);
        assertThat(list.getInt("items[0].currentPhase")).isEqualTo(2);

        JsonPath p = program(hr, s.programId, 2);
        assertThat(p.getList("weeks", String.class)).containsExactly(s.lastWeek, s.thisWeek);
        assertThat(p.getInt("anonymityThreshold")).isEqualTo(5);
        assertThat(p.getInt("currentPhase.number")).isEqualTo(2);
        assertThat(p.getInt("currentPhase.dailyActiveMinutesTarget")).isEqualTo(120);

        // program over both weeks: every team counts (13 people), so the total is visible
        assertThat(p.getBoolean("overview.suppressed")).isFalse();
        assertThat(p.getLong("overview.enrolled")).isEqualTo(13);
        assertThat(p.getLong("overview.breaksTaken")).isEqualTo(7);
        assertThat(p.getLong("overview.activeBreakMinutes")).isEqualTo(95);
        assertThat(p.getLong("overview.remindersSent")).isEqualTo(3);
        assertThat(p.getLong("overview.breaksSnoozed")).isEqualTo(1);
        assertThat(p.getLong("overview.breaksSkipped")).isEqualTo(1);
        assertThat(p.getLong("overview.remindersExpired")).isEqualTo(1);
        assertThat(p.getLong("overview.exerciseSessions")).isEqualTo(1);
        assertThat(p.getLong("overview.exerciseMinutes")).isEqualTo(8);

        // weekly trend: last week is phase 1 (60 min a day), this week phase 2 (120)
        assertThat(p.getInt("trend[0].programWeek")).isEqualTo(3);
        assertThat(p.getInt("trend[0].phase")).isEqualTo(1);
        assertThat(p.getLong("trend[0].figures.active")).isEqualTo(3);
        assertThat(p.getLong("trend[0].figures.breaksTaken")).isEqualTo(1);
        assertThat(p.getInt("trend[0].figures.dailyActiveMinutesTarget")).isEqualTo(60);
        assertThat(p.getInt("trend[1].programWeek")).isEqualTo(4);
        assertThat(p.getLong("trend[1].figures.active")).isEqualTo(6);
        assertThat(p.getLong("trend[1].figures.breaksTaken")).isEqualTo(6);
        assertThat(p.getInt("trend[1].figures.dailyActiveMinutesTarget")).isEqualTo(120);
        assertThat(p.getLong("weekOverWeek.breaksTaken")).isEqualTo(5);

        // Accounts (6 people) is visible, week by week and in total
        Map<String, Object> accounts = team(p, "Accounts");
        assertThat(figure(accounts, "figures", "suppressed")).isEqualTo(false);
        assertThat(figure(accounts, "figures", "enrolled")).isEqualTo(6);
        assertThat(figure(accounts, "figures", "active")).isEqualTo(5);
        assertThat(figure(accounts, "figures", "breaksTaken")).isEqualTo(5);
        assertThat(figure(accounts, "figures", "activeBreakMinutes")).isEqualTo(85);
        assertThat(figure(accounts, "figures", "assessmentCoveragePercent")).isEqualTo(33);
        // this week: 75 minutes (a6's Sunday-evening break is Monday in Auckland)...
        assertThat(figure(accounts, "latestWeek", "active")).isEqualTo(4);
        assertThat(figure(accounts, "latestWeek", "breaksTaken")).isEqualTo(4);
        assertThat(figure(accounts, "latestWeek", "activeBreakMinutes")).isEqualTo(75);
        assertThat(figure(accounts, "latestWeek", "dailyActiveMinutesTarget")).isEqualTo(120);
        // ...but the average per employee-day would describe the 4 people active: hidden, and % of target with it
        assertThat(figure(accounts, "latestWeek", "averagesReason")).isEqualTo("fewer than 5 people active");
        assertThat(figure(accounts, "latestWeek", "activeMinutesPerEmployeeDay")).isNull();
        assertThat(figure(accounts, "latestWeek", "targetAttainmentPercent")).isNull();
        assertThat(figure(accounts, "weekOverWeek", "breaksTaken")).isEqualTo(3);
        assertThat(figure(accounts, "weekOverWeek", "activeBreakMinutes")).isEqualTo(65);
        assertThat(figure(accounts, "weekOverWeek", "activeMinutesPerEmployeeDay")).isNull();
        // 6 enrolled, but only a1 and a5 assessed: a risk row about them would describe two people
        assertThat(figure(accounts, "risk", "suppressed")).isEqualTo(true);
        assertThat(figure(accounts, "risk", "reason")).isEqualTo("fewer than 5 people assessed");
        for (String hiddenRisk : List.of("assessed", "rosaBands", "workstationRiskLevels", "topFindings")) {
            assertThat(figure(accounts, "risk", hiddenRisk)).as(hiddenRisk).isNull();
        }

        // Courier (2 people) is hidden; Billing too, or the program total minus Accounts would give Courier away
        Map<String, Object> courier = team(p, "Courier");
        Map<String, Object> billing = team(p, "Billing");
        assertThat(figure(courier, "figures", "reason")).isEqualTo("fewer than 5 people");
        assertThat(figure(courier, "latestWeek", "reason")).isEqualTo("fewer than 5 people");
        assertThat((String) figure(billing, "figures", "reason")).contains("subtraction");
        assertThat((String) figure(billing, "latestWeek", "reason")).contains("subtraction");
        for (Map<String, Object> hidden : List.of(courier, billing)) {
            for (String part : List.of("figures", "latestWeek")) {
                assertThat(figure(hidden, part, "suppressed")).isEqualTo(true);
                assertThat(figure(hidden, part, "enrolled")).isNull();
                assertThat(figure(hidden, part, "breaksTaken")).isNull();
            }
            assertThat(figure(hidden, "weekOverWeek", "breaksTaken")).isNull();
            assertThat(figure(hidden, "risk", "suppressed")).isEqualTo(true);
            assertThat(figure(hidden, "risk", "rosaBands")).isNull();
        }
        // what subtraction can give now covers Billing and Courier together: 7 people, never 2
        long hiddenBreaks = p.getLong("trend[1].figures.breaksTaken") - ((Number) figure(accounts, "latestWeek", "breaksTaken")).longValue();
        assertThat(hiddenBreaks).isEqualTo(2);

        // program-wide risk and findings: two people assessed in all, so hidden as well
        assertThat(p.getBoolean("risk.suppressed")).isTrue();
        assertThat(p.getString("risk.reason")).isEqualTo("fewer than 5 people assessed");
        assertThat(p.getList("risk.topFindings")).isNull();
        // the program's average over 7 active people may be shown
        assertThat(p.getString("overview.averagesReason")).isNull();
        assertThat(p.getDouble("overview.activeMinutesPerEmployeeDay")).isPositive();
    }

    @Test
    void risk_rows_need_k_people_assessed_and_the_program_row_minus_the_visible_teams_never_gives_one_team_away() {
        ProgramScenario s = new ProgramScenario("risk", kafka).publishAll();
        // assessed now: Accounts 5 (a1..a5), Billing 5, Courier 1
        for (UUID person : List.of(s.a.get(1), s.a.get(2), s.a.get(3))) {
            s.publish(assessment(s, person, s.accounts, "LOW", List.of("SCREEN_TOO_LOW")));
        }
        for (UUID person : s.b) {
            s.publish(assessment(s, person, s.billing, "MODERATE", List.of("NO_LUMBAR_SUPPORT")));
        }
        s.publish(assessment(s, s.c.get(0), s.courier, "HIGH", List.of("FEET_UNSUPPORTED")));
        s.awaitApplied(dataSource);
        String hr = TOKENS.issue(s.tenant, "hr-1", "hr");

        JsonPath p = program(hr, s.programId, 1);
        Map<String, Object> accounts = team(p, "Accounts");
        Map<String, Object> billing = team(p, "Billing");
        Map<String, Object> courier = team(p, "Courier");
        assertThat(figure(courier, "risk", "reason")).isEqualTo("fewer than 5 people assessed");
        // Courier alone would be the program row minus Accounts and Billing: the smaller of those (a tie at 5
        // people, broken by name) is hidden too, so the difference describes 6 people in two teams
        assertThat((String) figure(accounts, "risk", "reason")).contains("subtraction");
        assertThat(figure(accounts, "risk", "rosaBands")).isNull();
        assertThat(figure(billing, "risk", "suppressed")).isEqualTo(false);
        assertThat(figure(billing, "risk", "assessed")).isEqualTo(5);
        assertThat(figure(billing, "risk", "workstationRiskLevels")).isEqualTo(Map.of("LOW", 0, "MODERATE", 5, "HIGH", 0));
        assertThat(p.getBoolean("risk.suppressed")).isFalse();
        assertThat(p.getLong("risk.assessed")).isEqualTo(11);
        assertThat(p.getLong("risk.assessed") - ((Number) figure(billing, "risk", "assessed")).longValue()).isEqualTo(6);
        assertThat(p.getList("risk.topFindings.code", String.class)).contains("NO_LUMBAR_SUPPORT", "SCREEN_TOO_LOW");

        // the averages: 6 people active in Accounts this week, so its minutes per employee-day may be shown
        // (75 minutes over 7 employee-days: a1 twice, a2, a3, a4, a5, a6)
        assertThat(figure(accounts, "latestWeek", "averagesReason")).isNull();
        assertThat(((Number) figure(accounts, "latestWeek", "activeMinutesPerEmployeeDay")).doubleValue())
                .isCloseTo(10.7, org.assertj.core.data.Offset.offset(0.001));
        assertThat(figure(accounts, "latestWeek", "targetAttainmentPercent")).isEqualTo(9);

        // the CSV and the page say the same
        String csv = given().auth().oauth2(hr).get("/api/insights/programs/" + s.programId + ".csv?weeks=1")
                .then().statusCode(200).extract().asString();
        String riskTable = "Risk and findings (latest assessment of each current member)";
        assertThat(csv.lines()).contains(
                riskTable + ",Courier" + ",suppressed (fewer than 5 people assessed)".repeat(8),
                riskTable + ",Accounts" + ",suppressed (hidden so a smaller group cannot be worked out)".repeat(8));
        assertThat(csv.lines()).anySatisfy(l -> assertThat(l).startsWith(riskTable + ",Billing,5,0,0,0,0,5,0,"));
        assertThat(csv.lines()).anySatisfy(l -> assertThat(l).startsWith(riskTable + ",Program,11,"));
        String page = given().cookie("upright_token", hr).get("/dashboard/programs/" + s.programId + "?weeks=1")
                .then().statusCode(200).extract().asString();
        String risk = page.substring(page.indexOf("id=\"table-risk\""));
        assertThat(risk).contains("<th scope=\"row\">Courier</th><td class=\"suppressed\" colspan=\"8\">fewer than 5 people assessed</td>");
        assertThat(risk).contains("<th scope=\"row\">Accounts</th><td class=\"suppressed\" colspan=\"8\">hidden so a smaller group cannot be worked out</td>");

        // /api/insights/teams keeps the same risk verdicts: Accounts is shown there, its risk rows are not
        JsonPath teams = Api.as(hr).get("/api/insights/teams").then().statusCode(200).extract().jsonPath();
        assertThat(teams.getBoolean("items.find { it.teamName == 'Accounts' }.suppressed")).isFalse();
        assertThat(teams.getLong("items.find { it.teamName == 'Accounts' }.enrolled")).isEqualTo(6);
        assertThat(teams.getMap("items.find { it.teamName == 'Accounts' }")).containsEntry("riskDistribution", null)
                .containsEntry("topFindings", null);
        assertThat(teams.getString("items.find { it.teamName == 'Accounts' }.riskReason")).contains("subtraction");
        JsonPath overview = Api.as(hr).get("/api/insights/overview").then().statusCode(200).extract().jsonPath();
        assertThat(overview.getMap("$")).containsEntry("riskDistribution", null);
        assertThat(overview.getString("riskReason")).isEqualTo("no team's risk and findings can be shown");
    }

    private static io.upright.contracts.assessments.AssessmentCompleted assessment(ProgramScenario s, UUID person, UUID team,
                                                                                String level, List<String> findings) {
        return new io.upright.contracts.assessments.AssessmentCompleted(UUID.randomUUID(), person, team,
                "workstation-basics", 1, "WORKSTATION_BASICS", 4, level, findings, false, ProgramScenario.at(s.thisMonday, 11));
    }

    @Test
    void the_csv_holds_exactly_the_page_tables_with_suppressed_cells_spelled_out() {
        ProgramScenario s = new ProgramScenario("csv", kafka).publishAll();
        s.awaitApplied(dataSource);
        String hr = TOKENS.issue(s.tenant, "hr-1", "admin");

        String csv = given().auth().oauth2(hr).get("/api/insights/programs/" + s.programId + ".csv?weeks=2")
                .then().statusCode(200).contentType("text/csv").extract().asString();
        String viaFormat = given().auth().oauth2(hr).get("/api/insights/programs/" + s.programId + "?weeks=2&format=csv")
                .then().statusCode(200).extract().asString();
        assertThat(viaFormat).isEqualTo(csv);
        List<String> lines = csv.lines().toList();
        assertThat(lines).anySatisfy(l -> assertThat(l).startsWith("table,row,Enrolled,Active,"));
        assertThat(lines).anySatisfy(l -> assertThat(l).startsWith("Program overview,\"Program, " + s.lastWeek + " to " + s.thisWeek + "\",13,"));
        assertThat(lines).anySatisfy(l -> assertThat(l).startsWith("\"Team comparison, " + s.lastWeek + " to " + s.thisWeek + "\",Accounts,6,5,33,3,5,1,1,1,85,"));
        assertThat(lines).anySatisfy(l -> assertThat(l)
                .startsWith("\"Team comparison, " + s.lastWeek + " to " + s.thisWeek + "\",Courier,suppressed (fewer than 5 people),"));
        assertThat(lines).anySatisfy(l -> assertThat(l).contains(",Billing,suppressed (hidden so a smaller group cannot be worked out)"));
        assertThat(lines).anySatisfy(l -> assertThat(l).startsWith("Weekly trend," + s.thisWeek + ",4,2,13,6,"));
        // risk rows describe the people assessed: 2 in Accounts, 2 in the whole program
        String riskTable = "Risk and findings (latest assessment of each current member)";
        assertThat(lines).contains(riskTable + ",Program" + ",suppressed (fewer than 5 people assessed)".repeat(8),
                riskTable + ",Accounts" + ",suppressed (fewer than 5 people assessed)".repeat(8));
        // Accounts' average this week describes the 4 people active
        assertThat(lines).anySatisfy(l -> assertThat(l).startsWith("\"Team comparison, ")
                .contains(",Accounts,").doesNotContain("15.0"));
        assertThat(csv).contains("suppressed (fewer than 5 people active)");
        assertThat(csv).doesNotContain(s.a.get(0).toString());
    }

    @Test
    void a_tenants_admin_may_raise_k_never_lower_it_and_the_raised_k_applies_everywhere() {
        ProgramScenario s = new ProgramScenario("strict", kafka).publishAll();
        s.awaitApplied(dataSource);
        String hr = TOKENS.issue(s.tenant, "hr-1", "hr");
        String admin = TOKENS.issue(s.tenant, "admin-1", "admin");

        Api.as(admin).body("{\"anonymityThreshold\": 3}")
                .put("/api/insights/settings").then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", org.hamcrest.Matchers.equalTo("anonymityThreshold"));
        Api.as(admin).body("{}")
                .put("/api/insights/settings").then().statusCode(400).contentType("application/problem+json");
        Api.as(admin).body("{\"anonymityThreshold\": 7}")
                .put("/api/insights/settings").then().statusCode(200)
                .body("anonymityThreshold", org.hamcrest.Matchers.equalTo(7));
        Api.as(hr).get("/api/insights/settings").then().statusCode(200)
                .body("anonymityThreshold", org.hamcrest.Matchers.equalTo(7));

        JsonPath p = program(hr, s.programId, 2);
        assertThat(p.getInt("anonymityThreshold")).isEqualTo(7);
        assertThat(figure(team(p, "Accounts"), "figures", "reason")).isEqualTo("fewer than 7 people");
        assertThat(p.getLong("overview.enrolled")).isEqualTo(13);
        // the older team endpoints follow the tenant's k as well
        JsonPath teams = Api.as(hr).get("/api/insights/teams").then().statusCode(200).extract().jsonPath();
        assertThat(teams.getList("items.suppressed", Boolean.class)).containsOnly(true);
        // another tenant keeps the default
        ProgramScenario other = new ProgramScenario("relaxed", kafka);
        String otherHr = TOKENS.issue(other.tenant, "hr-1", "hr");
        Api.as(otherHr).get("/api/insights/settings").then().statusCode(200)
                .body("anonymityThreshold", org.hamcrest.Matchers.equalTo(5));
    }

    @Test
    void only_hr_and_admin_of_the_tenant_see_a_program() {
        ProgramScenario s = new ProgramScenario("roles", kafka).publishAll();
        s.awaitApplied(dataSource);
        String employee = TOKENS.issue(s.tenant, s.a.get(0).toString(), "employee");
        String editor = TOKENS.issue(s.tenant, "ed-1", "content-editor");
        String stranger = TOKENS.issue("globex-" + UUID.randomUUID(), "hr-9", "hr");
        for (String path : List.of("/api/insights/programs", "/api/insights/programs/" + s.programId,
                "/api/insights/programs/" + s.programId + ".csv", "/api/insights/settings")) {
            // the raw request: one of the paths is the CSV, which a JSON-only Accept header would not reach
            given().auth().oauth2(employee).get(path).then().statusCode(403);
            given().auth().oauth2(editor).get(path).then().statusCode(403);
            given().get(path).then().statusCode(401);
        }
        Api.as(employee).post("/api/insights/replay").then().statusCode(403);
        Api.as(TOKENS.issue(s.tenant, "hr-1", "hr")).post("/api/insights/replay").then().statusCode(403);
        Api.as(stranger).get("/api/insights/programs/" + s.programId).then().statusCode(404)
                .contentType("application/problem+json");
        given().auth().oauth2(stranger).get("/api/insights/programs/" + s.programId + ".csv").then().statusCode(404);
        Api.as(stranger).get("/api/insights/programs").then().statusCode(200).body("total", org.hamcrest.Matchers.equalTo(0));
        String hr = TOKENS.issue(s.tenant, "hr-1", "hr");
        Api.as(hr).get("/api/insights/programs/" + s.programId + "?weeks=0").then().statusCode(400);
        Api.as(hr).get("/api/insights/programs/not-a-uuid").then().statusCode(404);
        given().auth().oauth2(hr).get("/api/insights/programs/" + s.programId + "?format=xml").then().statusCode(400);
        String openapi = given().get("/q/openapi?format=json").then().statusCode(200).extract().asString();
        assertThat(openapi).contains("/api/insights/programs/{id}.csv", "/api/insights/programs/{id}",
                "/api/insights/settings", "/api/insights/replay", "ProgramInsight");
    }

    @Test
    void erasure_moves_the_employees_rows_to_a_fresh_id_and_every_count_stays_the_same() throws Exception {
        ProgramScenario s = new ProgramScenario("erase", kafka).publishAll();
        s.awaitApplied(dataSource);
        String hr = TOKENS.issue(s.tenant, "hr-1", "hr");
        String before = Api.as(hr).get("/api/insights/programs/" + s.programId + "?weeks=2")
                .then().statusCode(200).extract().asString();
        UUID erased = s.a.get(1);
        assertThat(rowsAbout(s.tenant, erased)).isPositive();

        s.publish(new EmployeeErased(erased, ProgramScenario.now()));
        s.awaitApplied(dataSource);

        assertThat(rowsAbout(s.tenant, erased)).isZero();
        String after = Api.as(hr).get("/api/insights/programs/" + s.programId + "?weeks=2")
                .then().statusCode(200).extract().asString();
        assertThat(after).isEqualTo(before);
        assertThat(after).doesNotContain(erased.toString());
    }

    @Test
    void someone_who_left_is_no_longer_enrolled_in_the_weeks_after() {
        ProgramScenario s = new ProgramScenario("left", kafka).publishAll();
        s.awaitApplied(dataSource);
        s.publish(new EmployeeLeft(s.a.get(3), s.accounts, ProgramScenario.at(s.lastMonday.minusWeeks(1), 12)));
        s.awaitApplied(dataSource);
        String hr = TOKENS.issue(s.tenant, "hr-1", "hr");
        await().atMost(ProgramScenario.PATIENCE).untilAsserted(() -> {
            JsonPath p = program(hr, s.programId, 2);
            assertThat(p.getLong("overview.enrolled")).isEqualTo(12);
            assertThat(p.getLong("trend[0].figures.enrolled")).isEqualTo(12);
            // a4's expired reminder last week no longer counts: a4 had left by then
            assertThat(p.getLong("overview.remindersExpired")).isZero();
            // /teams counts current members: Accounts is down to 5 and ties with Billing, so Accounts (first by
            // name) is the team hidden to protect Courier
            JsonPath teams = Api.as(hr).get("/api/insights/teams").then().statusCode(200).extract().jsonPath();
            assertThat(teams.getBoolean("items.find { it.teamName == 'Accounts' }.suppressed")).isTrue();
            assertThat(teams.getInt("items.find { it.teamName == 'Billing' }.enrolled")).isEqualTo(5);
        });
    }

    private long rowsAbout(String tenant, UUID employee) throws Exception {
        long rows = 0;
        try (Connection c = dataSource.getConnection()) {
            for (String table : List.of("insights_member", "insights_employee_activity", "insights_latest_assessment", "insights_fact")) {
                try (PreparedStatement ps = c.prepareStatement("select count(*) from " + table + " where tenant_id = ? and employee_id = ?")) {
                    ps.setString(1, tenant);
                    ps.setObject(2, employee);
                    try (ResultSet rs = ps.executeQuery()) {
                        rs.next();
                        rows += rs.getLong(1);
                    }
                }
            }
        }
        return rows;
    }

    static JsonPath program(String token, UUID programId, int weeks) {
        return Api.as(token).get("/api/insights/programs/" + programId + "?weeks=" + weeks)
                .then().statusCode(200).contentType("application/json").extract().jsonPath();
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> team(JsonPath program, String name) {
        Map<String, Object> team = program.getMap("teams.find { it.teamName == '" + name + "' }");
        assertThat(team).as("team %s is listed", name).isNotNull();
        return team;
    }

    @SuppressWarnings("unchecked")
    static Object figure(Map<String, Object> team, String part, String figure) {
        return ((Map<String, Object>) team.get(part)).get(figure);
    }
}
