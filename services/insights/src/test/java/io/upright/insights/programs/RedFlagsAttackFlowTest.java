package io.upright.insights.programs;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import io.upright.contracts.assessments.AssessmentCompleted;
import io.upright.localinfra.DevTokens;
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
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The privacy issue's "no red flags in HR output": every member of a team large enough to show reports a red flag and
 * asks for clinical review. Neither HR nor an admin can see it anywhere, not even as a count, and insights does not
 * keep it.
 */
@QuarkusTest
@WithTestResource(value = UprightTestInfrastructure.class, initArgs = {
        @ResourceArg(name = "database", value = "insights"),
        @ResourceArg(name = "topics", value = "upright.programs,upright.assessments,upright.exercises,upright.reminders,upright.insights.dlq")})
class RedFlagsAttackFlowTest {

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
    void a_whole_team_with_red_flags_shows_none_to_hr_or_admin_in_any_answer_csv_or_page() throws Exception {
        ProgramScenario s = new ProgramScenario("redflags", kafka).publishAll();
        List<UUID> everyone = new ArrayList<>(s.a);
        everyone.addAll(s.b);
        for (UUID employee : everyone) {
            s.publish(new AssessmentCompleted(UUID.randomUUID(), employee, s.a.contains(employee) ? s.accounts : s.billing,
                    "workstation-basics", 2, "WORKSTATION_BASICS", 6, "HIGH",
                    List.of("RED_FLAG_SEEK_CLINICIAN", "MONITOR_TOO_LOW"), true, ProgramScenario.now()));
        }
        s.awaitApplied(dataSource);

        for (String role : List.of("hr", "admin")) {
            String token = TOKENS.issue(s.tenant, role + "-1", role);
            List<String> answers = new ArrayList<>();
            for (String path : List.of("/api/insights/programs", "/api/insights/programs/" + s.programId + "?weeks=1",
                    "/api/insights/programs/" + s.programId + "?weeks=4", "/api/insights/programs/" + s.programId + ".csv",
                    "/api/insights/teams", "/api/insights/overview")) {
                answers.add(given().auth().oauth2(token).get(path).then().statusCode(200).extract().asString());
            }
            answers.add(given().cookie("upright_token", token).get("/dashboard/programs/" + s.programId)
                    .then().statusCode(200).extract().asString());

            // the attack's premise holds: the team's ordinary finding is shown
            assertThat(String.join("\n", answers)).contains("MONITOR_TOO_LOW");
            for (String answer : answers) {
                assertThat(answer).doesNotContainIgnoringCase("RED_FLAG").doesNotContainIgnoringCase("clinical");
            }
        }
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("select count(*) from insights_latest_assessment "
                     + "where tenant_id = ? and 'RED_FLAG_SEEK_CLINICIAN' = any (finding_codes)")) {
            ps.setString(1, s.tenant);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                assertThat(rs.getLong(1)).as("red flags kept by insights").isZero();
            }
        }
    }
}
