package io.upright.reminders.signinlink;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.upright.localinfra.DevTokens;
import io.upright.testsupport.quarkus.UprightTestInfrastructure;
import io.upright.contracts.programs.EmployeeErased;
import io.upright.localinfra.CloudEventRecords;
import io.upright.testsupport.kafka.TopicReader;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

/**
 * Sign-in links against the real service: a person's link opens the page it names once, for its person only; a used,
 * expired, changed or foreign link signs nobody in. (The test profile lets links live four seconds.)
 */
@QuarkusTest
@WithTestResource(value = UprightTestInfrastructure.class, initArgs = {
        @ResourceArg(name = "database", value = "reminders"),
        @ResourceArg(name = "topics", value = "upright.programs,upright.exercises,upright.assessments,upright.reminders,upright.reminders.dlq")})
class SignInLinkFlowTest {

    private static final DevTokens TOKENS = DevTokens.forTests();

    private final String tenant = "links-" + UUID.randomUUID();
    private final UUID employee = UUID.randomUUID();
    private final String token = TOKENS.issue(tenant, employee.toString(), "employee");

    @Inject
    DataSource dataSource;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String kafka;

    @Test
    void a_link_signs_its_person_in_to_the_page_it_names_once() {
        String url = issue("routine");
        assertThat(url).startsWith("http://localhost:8080" + SignInLinks.WEB_PATH);
        String linkToken = url.substring(url.lastIndexOf('/') + 1);

        redeem(linkToken).then().statusCode(200)
                .body("tenant", equalTo(tenant)).body("employeeId", equalTo(employee.toString())).body("path", equalTo("/routine"));
        redeem(linkToken).then().statusCode(410).contentType("application/problem+json")
                .body("type", equalTo("urn:upright:problem:sign-in-link-gone")).body("detail", equalTo("This sign-in link was used already"));
    }

    @Test
    void a_link_opens_the_desk_check_unless_told_otherwise_and_refuses_unknown_pages() {
        String url = given().auth().oauth2(token).contentType("application/json").body("{}")
                .post("/api/me/sign-in-links").then().statusCode(201).extract().path("url");
        redeem(url.substring(url.lastIndexOf('/') + 1)).then().statusCode(200).body("path", equalTo("/desk-check"));

        given().auth().oauth2(token).contentType("application/json").body(Map.of("destination", "hr-console"))
                .post("/api/me/sign-in-links").then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("destination")).body("errors[0].message", startsWith("must be one of home, desk-check"));
    }

    @Test
    void an_expired_link_signs_nobody_in() throws InterruptedException {
        String url = issue("settings");
        Thread.sleep(4_500);
        redeem(url.substring(url.lastIndexOf('/') + 1)).then().statusCode(410).body("detail", equalTo("This sign-in link has expired"));
    }

    @Test
    void a_changed_or_made_up_link_signs_nobody_in() {
        String url = issue("home");
        String linkToken = url.substring(url.lastIndexOf('/') + 1);
        String changed = linkToken.substring(0, 10) + (linkToken.charAt(10) == 'x' ? 'y' : 'x') + linkToken.substring(11);
        redeem(changed).then().statusCode(404).body("type", equalTo("urn:upright:problem:sign-in-link-unknown"));
        redeem("bm90LWEtbGluaw").then().statusCode(404);
        given().contentType("application/json").body("{}").post("/api/sign-in-links/redemptions").then().statusCode(400)
                .body("errors[0].field", equalTo("token"));
        // the real link is untouched by the attempts
        redeem(linkToken).then().statusCode(200);
    }

    @Test
    void only_an_employee_asks_for_a_link_and_only_for_themselves() {
        given().contentType("application/json").body("{}").post("/api/me/sign-in-links").then().statusCode(401);
        given().auth().oauth2(TOKENS.issue(tenant, "hr-1", "hr")).contentType("application/json").body("{}")
                .post("/api/me/sign-in-links").then().statusCode(403);
    }

    @Test
    void a_used_link_is_remembered_until_it_would_have_expired_and_erasure_forgets_it() throws Exception {
        String url = issue("sitting");
        redeem(url.substring(url.lastIndexOf('/') + 1)).then().statusCode(200);
        assertThat(rows()).isEqualTo(1);

        String erased = UUID.randomUUID().toString();
        TopicReader.send(kafka, CloudEventRecords.record(tenant, erased, new EmployeeErased(employee, Instant.now())));
        await().atMost(Duration.ofSeconds(45)).until(() -> consumed(erased));
        assertThat(rows()).isZero();
    }

    private boolean consumed(String eventId) throws Exception {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("select count(*) from inbox where consumer = 'reminders' and event_id = ?")) {
            ps.setString(1, eventId);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1) == 1;
            }
        }
    }

    private String issue(String destination) {
        return given().auth().oauth2(token).contentType("application/json").body(Map.of("destination", destination))
                .post("/api/me/sign-in-links").then().statusCode(201).extract().path("url");
    }

    private static io.restassured.response.Response redeem(String linkToken) {
        return given().contentType("application/json").body(Map.of("token", linkToken)).post("/api/sign-in-links/redemptions");
    }

    private int rows() throws Exception {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("select count(*) from sign_in_link_redeemed where tenant_id = ? and employee_id = ?")) {
            ps.setString(1, tenant);
            ps.setObject(2, employee);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }
}
