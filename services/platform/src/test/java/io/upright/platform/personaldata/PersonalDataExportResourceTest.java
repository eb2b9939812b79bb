package io.upright.platform.personaldata;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.upright.localinfra.DevTokens;
import io.upright.testsupport.http.Api;
import io.upright.testsupport.quarkus.UprightTestInfrastructure;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

@QuarkusTest
@WithTestResource(value = UprightTestInfrastructure.class, initArgs = {
        @ResourceArg(name = "database", value = "platform"),
        @ResourceArg(name = "topics", value = "upright.programs,upright.platform-test,upright.platform-test.dlq")})
class PersonalDataExportResourceTest {

    private static final DevTokens TOKENS = DevTokens.forTests();

    @Test
    void the_employee_gets_the_services_part_about_themselves_within_their_tenant() {
        String me = UUID.randomUUID().toString();
        Api.as(TOKENS.issue("tenant-a", me, "employee")).get("/api/personal-data-exports/" + me)
                .then().statusCode(200)
                .body("service", equalTo("notes"))
                .body("employeeId", equalTo(me))
                .body("exportedAt", notNullValue())
                .body("data.tenant", equalTo("tenant-a"));
    }

    @Test
    void an_admin_of_the_tenant_may_export_on_the_employees_behalf() {
        String someone = UUID.randomUUID().toString();
        Api.as(TOKENS.issue("tenant-a", "admin-a", "admin")).get("/api/personal-data-exports/" + someone)
                .then().statusCode(200).body("employeeId", equalTo(someone));
    }

    @Test
    void another_employee_and_hr_are_refused() {
        String someone = UUID.randomUUID().toString();
        Api.as(TOKENS.issue("tenant-a", UUID.randomUUID().toString(), "employee"))
                .get("/api/personal-data-exports/" + someone)
                .then().statusCode(403).contentType("application/problem+json");
        Api.as(TOKENS.issue("tenant-a", "hr-a", "hr")).get("/api/personal-data-exports/" + someone)
                .then().statusCode(403);
        Api.anonymous().get("/api/personal-data-exports/" + someone).then().statusCode(401);
    }
}
