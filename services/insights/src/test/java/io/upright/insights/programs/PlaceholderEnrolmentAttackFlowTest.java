package io.upright.insights.programs;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.upright.contracts.reminders.BreakTaken;
import io.upright.localinfra.DevTokens;
import io.upright.testsupport.http.Api;
import io.upright.testsupport.quarkus.UprightTestInfrastructure;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The attack: enrol placeholders so a team of three real people looks big enough, or read a sum beside
 * {@code active: 1}. Figures need k people who did something in them; the enrolled count gains nothing, and
 * no sum is ever shown for fewer than k people active.
 */
@QuarkusTest
@WithTestResource(value = UprightTestInfrastructure.class, initArgs = {
        @ResourceArg(name = "database", value = "insights"),
        @ResourceArg(name = "topics", value = "upright.programs,upright.assessments,upright.exercises,upright.reminders,upright.insights.dlq")})
class PlaceholderEnrolmentAttackFlowTest {

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
    void three_real_people_among_ten_placeholders_and_a_team_with_one_active_person_show_no_activity_figures() {
        ProgramScenario s = new ProgramScenario("placeholders", kafka);
        Cohort cohort = new Cohort(s);
        LocalDate start = s.thisMonday.minusWeeks(3);
        // Accounts: 3 real people and 10 placeholders who never do anything
        List<UUID> real = cohort.team(s.accounts, "Accounts", 3, start);
        cohort.enroll(s.accounts, 10, start);
        // Billing: 6 enrolled, one of them active (three breaks)
        List<UUID> billing = cohort.team(s.billing, "Billing", 6, start);
        // Courier: 6 people, all active
        List<UUID> courier = cohort.team(s.courier, "Courier", 6, start);
        cohort.launch(List.of(s.accounts, s.billing, s.courier), start);
        for (LocalDate week : List.of(s.lastMonday, s.thisMonday)) {
            cohort.breaks(real, week, 20);
            for (int i = 0; i < 3; i++) {
                s.publish(new BreakTaken(UUID.randomUUID(), billing.get(0), "walk", 15, null, ProgramScenario.at(week.plusDays(i), 9)));
            }
            cohort.breaks(courier, week, 5);
        }
        s.awaitApplied(dataSource);
        String hr = TOKENS.issue(s.tenant, "hr-1", "hr");

        for (String query : List.of("weeks=1", "weeks=2", "weeks=4")) {
            JsonPath p = Cohort.program(hr, s.programId, query);
            List<Map<String, Object>> figures = new ArrayList<>();
            figures.add(p.getMap("overview"));
            if (p.getMap("latestWeek") != null) {
                figures.add(p.getMap("latestWeek"));
            }
            figures.addAll(p.getList("trend.figures"));
            for (String team : List.of("Accounts", "Billing", "Courier")) {
                Map<String, Object> row = p.getMap("teams.find { it.teamName == '" + team + "' }");
                figures.add(cast(row.get("figures")));
                if (row.get("latestWeek") != null) {
                    figures.add(cast(row.get("latestWeek")));
                }
            }
            for (Map<String, Object> f : figures) {
                if (f.get("breaksTaken") != null || f.get("activeBreakMinutes") != null || f.get("enrolled") != null) {
                    assertThat(((Number) f.get("active")).longValue()).as("%s: a figure shown beside active=%s", query, f.get("active"))
                            .isGreaterThanOrEqualTo(5);
                }
            }
            for (String team : List.of("Accounts", "Billing")) {
                Map<String, Object> row = p.getMap("teams.find { it.teamName == '" + team + "' }");
                for (String part : List.of("figures", "latestWeek")) {
                    Map<String, Object> f = cast(row.get(part));
                    if (f == null) {
                        continue;
                    }
                    assertThat(f.get("suppressed")).as("%s %s %s", query, team, part).isEqualTo(true);
                    assertThat(f.get("enrolled")).as("%s %s enrolled", query, team).isNull();
                }
            }
        }
        // the all-time team figures: neither team's sums are shown
        JsonPath teams = Api.as(hr).get("/api/insights/teams").then().statusCode(200).extract().jsonPath();
        for (String team : List.of("Accounts", "Billing")) {
            Map<String, Object> item = teams.getMap("items.find { it.teamName == '" + team + "' }");
            assertThat(item.get("suppressed")).as(team).isEqualTo(true);
            assertThat(item.get("breaksTaken")).as(team).isNull();
            assertThat(item.get("enrolled")).as(team).isNull();
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> cast(Object value) {
        return (Map<String, Object>) value;
    }
}
