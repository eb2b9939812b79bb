package io.upright.exercises;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.upright.testsupport.http.Metrics;
import io.upright.testsupport.quarkus.UprightTestInfrastructure;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Issue 18: what an operator watches of this service is in {@code /q/metrics}, each series with a value. */
@QuarkusTest
@WithTestResource(value = UprightTestInfrastructure.class, initArgs = {
        @ResourceArg(name = "database", value = "exercises"),
        @ResourceArg(name = "topics", value = "upright.assessments,upright.programs,upright.reminders,upright.exercises,upright.exercises.dlq")})
class OperatorMetricsTest {

    @Test
    void the_outbox_inbox_dead_letter_and_lag_of_each_subscription_are_scraped_with_values() {
        Metrics.scrape().assertOperationsSeries("upright.exercises.dlq", "exercises", "upright.assessments", "upright.reminders",
                "upright.programs");
    }
}
