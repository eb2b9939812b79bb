package io.upright.insights.replay;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.upright.contracts.programs.EmployeeErased;
import io.upright.contracts.programs.ProgramPaused;
import io.upright.insights.programs.ProgramScenario;
import io.upright.localinfra.DevTokens;
import io.upright.testsupport.http.Api;
import io.upright.testsupport.quarkus.UprightTestInfrastructure;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

@QuarkusTest
@WithTestResource(value = UprightTestInfrastructure.class, initArgs = {
        @ResourceArg(name = "database", value = "insights"),
        @ResourceArg(name = "topics", value = "upright.programs,upright.assessments,upright.exercises,upright.reminders,upright.insights.dlq")})
class ReplayFlowTest {

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
    void replaying_the_topics_from_the_beginning_rebuilds_exactly_the_live_figures() throws Exception {
        ProgramScenario s = new ProgramScenario("replay", kafka).publishAll();
        // the scenario's facts land before the erasure: records on different topics have no order, and a fact that
        // arrives after its employee's erasure is not counted live (see the README's known limits)
        s.awaitApplied(dataSource);
        s.publish(new ProgramPaused(s.programId, List.of(s.accounts, s.billing, s.courier), ProgramScenario.now()));
        s.publish(new EmployeeErased(s.a.get(0), ProgramScenario.now()));
        s.awaitApplied(dataSource);
        String hr = TOKENS.issue(s.tenant, "hr-1", "hr");
        String admin = TOKENS.issue(s.tenant, "admin-1", "admin");
        String liveProgram = program(hr, s);
        String liveTeams = Api.as(hr).get("/api/insights/teams").then().statusCode(200).extract().asString();
        String liveOverview = Api.as(hr).get("/api/insights/overview").then().statusCode(200).extract().asString();
        List<String> liveAggregates = aggregates();
        assertThat(new JsonPath(liveProgram).getString("status")).isEqualTo("paused");

        JsonPath report = Api.as(admin).post("/api/insights/replay")
                .then().statusCode(200).extract().jsonPath();

        assertThat(report.getLong("recordsRead")).isGreaterThanOrEqualTo(s.published());
        assertThat(report.getLong("eventsApplied")).isGreaterThanOrEqualTo(s.published());
        assertThat(report.getLong("recordsPerTopic.'upright.programs'")).isPositive();
        assertThat(program(hr, s)).isEqualTo(liveProgram);
        assertThat(Api.as(hr).get("/api/insights/teams").then().statusCode(200).extract().asString()).isEqualTo(liveTeams);
        assertThat(Api.as(hr).get("/api/insights/overview").then().statusCode(200).extract().asString()).isEqualTo(liveOverview);
        // every tenant's read models, row for row (erased ids are fresh random ones, so they are left out)
        assertThat(aggregates()).isEqualTo(liveAggregates);
    }

    private static String program(String hr, ProgramScenario s) {
        return Api.as(hr).get("/api/insights/programs/" + s.programId + "?weeks=4")
                .then().statusCode(200).extract().asString();
    }

    /** Per-tenant aggregates of every read-model table, without ids that replay legitimately re-randomises. */
    private List<String> aggregates() throws Exception {
        List<String> queries = List.of(
                "select tenant_id, count(*), count(distinct team_id), count(left_at), count(time_zone) from insights_member group by tenant_id order by tenant_id",
                "select tenant_id, team_id, name from insights_team order by tenant_id, team_id",
                "select tenant_id, sum(assessments_completed), sum(routines_recommended), sum(reminders_sent), sum(breaks_taken), "
                        + "sum(active_break_minutes), sum(exercise_sessions), sum(exercise_minutes) from insights_employee_activity group by tenant_id order by tenant_id",
                "select tenant_id, risk_level, count(*) from insights_latest_assessment group by tenant_id, risk_level order by tenant_id, risk_level",
                "select tenant_id, program_id, title, status, current_phase, starts_on from insights_program order by tenant_id, program_id",
                "select tenant_id, program_id, number, start_week, daily_active_minutes_target from insights_program_phase order by 1, 2, 3",
                "select tenant_id, program_id, team_id from insights_program_team order by 1, 2, 3",
                "select tenant_id, event_id, kind, occurred_at, amount from insights_fact order by 1, 2, 3");
        List<String> rows = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement()) {
            for (String query : queries) {
                try (ResultSet rs = st.executeQuery(query)) {
                    int columns = rs.getMetaData().getColumnCount();
                    while (rs.next()) {
                        StringBuilder row = new StringBuilder(query.substring(0, 40));
                        for (int i = 1; i <= columns; i++) {
                            row.append('|').append(rs.getString(i));
                        }
                        rows.add(row.toString());
                    }
                }
            }
        }
        return rows;
    }
}
