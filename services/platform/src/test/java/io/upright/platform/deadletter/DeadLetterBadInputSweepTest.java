package io.upright.platform.deadletter;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.upright.platform.identity.Roles;
import io.upright.testsupport.quarkus.UprightTestInfrastructure;
import io.upright.testsupport.sweep.BadInputSweep;
import org.junit.jupiter.api.Test;

/**
 * The services' sweeps call as tenant roles, which the operator endpoints turn away at once; this one calls as the
 * operator, so garbage partitions, offsets, pages and sizes reach the dead-letter code: never a 5xx.
 */
@QuarkusTest
@WithTestResource(value = UprightTestInfrastructure.class, initArgs = {
        @ResourceArg(name = "database", value = "platform"),
        @ResourceArg(name = "topics", value = "upright.programs,upright.platform-test,upright.platform-test.dlq")})
class DeadLetterBadInputSweepTest {

    @Test
    void bad_input_to_the_operator_endpoints_gets_a_problem_4xx_never_a_5xx() {
        BadInputSweep.asRoles(Roles.OPERATOR).run();
    }
}
