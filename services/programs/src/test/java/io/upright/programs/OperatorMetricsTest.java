package io.upright.programs;

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
        @ResourceArg(name = "database", value = "programs"),
        @ResourceArg(name = "topics", value = "upright.programs")})
class OperatorMetricsTest {

    @Test
    void the_outbox_inbox_and_dead_letter_series_are_scraped_with_values() {
        // programs consumes nothing: no lag, and no dead-letter topic
        Metrics metrics = Metrics.scrape().assertOperationsSeries("none", "none");
        assertThat(metrics.has("upright_consumer_lag")).isFalse();
    }
}
