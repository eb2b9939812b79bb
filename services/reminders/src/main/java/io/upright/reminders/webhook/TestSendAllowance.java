package io.upright.reminders.webhook;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * How many test-sends an endpoint may get: at most {@code limit} within any {@code window}, so the button cannot be
 * used to flood someone's endpoint. Held in memory: each instance allows as many, which is enough for a courtesy limit.
 */
public final class TestSendAllowance {

    private final int limit;
    private final Duration window;
    private final ConcurrentHashMap<UUID, Deque<Instant>> sent = new ConcurrentHashMap<>();

    public TestSendAllowance(int limit, Duration window) {
        if (limit < 1 || window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("limit and window must be positive");
        }
        this.limit = limit;
        this.window = window;
    }

    /**
     * Takes one test-send for the endpoint at {@code now}.
     *
     * @return empty when taken; else how long until the next one is allowed (nothing taken)
     */
    public Optional<Duration> take(UUID endpoint, Instant now) {
        Duration[] wait = new Duration[1];
        sent.compute(endpoint, (id, times) -> {
            Deque<Instant> recent = times == null ? new ArrayDeque<>() : times;
            while (!recent.isEmpty() && !recent.peekFirst().isAfter(now.minus(window))) {
                recent.pollFirst();
            }
            if (recent.size() >= limit) {
                wait[0] = Duration.between(now, recent.peekFirst().plus(window));
                return recent;
            }
            recent.addLast(now);
            return recent;
        });
        return Optional.ofNullable(wait[0]);
    }
}
