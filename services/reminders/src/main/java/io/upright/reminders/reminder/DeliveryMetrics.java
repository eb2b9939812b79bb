package io.upright.reminders.reminder;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The engine as an operator watches it:
 * <ul>
 *   <li>{@code upright_reminder_lateness_seconds}: a histogram of how long after its slot each reminder was delivered
 *       (the alert on its p99 tells the engine cannot keep up);</li>
 *   <li>{@code upright_reminder_deliveries_total{channel, outcome}}: every call of every channel, by how it ended.</li>
 * </ul>
 * Neither varies with anybody's health: they count calls and seconds, never whose or what about.
 */
@ApplicationScoped
public class DeliveryMetrics {

    @Inject
    MeterRegistry registry;

    private Timer lateness;
    private final Map<String, Counter> outcomes = new ConcurrentHashMap<>();

    /** Every channel's counters from the start, at zero, so that a rate and an alert have a series before the first call. */
    void register(List<String> channelKinds) {
        lateness = Timer.builder("upright.reminder.lateness")
                .description("How long after its slot a reminder was delivered")
                .publishPercentileHistogram()
                .serviceLevelObjectives(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(5),
                        Duration.ofSeconds(30), Duration.ofMinutes(2))
                .minimumExpectedValue(Duration.ofMillis(10))
                .maximumExpectedValue(Duration.ofHours(1))
                .register(registry);
        for (String kind : channelKinds) {
            for (DeliveryOutcome outcome : DeliveryOutcome.values()) {
                counter(kind, outcome);
            }
        }
    }

    void called(String channel, DeliveryOutcome outcome) {
        counter(channel, outcome).increment();
    }

    void delivered(Instant slot, Instant at) {
        lateness.record(Duration.between(slot, at).isNegative() ? Duration.ZERO : Duration.between(slot, at));
    }

    private Counter counter(String channel, DeliveryOutcome outcome) {
        return outcomes.computeIfAbsent(channel + "/" + outcome, key -> Counter.builder("upright.reminder.deliveries")
                .description("Calls of a delivery channel, by how they ended")
                .tags("channel", channel, "outcome", outcome.name().toLowerCase(java.util.Locale.ROOT))
                .register(registry));
    }
}
