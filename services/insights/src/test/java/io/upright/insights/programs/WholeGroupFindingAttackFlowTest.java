package io.upright.insights.programs;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.upright.contracts.assessments.AssessmentCompleted;
import io.upright.localinfra.DevTokens;
import io.upright.testsupport.http.Api;
import io.upright.testsupport.quarkus.UprightTestInfrastructure;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The attack: "5 of 5 people in Accounts have MONITOR_TOO_LOW and a HIGH risk" tells HR that about each of them.
 * A count held by all but fewer than k of the people assessed (or by fewer than k) is a band label, never a number,
 * in JSON, CSV, page and /teams alike.
 */
@QuarkusTest
@WithTestResource(value = UprightTestInfrastructure.class, initArgs = {
        @ResourceArg(name = "database", value = "insights"),
        @ResourceArg(name = "topics", value = "upright.programs,upright.assessments,upright.exercises,upright.reminders,upright.insights.dlq")})
class WholeGroupFindingAttackFlowTest {

    private static final DevTokens TOKENS = DevTokens.forTests();

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String kafka;

    @Inject
    DataSource dataSource;

    @BeforeEach
    void setTheClockToTheScenariosDay() {
        QuarkusMock.installMockForType(ProgramScenario.clock(), Clock.class);
    }

    @Test
    void five_of_five_people_with_the_same_finding_and_risk_level_are_banded_never_counted() {
        ProgramScenario s = new ProgramScenario("wholegroup", kafka);
        Cohort cohort = new Cohort(s);
        List<UUID> accounts = cohort.team(s.accounts, "Accounts", 5, s.thisMonday.minusWeeks(3));
        cohort.launch(List.of(s.accounts), s.thisMonday.minusWeeks(3));
        // all five active last week, so the team is shown on /teams as well
        cohort.breaks(accounts, s.lastMonday, 10);
        for (UUID person : accounts) {
            s.publish(new AssessmentCompleted(UUID.randomUUID(), person, s.accounts, "workstation-basics", 1, "WORKSTATION_BASICS",
                    8, "HIGH", List.of("MONITOR_TOO_LOW"), false, ProgramScenario.at(s.lastMonday, 10)));
        }
        s.awaitApplied(dataSource);
        String hr = TOKENS.issue(s.tenant, "hr-1", "hr");

        JsonPath p = Cohort.program(hr, s.programId, "weeks=2");
        for (String row : List.of("risk", "teams[0].risk")) {
            assertThat(p.getBoolean(row + ".suppressed")).as("the premise: 5 people assessed, the row is shown").isFalse();
            assertThat(p.getLong(row + ".assessed")).isEqualTo(5);
            Map<String, Object> levels = p.getMap(row + ".workstationRiskLevels");
            assertThat(levels.get("HIGH")).as(row).isEqualTo("all but fewer than 5");
            assertThat(levels.get("LOW")).as(row).isEqualTo("fewer than 5");
            assertThat(levels.get("MODERATE")).as(row).isEqualTo("fewer than 5");
            assertThat(p.getList(row + ".topFindings.code", String.class)).containsExactly("MONITOR_TOO_LOW");
            assertThat(p.<Object>getList(row + ".topFindings.count")).containsExactly("all but fewer than 5");
        }
        String csv = given().auth().oauth2(hr).get("/api/insights/programs/" + s.programId + ".csv?weeks=2")
                .then().statusCode(200).extract().asString();
        assertThat(csv).contains("MONITOR_TOO_LOW (all but fewer than 5)").doesNotContain("MONITOR_TOO_LOW (5)");
        assertThat(csv.lines().filter(l -> l.startsWith("Risk and findings")).toList())
                .allSatisfy(l -> assertThat(l).contains(",5,fewer than 5,fewer than 5,fewer than 5,fewer than 5,fewer than 5,all but fewer than 5,"));
        String page = given().cookie("upright_token", hr).get("/dashboard/programs/" + s.programId)
                .then().statusCode(200).extract().asString();
        assertThat(page.substring(page.indexOf("id=\"table-risk\""))).contains("MONITOR_TOO_LOW (all but fewer than 5)")
                .doesNotContain("MONITOR_TOO_LOW (5)");
        JsonPath teams = Api.as(hr).get("/api/insights/teams").then().statusCode(200).extract().jsonPath();
        Map<String, Object> distribution = teams.getMap("items.find { it.teamName == 'Accounts' }.riskDistribution");
        assertThat(distribution).as("/teams shows Accounts' risk row").isNotNull();
        assertThat(distribution.get("HIGH")).isEqualTo("all but fewer than 5");
        assertThat(teams.<Object>getList("items.find { it.teamName == 'Accounts' }.topFindings.count"))
                .containsOnly("all but fewer than 5");
    }

    @Test
    void the_people_assessed_minus_the_levels_shown_never_leaves_a_small_group() {
        // the demo's shape: 19 assessed, 2 LOW, 5 MODERATE, 12 HIGH, nobody on ROSA. LOW and every ROSA band are
        // banded, so no band stands alone, yet 19 - 5 - 12 would say exactly 2 people are at low risk.
        ProgramScenario s = new ProgramScenario("smallremainder", kafka);
        Cohort cohort = new Cohort(s);
        List<UUID> finance = cohort.team(s.accounts, "Finance", 19, s.thisMonday.minusWeeks(3));
        cohort.launch(List.of(s.accounts), s.thisMonday.minusWeeks(3));
        cohort.breaks(finance, s.lastMonday, 10);
        for (int i = 0; i < finance.size(); i++) {
            String level = i < 2 ? "LOW" : i < 7 ? "MODERATE" : "HIGH";
            s.publish(new AssessmentCompleted(UUID.randomUUID(), finance.get(i), s.accounts, "workstation-basics", 1,
                    "WORKSTATION_BASICS", i < 2 ? 1 : i < 7 ? 4 : 8, level, List.of(), false, ProgramScenario.at(s.lastMonday, 10)));
        }
        s.awaitApplied(dataSource);
        String hr = TOKENS.issue(s.tenant, "hr-1", "hr");

        JsonPath p = Cohort.program(hr, s.programId, "weeks=2");
        for (String row : List.of("risk", "teams[0].risk")) {
            assertThat(p.getLong(row + ".assessed")).as("the premise").isEqualTo(19);
            Map<String, Object> levels = new java.util.HashMap<>(p.getMap(row + ".workstationRiskLevels"));
            p.getMap(row + ".rosaBands").forEach((band, value) -> levels.put("rosa:" + band, value));
            assertThat(levels.get("LOW")).as(row).isEqualTo("fewer than 5");
            long shown = levels.values().stream().filter(v -> v instanceof Number).mapToLong(v -> ((Number) v).longValue()).sum();
            assertThat(19 - shown).as(row + ": the banded levels together hold at least k people").isGreaterThanOrEqualTo(5);
        }
    }
}
