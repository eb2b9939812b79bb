package io.upright.insights.settings;

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

/**
 * Attack 6 of the privacy issue: HR, who reads the figures, lowers a stricter threshold that an admin set, reads a
 * small team, and raises it again. HR may not change the threshold at all, and every change an admin makes is on a
 * trail that HR can read.
 */
@QuarkusTest
@WithTestResource(value = UprightTestInfrastructure.class, initArgs = {
        @ResourceArg(name = "database", value = "insights"),
        @ResourceArg(name = "topics", value = "upright.programs,upright.assessments,upright.exercises,upright.reminders,upright.insights.dlq")})
class ThresholdChangesFlowTest {

    private static final DevTokens TOKENS = DevTokens.forTests();
    private static final Instant MONDAY_NOON = Instant.parse("2026-03-09T12:00:00Z");

    private final AdjustableClock clock = AdjustableClock.at(MONDAY_NOON);

    @BeforeEach
    void fixTheClock() {
        QuarkusMock.installMockForType(clock, Clock.class);
    }

    @Test
    void hr_cannot_lower_the_threshold_an_admin_raised_nor_set_one_at_all() {
        String tenant = "acme-" + UUID.randomUUID();
        String admin = TOKENS.issue(tenant, "admin-1", "admin");
        String hr = TOKENS.issue(tenant, "hr-1", "hr");
        Api.as(admin).body("{\"anonymityThreshold\": 10}").put("/api/insights/settings").then().statusCode(200);

        Api.as(hr).body("{\"anonymityThreshold\": 5}").put("/api/insights/settings")
                .then().statusCode(403).contentType("application/problem+json");
        Api.as(hr).body("{\"anonymityThreshold\": 12}").put("/api/insights/settings").then().statusCode(403);

        Api.as(hr).get("/api/insights/settings").then().statusCode(200).body("anonymityThreshold", equalTo(10));
        Api.as(hr).get("/api/insights/settings/threshold-changes").then().statusCode(200).body("size()", equalTo(1));
    }

    @Test
    void every_change_is_on_the_trail_with_who_when_and_the_values_before_and_after_newest_first() {
        String tenant = "acme-" + UUID.randomUUID();
        String admin = TOKENS.issue(tenant, "admin-1", "admin");
        String otherAdmin = TOKENS.issue(tenant, "admin-2", "admin");
        String hr = TOKENS.issue(tenant, "hr-1", "hr");

        Api.as(admin).body("{\"anonymityThreshold\": 8}").put("/api/insights/settings").then().statusCode(200);
        clock.advance(Duration.ofHours(2));
        // the value in force again: nothing changed, nothing recorded
        Api.as(admin).body("{\"anonymityThreshold\": 8}").put("/api/insights/settings").then().statusCode(200);
        clock.advance(Duration.ofDays(1));
        Api.as(otherAdmin).body("{\"anonymityThreshold\": 6}").put("/api/insights/settings").then().statusCode(200);
        // refused values leave no trace
        Api.as(admin).body("{\"anonymityThreshold\": 2}").put("/api/insights/settings").then().statusCode(400);

        JsonPath trail = Api.as(hr).get("/api/insights/settings/threshold-changes").then().statusCode(200)
                .extract().jsonPath();
        assertThat(trail.getList("changedBy", String.class)).containsExactly("admin-2", "admin-1");
        assertThat(trail.getList("threshold", Integer.class)).containsExactly(6, 8);
        assertThat(trail.getList("previous", Integer.class)).containsExactly(8, null);
        assertThat(trail.getList("changedAt", String.class)).containsExactly(
                MONDAY_NOON.plus(Duration.ofHours(26)).toString(), MONDAY_NOON.toString());

        // the dashboard HR reads shows the same trail
        String page = given().cookie("upright_token", hr).get("/dashboard").then().statusCode(200).extract().asString();
        assertThat(page).contains("id=\"threshold-history\"").contains("set to 6 from 8 by").contains("admin-2")
                .contains("set to 8 by");
    }

    @Test
    void the_trail_is_the_tenants_own_and_not_an_employees() {
        String tenant = "acme-" + UUID.randomUUID();
        Api.as(TOKENS.issue(tenant, "admin-1", "admin")).body("{\"anonymityThreshold\": 9}")
                .put("/api/insights/settings").then().statusCode(200);

        Api.as(TOKENS.issue("globex-" + UUID.randomUUID(), "hr-9", "hr"))
                .get("/api/insights/settings/threshold-changes").then().statusCode(200).body("size()", equalTo(0));
        Api.as(TOKENS.issue(tenant, UUID.randomUUID().toString(), "employee"))
                .get("/api/insights/settings/threshold-changes").then().statusCode(403);
    }
}
