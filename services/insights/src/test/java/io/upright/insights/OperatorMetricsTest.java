package io.upright.insights;

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
        @ResourceArg(name = "database", value = "insights"),
        @ResourceArg(name = "topics", value = "upright.programs,upright.assessments,upright.exercises,upright.reminders,upright.insights.dlq")})
class OperatorMetricsTest {

    @Test
    void the_outbox_inbox_dead_letter_lag_and_snapshot_age_are_scraped_with_values() {
        Metrics metrics = Metrics.scrape().assertOperationsSeries("upright.insights.dlq", "insights", "upright.programs",
                "upright.assessments", "upright.exercises", "upright.reminders");
        assertThat(metrics.value("upright_insights_snapshot_age_seconds").orElseThrow()).isNotNaN().isNotNegative();
    }
}
