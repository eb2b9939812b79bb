package io.upright.platform.time;

import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

import java.time.Clock;

/**
 * The one clock every service reads time from: inject {@link Clock} and call {@code Instant.now(clock)} or
 * {@code LocalDate.now(clock)}, never the no-argument forms. Tests that are about time install an adjustable clock
 * in its place instead of sleeping.
 */
@ApplicationScoped
public class ClockProducer {

    @Produces
    @DefaultBean
    @ApplicationScoped
    Clock clock() {
        return Clock.systemUTC();
    }
}
