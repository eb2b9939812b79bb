package io.upright.insights.programs;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import io.upright.contracts.IntegrationEvent;
import io.upright.contracts.assessments.AssessmentCompleted;
import io.upright.contracts.programs.EmployeeErased;
import io.upright.contracts.programs.EmployeeLeft;
import io.upright.contracts.reminders.BreakTaken;
import io.upright.localinfra.DevTokens;
import io.upright.testsupport.quarkus.UprightTestInfrastructure;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The attack: read every HR answer, let one person do one thing, read again; whatever differs is about that
 * person. Submitting a first assessment, re-assessing, leaving, being erased, or an event of theirs arriving late
 * for a published week must each leave every answer byte for byte the same.
 */
@QuarkusTest
@WithTestResource(value = UprightTestInfrastructure.class, initArgs = {
        @ResourceArg(name = "database", value = "insights"),
        @ResourceArg(name = "topics", value = "upright.programs,upright.assessments,upright.exercises,upright.reminders,upright.insights.dlq")})
class LiveRecomputationAttackFlowTest {

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
    void one_persons_assessment_re_assessment_departure_erasure_or_late_event_changes_no_answer_hr_can_read() {
        ProgramScenario s = new ProgramScenario("live", kafka);
        Cohort cohort = new Cohort(s);
        List<UUID> a = cohort.team(s.accounts, "Accounts", 7, s.thisMonday.minusWeeks(4));
        List<UUID> b = cohort.team(s.billing, "Billing", 6, s.thisMonday.minusWeeks(4));
        cohort.launch(List.of(s.accounts, s.billing), s.thisMonday.minusWeeks(3));
        for (int back = 3; back >= 1; back--) {
            cohort.breaks(a, s.thisMonday.minusWeeks(back), 10);
            cohort.breaks(b, s.thisMonday.minusWeeks(back), 5);
        }
        // six of Accounts and six of Billing assessed two weeks ago: both teams' risk rows are shown
        for (int i = 0; i < 6; i++) {
            s.publish(assessment(a.get(i), s.accounts, i < 3 ? "LOW" : "MODERATE", s, 2));
            s.publish(assessment(b.get(i), s.billing, i < 3 ? "LOW" : "HIGH", s, 2));
        }
        s.awaitApplied(dataSource);
        String hr = TOKENS.issue(s.tenant, "hr-1", "hr");
        Map<String, String> before = answers(hr, s);
        assertThat(before.get("program")).as("the premise: figures and risk rows are shown").contains("\"breaksTaken\":21")
                .contains("\"assessed\":6");

        Map<String, IntegrationEvent> steps = new LinkedHashMap<>();
        steps.put("a first assessment", assessment(a.get(6), s.accounts, "HIGH", s, 0));
        steps.put("a re-assessment", assessment(a.get(0), s.accounts, "HIGH", s, 0));
        steps.put("a departure", new EmployeeLeft(a.get(1), s.accounts, ProgramScenario.now()));
        steps.put("an erasure", new EmployeeErased(a.get(2), ProgramScenario.now()));
        steps.put("a late event for a published week",
                new BreakTaken(UUID.randomUUID(), a.get(3), "walk", 45, null, ProgramScenario.at(s.lastMonday.plusDays(2), 10)));
        for (Map.Entry<String, IntegrationEvent> step : steps.entrySet()) {
            s.publish(step.getValue());
            s.awaitApplied(dataSource);
            Map<String, String> after = answers(hr, s);
            for (String answer : before.keySet()) {
                assertThat(after.get(answer)).as("%s after %s", answer, step.getKey()).isEqualTo(before.get(answer));
            }
        }
    }

    private static AssessmentCompleted assessment(UUID person, UUID team, String level, ProgramScenario s, int weeksAgo) {
        return new AssessmentCompleted(UUID.randomUUID(), person, team, "workstation-basics", 1, "WORKSTATION_BASICS", 4,
                level, List.of("SCREEN_TOO_LOW"), false,
                weeksAgo == 0 ? ProgramScenario.now() : ProgramScenario.at(s.thisMonday.minusWeeks(weeksAgo).plusDays(1), 11));
    }

    private static Map<String, String> answers(String hr, ProgramScenario s) {
        Map<String, String> answers = new LinkedHashMap<>();
        answers.put("program", given().auth().oauth2(hr).get("/api/insights/programs/" + s.programId + "?weeks=4")
                .then().statusCode(200).extract().asString());
        answers.put("program, 1 week", given().auth().oauth2(hr).get("/api/insights/programs/" + s.programId + "?weeks=1")
                .then().statusCode(200).extract().asString());
        answers.put("csv", given().auth().oauth2(hr).get("/api/insights/programs/" + s.programId + ".csv?weeks=4")
                .then().statusCode(200).extract().asString());
        answers.put("teams", given().auth().oauth2(hr).get("/api/insights/teams").then().statusCode(200).extract().asString());
        answers.put("overview", given().auth().oauth2(hr).get("/api/insights/overview").then().statusCode(200).extract().asString());
        List<String> page = new ArrayList<>();
        page.add(given().cookie("upright_token", hr).get("/dashboard/programs/" + s.programId + "?weeks=4")
                .then().statusCode(200).extract().asString());
        answers.put("page", page.get(0));
        return answers;
    }
}
