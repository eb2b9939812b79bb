package io.upright.assessments.identity;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.upright.localinfra.DevTokens;
import io.upright.testsupport.http.Api;
import io.upright.testsupport.quarkus.UprightTestInfrastructure;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.time.Duration;
import java.util.UUID;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

/**
 * The platform's {@code GET /api/me/identity}, which every service has: it answers what the verified token says, and
 * nothing without a token this service trusts. Tested here, in one service, because only a service runs it.
 */
@QuarkusTest
@WithTestResource(value = UprightTestInfrastructure.class, initArgs = {
        @ResourceArg(name = "database", value = "assessments"),
        @ResourceArg(name = "topics", value = "upright.programs,upright.assessments,upright.insights,upright.assessments.dlq")})
class IdentityResourceTest {

    private static final DevTokens TOKENS = DevTokens.forTests();

    @Test
    void it_answers_the_tenant_subject_and_sorted_roles_of_the_callers_token() {
        String employee = UUID.randomUUID().toString();
        Api.as(TOKENS.issue("acme", employee, "employee")).get("/api/me/identity").then().statusCode(200)
                .body("tenant", equalTo("acme")).body("subject", equalTo(employee)).body("roles", contains("employee"));
        Api.as(TOKENS.issue("globex", "hr-7", "hr", "admin")).get("/api/me/identity").then().statusCode(200)
                .body("tenant", equalTo("globex")).body("subject", equalTo("hr-7")).body("roles", contains("admin", "hr"));
    }

    @Test
    void without_a_token_this_service_trusts_it_is_401() throws Exception {
        Api.anonymous().get("/api/me/identity").then().statusCode(401);
        // a well-formed token signed with a key the service does not know
        DevTokens stranger = DevTokens.inDirectory(Files.createTempDirectory("foreign-keys"));
        Api.as(stranger.issue("acme", UUID.randomUUID().toString(), "employee")).get("/api/me/identity").then().statusCode(401);
        Api.as(TOKENS.issue("acme", UUID.randomUUID().toString(), Duration.ofMinutes(-10), "employee"))
                .get("/api/me/identity").then().statusCode(401);
    }
}
