package io.upright.insights.programs;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.upright.insights.snapshots.SnapshotScheduler;
import io.upright.localinfra.DevTokens;
import io.upright.testsupport.http.Api;
import io.upright.testsupport.quarkus.UprightTestInfrastructure;
import io.upright.testsupport.time.AdjustableClock;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/**
 * Weeks are published once closed (Sunday 24:00 UTC + the grace) by the scheduled job or the first read; the open
 * week is named without figures; one published week can be asked for; bad input is a 400 naming the field.
 */
@QuarkusTest
@WithTestResource(value = UprightTestInfrastructure.class, initArgs = {
        @ResourceArg(name = "database", value = "insights"),
        @ResourceArg(name = "topics", value = "upright.programs,upright.assessments,upright.exercises,upright.reminders,upright.insights.dlq")})
class PublishedWeeksFlowTest {

    private static final DevTokens TOKENS = DevTokens.forTests();

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String kafka;

    @Inject
    DataSource dataSource;

    @Inject
    SnapshotScheduler scheduler;

    private AdjustableClock clock;

    @BeforeEach
    void setTheClockToTheScenariosDay() {
        clock = ProgramScenario.clock();
        QuarkusMock.installMockForType(clock, Clock.class);
    }

    @Test
    void the_open_week_has_no_figures_until_it_closes_then_the_scheduled_job_publishes_it_once() throws Exception {
        ProgramScenario s = new ProgramScenario("publish", kafka);
        Cohort cohort = new Cohort(s);
        List<UUID> a = cohort.team(s.accounts, "Accounts", 6, s.thisMonday.minusWeeks(2));
        cohort.launch(List.of(s.accounts), s.thisMonday.minusWeeks(2));
        cohort.breaks(a, s.lastMonday, 10);
        cohort.breaks(a, s.thisMonday, 20);
        s.awaitApplied(dataSource);
        String hr = TOKENS.issue(s.tenant, "hr-1", "hr");

        JsonPath p = Cohort.program(hr, s.programId, "weeks=8");
        assertThat(p.getList("weeks", String.class)).containsExactly(ProgramInsights.isoWeek(s.thisMonday.minusWeeks(2)), s.lastWeek);
        assertThat(p.getList("pendingWeeks.week", String.class)).containsExactly(s.thisWeek);
        assertThat(p.getString("pendingWeeks[0].status")).isEqualTo("week not closed yet");
        assertThat(p.getString("pendingWeeks[0].publishedFrom")).isEqualTo(s.thisMonday.plusWeeks(1) + "T06:00:00Z");
        assertThat(p.getLong("latestWeek.breaksTaken")).isEqualTo(6);
        String csv = given().auth().oauth2(hr).get("/api/insights/programs/" + s.programId + ".csv").then().statusCode(200)
                .extract().asString();
        assertThat(csv).contains("Weekly trend," + s.thisWeek + ",week not closed yet,");
        String page = given().cookie("upright_token", hr).get("/dashboard/programs/" + s.programId).then().statusCode(200)
                .extract().asString();
        assertThat(page).contains("Week " + s.thisWeek + ": week not closed yet");
        assertThat(page).contains("<th scope=\"row\">" + s.thisWeek + "</th><td class=\"suppressed\" colspan=\"14\">week not closed yet</td>");

        // one published week on its own; the open one, an unknown one and a malformed one are 400s naming week
        JsonPath one = Cohort.program(hr, s.programId, "week=" + s.lastWeek);
        assertThat(one.getList("weeks", String.class)).containsExactly(s.lastWeek);
        assertThat(one.getLong("overview.breaksTaken")).isEqualTo(6);
        for (String week : List.of(s.thisWeek, "2019-W10", "2026-W99", "last-week", "2026-w10")) {
            Api.as(hr).get("/api/insights/programs/" + s.programId + "?week=" + week).then().statusCode(400)
                    .contentType("application/problem+json").body("errors[0].field", equalTo("week"));
        }
        Api.as(hr).get("/api/insights/programs/" + s.programId + "?weeks=0").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("weeks"));
        Api.as(hr).get("/api/insights/programs/" + s.programId + "?weeks=53").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("weeks"));
        Api.as(TOKENS.issue(s.tenant, "admin-1", "admin")).body("{\"anonymityThreshold\": 4}").put("/api/insights/settings")
                .then().statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("anonymityThreshold"));

        // Sunday 24:00 UTC passes: still within the grace, nothing new is published
        clock.set(ProgramScenario.at(s.thisMonday.plusWeeks(1), 5));
        scheduler.publishDue();
        assertThat(published(s.tenant, s.thisMonday)).isFalse();
        // after the grace the scheduled job publishes it
        clock.advance(Duration.ofHours(1));
        scheduler.publishDue();
        assertThat(published(s.tenant, s.thisMonday)).isTrue();
        JsonPath closed = Cohort.program(hr, s.programId, "week=" + s.thisWeek);
        assertThat(closed.getLong("overview.breaksTaken")).isEqualTo(6);
        assertThat(closed.getLong("overview.activeBreakMinutes")).isEqualTo(120);
    }

    private boolean published(String tenant, LocalDate monday) throws Exception {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("select count(*) from insights_published_week where tenant_id = ? and week = ?")) {
            ps.setString(1, tenant);
            ps.setObject(2, monday);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1) == 1;
            }
        }
    }
}
