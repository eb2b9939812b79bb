package io.upright.insights.audit;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.upright.localinfra.DevTokens;
import io.upright.testsupport.http.Api;
import io.upright.testsupport.quarkus.UprightTestInfrastructure;
import io.upright.testsupport.time.AdjustableClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/** HR reads of insights are on a trail an admin can read: who read what, and when. */
@QuarkusTest
@WithTestResource(value = UprightTestInfrastructure.class, initArgs = {
        @ResourceArg(name = "database", value = "insights"),
        @ResourceArg(name = "topics", value = "upright.programs,upright.assessments,upright.exercises,upright.reminders,upright.insights.dlq")})
class ReadAuditFlowTest {

    private static final DevTokens TOKENS = DevTokens.forTests();
    private static final Instant MORNING = Instant.parse("2026-03-10T08:30:00Z");

    private final AdjustableClock clock = AdjustableClock.at(MORNING);

    @BeforeEach
    void fixTheClock() {
        QuarkusMock.installMockForType(clock, Clock.class);
    }

    @Test
    void every_read_of_figures_by_hr_is_recorded_with_who_what_and_when_newest_first() {
        String tenant = "acme-" + UUID.randomUUID();
        String hr = TOKENS.issue(tenant, "hr-1", "hr");
        String admin = TOKENS.issue(tenant, "admin-1", "admin");
        UUID program = UUID.randomUUID();

        Api.as(hr).get("/api/insights/programs").then().statusCode(200);
        clock.advance(Duration.ofMinutes(1));
        Api.as(hr).get("/api/insights/teams").then().statusCode(200);
        clock.advance(Duration.ofMinutes(1));
        Api.as(hr).get("/api/insights/programs/" + program + "?weeks=4").then().statusCode(404);
        clock.advance(Duration.ofMinutes(1));
        given().auth().oauth2(hr).get("/api/insights/programs/" + program + ".csv").then().statusCode(404);
        clock.advance(Duration.ofMinutes(1));
        given().cookie("upright_token", hr).get("/dashboard").then().statusCode(200);

        JsonPath trail = Api.as(admin).get("/api/insights/read-audit").then().statusCode(200).extract().jsonPath();
        assertThat(trail.getInt("total")).isEqualTo(5);
        assertThat(trail.getList("items.reader", String.class)).containsOnly("hr-1");
        assertThat(trail.getList("items.roles", String.class)).containsOnly("hr");
        assertThat(trail.getList("items.what", String.class)).containsExactly(
                "dashboard latest program weeks=8", "program " + program + " csv weeks=8",
                "program " + program + " weeks=4", "teams page=0", "programs page=0");
        assertThat(trail.getString("items[0].readAt")).isEqualTo(MORNING.plus(Duration.ofMinutes(4)).toString());
    }

    @Test
    void only_an_admin_of_the_tenant_reads_the_trail() {
        String tenant = "acme-" + UUID.randomUUID();
        Api.as(TOKENS.issue(tenant, "hr-1", "hr")).get("/api/insights/overview").then().statusCode(200);

        Api.as(TOKENS.issue(tenant, "hr-1", "hr")).get("/api/insights/read-audit").then().statusCode(403);
        Api.as(TOKENS.issue("globex-" + UUID.randomUUID(), "admin-9", "admin")).get("/api/insights/read-audit")
                .then().statusCode(200).body("total", equalTo(0));
        Api.as(TOKENS.issue(tenant, "admin-1", "admin")).get("/api/insights/read-audit?size=0").then().statusCode(400);
    }
}
