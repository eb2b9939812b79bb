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
    void weekly_figures_come_from_the_events_of_each_closed_week_and_the_open_week_shows_none() {
        ProgramScenario s = new ProgramScenario("acme", kafka).publishAll().everyoneInAccountsActiveLastWeek();
        s.awaitApplied(dataSource);
        String hr = TOKENS.issue(s.tenant, "hr-1", "hr");

        JsonPath list = Api.as(hr).get("/api/insights/programs").then().statusCode(200).extract().jsonPath();
        assertThat(list.getList("items.programId", String.class)).containsExactly(s.programId.toString());
        assertThat(list.getInt("items[0].teams")).isEqualTo(3);
        assertThat(list.getInt("items[0].currentPhase")).isEqualTo(2);

        // the two latest published weeks: this week is still open, so the window ends with last week
        JsonPath p = program(hr, s.programId, 2);
        String weekBefore = ProgramInsights.isoWeek(s.lastMonday.minusWeeks(1));
        assertThat(p.getList("weeks", String.class)).containsExactly(weekBefore, s.lastWeek);
        assertThat(p.getList("pendingWeeks.week", String.class)).containsExactly(s.thisWeek);
        assertThat(p.getString("pendingWeeks[0].status")).isEqualTo("week not closed yet");
        assertThat(p.getInt("anonymityThreshold")).isEqualTo(5);
        assertThat(p.getInt("currentPhase.number")).isEqualTo(2);
        assertThat(p.getInt("currentPhase.dailyActiveMinutesTarget")).isEqualTo(120);

        // the week before last: nothing happened, so nothing is shown and it adds nothing to the totals
        assertThat(p.getInt("trend[0].programWeek")).isEqualTo(2);
        assertThat(p.getBoolean("trend[0].figures.suppressed")).isTrue();
        assertThat(p.getString("trend[0].figures.reason")).isEqualTo("fewer than 5 people active");
        // last week, program week 3 of phase 1 (60 minutes a day): a1..a6 active
        assertThat(p.getInt("trend[1].programWeek")).isEqualTo(3);
        assertThat(p.getInt("trend[1].phase")).isEqualTo(1);
        assertThat(p.getLong("trend[1].figures.enrolled")).isEqualTo(13);
        assertThat(p.getLong("trend[1].figures.active")).isEqualTo(6);
        assertThat(p.getLong("trend[1].figures.breaksTaken")).isEqualTo(4);
        // no figure is set against the phase's active-minutes target: break minutes are only part of what people do
        assertThat(p.getMap("trend[1].figures")).doesNotContainKeys("dailyActiveMinutesTarget", "targetAttainmentPercent",
                "activeMinutesPerEmployeeDay");
        assertThat(p.getMap("weekOverWeek")).containsEntry("breaksTaken", null);

        // program over both weeks: the empty week hides nothing, so the total is last week's
        assertThat(p.getBoolean("overview.suppressed")).isFalse();
        assertThat(p.getLong("overview.enrolled")).isEqualTo(13);
        assertThat(p.getLong("overview.active")).isEqualTo(6);
        assertThat(p.getLong("overview.breaksTaken")).isEqualTo(4);
        assertThat(p.getLong("overview.activeBreakMinutes")).isEqualTo(25);
        assertThat(p.getLong("overview.remindersSent")).isEqualTo(3);
        assertThat(p.getLong("overview.breaksSnoozed")).isEqualTo(1);
        assertThat(p.getLong("overview.breaksSkipped")).isEqualTo(1);
        assertThat(p.getLong("overview.remindersExpired")).isEqualTo(1);
        assertThat(p.getLong("overview.exerciseSessions")).isEqualTo(1);
        assertThat(p.getLong("overview.exerciseMinutes")).isEqualTo(8);

        // Accounts: six people active last week, so its week and its total are shown
        Map<String, Object> accounts = team(p, "Accounts");
        assertThat(figure(accounts, "figures", "suppressed")).isEqualTo(false);
        assertThat(figure(accounts, "figures", "enrolled")).isEqualTo(6);
        assertThat(figure(accounts, "figures", "active")).isEqualTo(6);
        assertThat(figure(accounts, "figures", "breaksTaken")).isEqualTo(4);
        assertThat(figure(accounts, "figures", "activeBreakMinutes")).isEqualTo(25);
        assertThat(figure(accounts, "figures", "assessmentCoveragePercent")).isEqualTo(17);
        // 4 breaks taken for 3 reminders sent: a4 to a6 took theirs unprompted, so uptake passes 100
        assertThat(figure(accounts, "latestWeek", "breakUptakePercent")).isEqualTo(133);
        // 6 enrolled, but only a1 and a5 assessed: a risk row about them would describe two people
        assertThat(figure(accounts, "risk", "suppressed")).isEqualTo(true);
        assertThat(figure(accounts, "risk", "reason")).isEqualTo("fewer than 5 people assessed");
        for (String hiddenRisk : List.of("assessed", "rosaBands", "workstationRiskLevels", "topFindings")) {
            assertThat(figure(accounts, "risk", hiddenRisk)).as(hiddenRisk).isNull();
        }

        // Billing and Courier did nothing in a closed week: nothing about them is shown
        for (String hidden : List.of("Billing", "Courier")) {
            Map<String, Object> row = team(p, hidden);
            for (String part : List.of("figures", "latestWeek")) {
                assertThat(figure(row, part, "suppressed")).isEqualTo(true);
                assertThat(figure(row, part, "reason")).isEqualTo("fewer than 5 people active");
                assertThat(figure(row, part, "enrolled")).isNull();
                assertThat(figure(row, part, "breaksTaken")).isNull();
            }
            assertThat(figure(row, "weekOverWeek", "breaksTaken")).isNull();
        }

        // program-wide risk and findings: two people assessed in all, so hidden as well
        assertThat(p.getBoolean("risk.suppressed")).isTrue();
        assertThat(p.getString("risk.reason")).isEqualTo("fewer than 5 people assessed");
        assertThat(p.getList("risk.topFindings")).isNull();
    }

    @Test
    void a_small_teams_week_cannot_be_worked_out_from_the_programs_week_minus_the_shown_teams() {
        ProgramScenario s = new ProgramScenario("complement", kafka).publishAll().everyoneInAccountsActiveLastWeek();
        // one person each in Billing and Courier active last week: the program's week minus Accounts would give them
        s.publish(new io.upright.contracts.reminders.BreakTaken(UUID.randomUUID(), s.b.get(0), "walk", 5, null,
                ProgramScenario.at(s.lastMonday, 9)));
        s.publish(new io.upright.contracts.reminders.BreakTaken(UUID.randomUUID(), s.c.get(0), "walk", 5, null,
                ProgramScenario.at(s.lastMonday, 9)));
        s.awaitApplied(dataSource);
        String hr = TOKENS.issue(s.tenant, "hr-1", "hr");

        JsonPath p = program(hr, s.programId, 1);
        assertThat(figure(team(p, "Courier"), "latestWeek", "reason")).isEqualTo("fewer than 5 people active");
        assertThat(figure(team(p, "Billing"), "latestWeek", "reason")).isEqualTo("fewer than 5 people active");
        assertThat((String) figure(team(p, "Accounts"), "latestWeek", "reason")).contains("subtraction");
        // the program's week is shown: what subtraction gives is all three teams, 8 people, never one
        assertThat(p.getLong("trend[0].figures.active")).isEqualTo(8);
        assertThat(p.getLong("trend[0].figures.breaksTaken")).isEqualTo(6);
    }

    @Test
    void risk_rows_need_k_people_assessed_and_the_program_row_minus_the_visible_teams_never_gives_one_team_away() {
        ProgramScenario s = new ProgramScenario("risk", kafka).publishAll().everyoneInAccountsActiveLastWeek();
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
        // all five of Billing are MODERATE: a count of all but fewer than k is banded, like one of fewer than k
        assertThat(figure(billing, "risk", "workstationRiskLevels")).isEqualTo(
                Map.of("LOW", "fewer than 5", "MODERATE", "all but fewer than 5", "HIGH", "fewer than 5"));
        assertThat(p.getBoolean("risk.suppressed")).isFalse();
        assertThat(p.getLong("risk.assessed")).isEqualTo(11);
        assertThat(p.getLong("risk.assessed") - ((Number) figure(billing, "risk", "assessed")).longValue()).isEqualTo(6);
        // program: 3 LOW, 5 MODERATE, 2 HIGH, one ROSA 5+ of 11: only MODERATE (5, and 6 not) is a number
        assertThat(p.getMap("risk.workstationRiskLevels")).containsEntry("MODERATE", 5).containsEntry("LOW", "fewer than 5")
                .containsEntry("HIGH", "fewer than 5");
        assertThat(p.getMap("risk.rosaBands")).containsEntry("5+", "fewer than 5");
        assertThat(p.getList("risk.topFindings.code", String.class)).contains("NO_LUMBAR_SUPPORT", "SCREEN_TOO_LOW");
        assertThat(p.getString("riskPublishedAt")).isEqualTo(ProgramScenario.now().toString());

        // the CSV and the page say the same
        String csv = given().auth().oauth2(hr).get("/api/insights/programs/" + s.programId + ".csv?weeks=1")
                .then().statusCode(200).extract().asString();
        String riskTable = "Risk and findings (latest assessment of each current member)";
        assertThat(csv.lines()).contains(
                riskTable + ",Courier" + ",suppressed (fewer than 5 people assessed)".repeat(8),
                riskTable + ",Accounts" + ",suppressed (hidden so a smaller group cannot be worked out)".repeat(8));
        assertThat(csv.lines()).anySatisfy(l -> assertThat(l).startsWith(riskTable
                + ",Billing,5,fewer than 5,fewer than 5,fewer than 5,fewer than 5,all but fewer than 5,fewer than 5,"));
        assertThat(csv.lines()).anySatisfy(l -> assertThat(l).startsWith(riskTable + ",Program,11,"));
        String page = given().cookie("upright_token", hr).get("/dashboard/programs/" + s.programId + "?weeks=1")
                .then().statusCode(200).extract().asString();
        String risk = page.substring(page.indexOf("id=\"table-risk\""));
        assertThat(risk).contains("<th scope=\"row\">Courier</th><td class=\"suppressed\" colspan=\"8\">fewer than 5 people assessed</td>");
        assertThat(risk).contains("<th scope=\"row\">Accounts</th><td class=\"suppressed\" colspan=\"8\">hidden so a smaller group cannot be worked out</td>");

        // /api/insights/teams keeps the same risk verdicts: Accounts is shown there (six active last week), its risk rows are not
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
        ProgramScenario s = new ProgramScenario("csv", kafka).publishAll().everyoneInAccountsActiveLastWeek();
        s.awaitApplied(dataSource);
        String hr = TOKENS.issue(s.tenant, "hr-1", "admin");

        String csv = given().auth().oauth2(hr).get("/api/insights/programs/" + s.programId + ".csv?weeks=2")
                .then().statusCode(200).contentType("text/csv").extract().asString();
        String viaFormat = given().auth().oauth2(hr).get("/api/insights/programs/" + s.programId + "?weeks=2&format=csv")
                .then().statusCode(200).extract().asString();
        assertThat(viaFormat).isEqualTo(csv);
        List<String> lines = csv.lines().toList();
        assertThat(lines).anySatisfy(l -> assertThat(l).startsWith("table,row,Enrolled,Active,"));
        String span = ProgramInsights.isoWeek(s.lastMonday.minusWeeks(1)) + " to " + s.lastWeek;
        assertThat(lines).anySatisfy(l -> assertThat(l).startsWith("Program overview,\"Program, " + span + "\",13,6,"));
        // Billing's and Courier's weeks held nothing: hidden, but hiding nobody, so Accounts stays shown
        assertThat(lines).anySatisfy(l -> assertThat(l).startsWith("\"Team comparison, " + span + "\",Accounts,6,6,17,3,4,1,1,1,25,"));
        assertThat(lines).anySatisfy(l -> assertThat(l)
                .startsWith("\"Team comparison, " + span + "\",Courier,suppressed (fewer than 5 people active),"));
        assertThat(lines).anySatisfy(l -> assertThat(l).startsWith("Weekly trend," + s.lastWeek + ",3,1,13,6,"));
        assertThat(lines).contains("Weekly trend," + s.thisWeek + ",week not closed yet".repeat(14));
        // risk rows describe the people assessed: 2 in Accounts, 2 in the whole program
        String riskTable = "Risk and findings (latest assessment of each current member)";
        assertThat(lines).contains(riskTable + ",Program" + ",suppressed (fewer than 5 people assessed)".repeat(8),
                riskTable + ",Accounts" + ",suppressed (fewer than 5 people assessed)".repeat(8));
        assertThat(csv).contains("suppressed (fewer than 5 people active)");
        assertThat(csv).doesNotContain(s.a.get(0).toString());
    }

    @Test
    void a_tenants_admin_may_raise_k_never_lower_it_and_the_raised_k_applies_everywhere() {
        ProgramScenario s = new ProgramScenario("strict", kafka).publishAll().everyoneInAccountsActiveLastWeek();
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
        // six people active in Accounts last week: enough for 5, not for 7
        assertThat(figure(team(p, "Accounts"), "latestWeek", "reason")).isEqualTo("fewer than 7 people active");
        assertThat(p.getString("trend[1].figures.reason")).isEqualTo("fewer than 7 people active");
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
        // the replay is an operator action: no tenant role reaches it, and its old admin path refuses everyone
        for (String role : List.of("employee", "hr", "admin", "content-editor")) {
            Api.as(TOKENS.issue(s.tenant, "someone", role)).post("/api/operator/insights/replay").then().statusCode(403);
            Api.as(TOKENS.issue(s.tenant, "someone", role)).post("/api/insights/replay").then().statusCode(403);
        }
        Api.as(TOKENS.issue(s.tenant, "op-1", "operator")).post("/api/insights/replay").then().statusCode(403);
        given().post("/api/operator/insights/replay").then().statusCode(401);
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
                "/api/insights/settings", "/api/operator/insights/replay", "ProgramInsight");
        assertThat(openapi).doesNotContain("\"/api/insights/replay\"");
    }

    @Test
    void erasure_leaves_no_row_under_the_employees_id_and_every_published_figure_stays_the_same() throws Exception {
        ProgramScenario s = new ProgramScenario("erase", kafka).publishAll();
        s.awaitApplied(dataSource);
        String hr = TOKENS.issue(s.tenant, "hr-1", "hr");
        String before = Api.as(hr).get("/api/insights/programs/" + s.programId + "?weeks=2")
                .then().statusCode(200).extract().asString();
        UUID erased = s.a.get(1);
        assertThat(rowsAbout(s.tenant, erased)).isPositive();

        s.publish(new EmployeeErased(erased, ProgramScenario.now()));
        s.awaitApplied(dataSource);

        // membership, counters and latest assessment deleted, plain facts identity-free, sealed ones gone (as a replay
        // would rebuild them); the published weeks and the risk snapshot do not move
        assertThat(rowsAbout(s.tenant, erased)).isZero();
        String after = Api.as(hr).get("/api/insights/programs/" + s.programId + "?weeks=2")
                .then().statusCode(200).extract().asString();
        assertThat(after).isEqualTo(before);
        assertThat(after).doesNotContain(erased.toString());
    }

    @Test
    void someone_who_left_is_no_longer_enrolled_in_the_weeks_after() {
        ProgramScenario s = new ProgramScenario("left", kafka).publishAll().everyoneInAccountsActiveLastWeek();
        s.awaitApplied(dataSource);
        s.publish(new EmployeeLeft(s.a.get(3), s.accounts, ProgramScenario.at(s.lastMonday.minusWeeks(1), 12)));
        s.awaitApplied(dataSource);
        String hr = TOKENS.issue(s.tenant, "hr-1", "hr");

        // published after the departure arrived: a4 is no longer enrolled last week, and a4's break is not counted
        JsonPath p = program(hr, s.programId, 2);
        assertThat(p.getLong("overview.enrolled")).isEqualTo(12);
        assertThat(p.getLong("trend[1].figures.enrolled")).isEqualTo(12);
        assertThat(p.getLong("trend[1].figures.active")).isEqualTo(5);
        // a4's expired reminder last week no longer counts: a4 had left by then
        assertThat(p.getLong("overview.remindersExpired")).isZero();
        JsonPath teams = Api.as(hr).get("/api/insights/teams").then().statusCode(200).extract().jsonPath();
        assertThat(teams.getInt("items.find { it.teamName == 'Accounts' }.enrolled")).isEqualTo(5);
        assertThat(teams.getBoolean("items.find { it.teamName == 'Billing' }.suppressed")).isTrue();
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
