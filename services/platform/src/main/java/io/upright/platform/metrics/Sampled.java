package io.upright.platform.metrics;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;

/**
 * A value that is costly to read (a query, a broker round trip), read at most once per {@code fresh} however many
 * gauges and scrapers ask for it. A failed read keeps nothing: the gauges show NaN until the next read works.
 */
public final class Sampled<T> {

    private final Supplier<T> read;
    private final Duration fresh;
    private final Clock clock;
    private T value;
    private Instant readAt = Instant.MIN;

    public Sampled(Supplier<T> read, Duration fresh, Clock clock) {
        this.read = read;
        this.fresh = fresh;
        this.clock = clock;
    }

    /** @return the value, read again when older than {@code fresh}; null when that read failed */
    public synchronized T get() {
        Instant now = clock.instant();
        if (readAt.plus(fresh).isAfter(now)) {
            return value;
        }
        readAt = now;
        try {
            value = read.get();
        } catch (RuntimeException e) {
            value = null;
        }
        return value;
    }
}
