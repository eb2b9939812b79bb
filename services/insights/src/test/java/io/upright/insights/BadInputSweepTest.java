package io.upright.insights;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.upright.platform.identity.Roles;
import io.upright.testsupport.quarkus.UprightTestInfrastructure;
import io.upright.testsupport.sweep.BadInputSweep;
import org.junit.jupiter.api.Test;

/**
 * Issue 13: no JSON value in any field and no garbage in a path, query or header gives a 5xx, for any caller; every
 * 4xx with a body is application/problem+json. The operations come from the OpenAPI document, so a new endpoint is
 * swept without touching this test.
 */
@QuarkusTest
@WithTestResource(value = UprightTestInfrastructure.class, initArgs = {
        @ResourceArg(name = "database", value = "insights"),
        @ResourceArg(name = "topics", value = "upright.programs,upright.assessments,upright.exercises,upright.reminders,upright.insights.dlq")})
class BadInputSweepTest {

    @Test
    void bad_input_anywhere_in_any_operation_gets_a_problem_4xx_never_a_5xx() {
        BadInputSweep.asRolesOf(Roles.class).run();
    }
}
