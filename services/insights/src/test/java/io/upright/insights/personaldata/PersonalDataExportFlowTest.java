package io.upright.insights.personaldata;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.upright.contracts.programs.EmployeeErased;
import io.upright.insights.programs.ProgramScenario;
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
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

@QuarkusTest
@WithTestResource(value = UprightTestInfrastructure.class, initArgs = {
        @ResourceArg(name = "database", value = "insights"),
        @ResourceArg(name = "topics", value = "upright.programs,upright.assessments,upright.exercises,upright.reminders,upright.insights.dlq")})
class PersonalDataExportFlowTest {

    private static final DevTokens TOKENS = DevTokens.forTests();
    private static final List<String> PARTS = List.of("teamMemberships", "facts", "activityCounters", "latestAssessments",
            "sittingReports", "publishedSittingOutcomes");

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
    void an_employee_or_an_admin_of_their_tenant_exports_exactly_the_rows_kept_under_their_id() {
        ProgramScenario s = new ProgramScenario("export", kafka).publishAll();
        s.awaitApplied(dataSource);
        UUID a1 = s.a.get(0);
        String path = "/api/personal-data-exports/" + a1;

        JsonPath own = Api.as(TOKENS.issue(s.tenant, a1.toString(), "employee")).get(path)
                .then().statusCode(200).contentType("application/json").extract().jsonPath();
        assertThat(own.getString("service")).isEqualTo("insights");
        assertThat(own.getString("employeeId")).isEqualTo(a1.toString());
        assertThat(own.getString("exportedAt")).isNotBlank();
        assertThat(own.getList("data.teamMemberships")).hasSize(1);
        assertThat(own.getString("data.teamMemberships[0].teamId")).isEqualTo(s.accounts.toString());
        assertThat(own.getString("data.teamMemberships[0].timeZone")).isEqualTo("Europe/Berlin");
        // a1's six events, oldest first, each with its local ISO week and minutes
        assertThat(own.getList("data.facts.type", String.class)).containsExactly("assessment-completed", "reminder-sent",
                "break-taken", "exercise-session", "break-taken", "break-taken");
        assertThat(own.getList("data.facts.week", String.class))
                .containsExactly(s.lastWeek, s.lastWeek, s.lastWeek, s.lastWeek, s.thisWeek, s.thisWeek);
        assertThat(own.getList("data.facts.minutes", Integer.class)).containsExactly(0, 0, 10, 8, 20, 10);
        assertThat(own.getInt("data.activityCounters[0].breaksTaken")).isEqualTo(3);
        assertThat(own.getInt("data.activityCounters[0].activeBreakMinutes")).isEqualTo(40);
        assertThat(own.getString("data.latestAssessments[0].riskLevel")).isEqualTo("HIGH");
        assertThat(own.getList("data.latestAssessments[0].findingCodes", String.class)).containsExactly("MONITOR_TOO_LOW");
        // nobody else's rows: no other employee id and no other team appears
        String body = own.prettify();
        for (UUID other : List.of(s.a.get(1), s.a.get(4), s.b.get(0), s.c.get(0), s.billing, s.courier)) {
            assertThat(body).doesNotContain(other.toString());
        }

        // someone else, HR, no token: refused
        Api.as(TOKENS.issue(s.tenant, s.a.get(1).toString(), "employee")).get(path).then().statusCode(403)
                .contentType("application/problem+json");
        Api.as(TOKENS.issue(s.tenant, "hr-1", "hr")).get(path).then().statusCode(403);
        Api.as(TOKENS.issue(s.tenant, "ed-1", "content-editor")).get(path).then().statusCode(403);
        given().get(path).then().statusCode(401);

        // an admin of the tenant gets the same rows on the person's behalf
        JsonPath admin = Api.as(TOKENS.issue(s.tenant, "admin-1", "admin")).get(path)
                .then().statusCode(200).extract().jsonPath();
        assertThat(admin.getList("data.facts")).isEqualTo(own.getList("data.facts"));
        assertThat(admin.getList("data.teamMemberships")).isEqualTo(own.getList("data.teamMemberships"));
        // but not their latest assessment: health data goes to the employee only, and the document says so
        assertThat(own.getList("data.latestAssessments")).isNotNull();
        assertThat(admin.getMap("data")).doesNotContainKey("latestAssessments");
        assertThat(admin.getList("data.withheld.fields", String.class)).contains("latestAssessments");

        // another tenant's admin: the tenant comes from the token, so there is nothing
        JsonPath stranger = Api.as(TOKENS.issue("globex-" + UUID.randomUUID(), "admin-9", "admin")).get(path)
                .then().statusCode(200).extract().jsonPath();
        PARTS.forEach(part -> assertThat(stranger.getList("data." + part)).as(part).isNullOrEmpty());

        String openapi = given().get("/q/openapi?format=json").then().statusCode(200).extract().asString();
        assertThat(openapi).contains("/api/personal-data-exports/{employeeId}", "PersonalDataExport");
    }

    @Test
    void after_erasure_the_old_id_has_nothing_left_to_export() {
        ProgramScenario s = new ProgramScenario("export-erased", kafka).publishAll();
        s.awaitApplied(dataSource);
        UUID a1 = s.a.get(0);
        String admin = TOKENS.issue(s.tenant, "admin-1", "admin");
        assertThat(Api.as(admin).get("/api/personal-data-exports/" + a1)
                .then().statusCode(200).extract().jsonPath().getList("data.facts")).isNotEmpty();

        s.publish(new EmployeeErased(a1, ProgramScenario.now()));
        s.awaitApplied(dataSource);

        for (String token : List.of(admin, TOKENS.issue(s.tenant, a1.toString(), "employee"))) {
            JsonPath after = Api.as(token).get("/api/personal-data-exports/" + a1)
                    .then().statusCode(200).extract().jsonPath();
            assertThat(after.getString("employeeId")).isEqualTo(a1.toString());
            PARTS.forEach(part -> assertThat(after.getList("data." + part)).as(part).isNullOrEmpty());
        }
    }
}
