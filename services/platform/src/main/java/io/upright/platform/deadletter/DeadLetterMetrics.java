package io.upright.platform.deadletter;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import io.upright.platform.metrics.Sampled;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Clock;
import java.time.Duration;

/**
 * {@code upright_dead_letters{topic, state}}: records on this service's dead-letter topic, {@code all} of them and those
 * still {@code pending} a redrive that worked ({@code topic="none"} for a service that consumes nothing). Read from the
 * broker at most every twice {@code upright.metrics.broker-read-every} (30 s), whatever the scrape rate; the alert on
 * pending &gt; 0 is the one an operator acts on.
 */
@Startup
@ApplicationScoped
public class DeadLetterMetrics {

    @Inject
    MeterRegistry registry;

    @Inject
    Redriver redriver;

    @Inject
    DeadLetterQueue queue;

    @Inject
    Clock clock;

    @ConfigProperty(name = "upright.metrics.broker-read-every", defaultValue = "15s")
    Duration brokerReadEvery;

    private Sampled<DeadLetterCount> count;

    @PostConstruct
    void register() {
        count = new Sampled<>(redriver::count, brokerReadEvery.multipliedBy(2), clock);
        String topic = queue.topic().orElse("none");
        Gauge.builder("upright.dead.letters", this, m -> m.read(false))
                .description("Records on this service's dead-letter topic").tags("topic", topic, "state", "all").register(registry);
        Gauge.builder("upright.dead.letters", this, m -> m.read(true))
                .description("Records on this service's dead-letter topic").tags("topic", topic, "state", "pending").register(registry);
    }

    private double read(boolean pending) {
        DeadLetterCount now = count.get();
        if (now == null) {
            return Double.NaN;
        }
        return pending ? now.pending() : now.total();
    }
}
