package io.upright.platform.coordination;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.upright.testsupport.quarkus.UprightTestInfrastructure;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** A lock every instance of a service sees, since it lives in the service's database. */
@QuarkusTest
@WithTestResource(value = UprightTestInfrastructure.class, initArgs = {
        @ResourceArg(name = "database", value = "platform"),
        @ResourceArg(name = "topics", value = "upright.programs,upright.platform-test,upright.platform-test.dlq")})
class OneAtATimeTest {

    @Inject
    OneAtATime oneAtATime;

    @Test
    void a_held_lock_is_refused_to_anyone_else_until_it_is_released_and_other_names_are_independent() {
        String name = "test-" + UUID.randomUUID();
        Optional<OneAtATime.Held> first = oneAtATime.tryAcquire(name);
        assertThat(first).isPresent();

        assertThat(oneAtATime.tryAcquire(name)).isEmpty();
        try (OneAtATime.Held other = oneAtATime.tryAcquire(name + "-other").orElseThrow()) {
            assertThat(other).isNotNull();
        }

        first.get().close();
        try (OneAtATime.Held again = oneAtATime.tryAcquire(name).orElseThrow()) {
            assertThat(oneAtATime.tryAcquire(name)).isEmpty();
        }
    }

    @Test
    void the_key_of_a_name_is_stable() {
        assertThat(OneAtATime.key("dead-letter-redrive")).isEqualTo(OneAtATime.key("dead-letter-redrive"))
                .isNotEqualTo(OneAtATime.key("insights-replay"));
    }
}
