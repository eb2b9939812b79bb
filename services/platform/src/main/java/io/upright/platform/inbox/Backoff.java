package io.upright.platform.inbox;

import java.time.Duration;
import java.util.function.DoubleSupplier;

/**
 * Exponential backoff with full jitter: the wait before retry {@code n} (1-based) is a random share of
 * {@code min(cap, base * 2^(n-1))}, so consumers of several services that lost the same database do not come back in
 * step. Pure: the randomness is passed in.
 */
public record Backoff(Duration base, Duration cap) {

    public static final Backoff CONSUMERS = new Backoff(Duration.ofMillis(200), Duration.ofSeconds(10));

    public Backoff {
        if (base.isNegative() || base.isZero() || cap.compareTo(base) < 0) {
            throw new IllegalArgumentException("base must be positive and cap at least base");
        }
    }

    /** The ceiling of the wait before retry {@code attempt}. */
    public Duration ceiling(int attempt) {
        int doublings = Math.max(0, Math.min(attempt - 1, 30));
        long millis = base.toMillis() << doublings;
        return millis <= 0 || millis > cap.toMillis() ? cap : Duration.ofMillis(millis);
    }

    /** @param random a value in [0, 1) */
    public Duration delay(int attempt, DoubleSupplier random) {
        long ceiling = ceiling(attempt).toMillis();
        // at least a tenth of the ceiling: a zero wait would turn a retry storm into a busy loop
        return Duration.ofMillis(Math.max(ceiling / 10, (long) (ceiling * random.getAsDouble())));
    }
}
