package io.upright.platform.openapi;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.upright.testsupport.quarkus.UprightTestInfrastructure;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;

@QuarkusTest
@WithTestResource(value = UprightTestInfrastructure.class, initArgs = {
        @ResourceArg(name = "database", value = "platform"),
        @ResourceArg(name = "topics", value = "upright.programs,upright.platform-test,upright.platform-test.dlq")})
class ProblemResponsesTest {

    @Test
    void the_problem_responses_are_components_that_operations_refer_to() {
        given().accept("application/json").get("/q/openapi?format=json").then().statusCode(200)
                .body("components.responses", hasKey("NotFound"))
                .body("components.responses", hasKey("PreconditionFailed"))
                .body("components.responses.NotFound.content.'application/problem+json'.schema.'$ref'",
                        equalTo("#/components/schemas/Problem"))
                .body("components.schemas", hasKey("Problem"))
                .body("paths.'/api/personal-data-exports/{employeeId}'.get.responses.'403'.'$ref'",
                        equalTo("#/components/responses/Forbidden"));
    }
}
