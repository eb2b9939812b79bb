package io.upright.platform.deadletter;

import io.smallrye.health.api.Wellness;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;

/**
 * {@code dead-letters} in {@code /q/health} (and {@code /q/health/well}): how many dead letters wait for a redrive.
 * Always UP: dead letters need an operator, not a restart, and a service with some is still ready to serve; so it is a
 * wellness check, never in {@code /q/health/live} or {@code /q/health/ready}.
 */
@Wellness
@ApplicationScoped
public class DeadLetterHealthCheck implements HealthCheck {

    static final String NAME = "dead-letters";

    @Inject
    Redriver redriver;

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named(NAME).up();
        try {
            DeadLetterCount count = redriver.count();
            response.withData("deadLetters", count.pending()).withData("total", count.total());
            if (count.topic() != null) {
                response.withData("topic", count.topic());
            }
        } catch (RuntimeException e) {
            // the broker or the database away is told by the checks that watch them; this one only counts
            response.withData("deadLetters", "unknown").withData("error", e.getClass().getSimpleName());
        }
        return response.build();
    }
}
