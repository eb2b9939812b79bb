package io.upright.reminders.chat;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Slack accepts about one message per second per incoming webhook. Each channel has a next-allowed instant;
 * a post reserves the earliest free second and waits for it. Held in memory, so it paces one instance only:
 * several engine instances posting to the same channel could together exceed the limit (Slack then answers 429,
 * which pushes that channel's next-allowed instant back by its Retry-After).
 */
public final class SlackRateLimiter {

    public static final Duration SPACING = Duration.ofSeconds(1);

    private final ConcurrentHashMap<UUID, Instant> nextAllowed = new ConcurrentHashMap<>();

    /**
     * Reserves the channel's next free second.
     *
     * @return how long to wait before posting, or empty (nothing reserved) if that would be longer than {@code maxWait}
     */
    public Optional<Duration> reserve(UUID channel, Instant now, Duration maxWait) {
        Duration[] wait = new Duration[1];
        nextAllowed.compute(channel, (id, next) -> {
            Instant at = next == null || next.isBefore(now) ? now : next;
            Duration delay = Duration.between(now, at);
            if (delay.compareTo(maxWait) > 0) {
                return next;
            }
            wait[0] = delay;
            return at.plus(SPACING);
        });
        return Optional.ofNullable(wait[0]);
    }

    /** Slack said 429: no post to this channel before {@code until}. */
    public void backOff(UUID channel, Instant until) {
        nextAllowed.merge(channel, until, (current, proposed) -> proposed.isAfter(current) ? proposed : current);
    }
}
