package io.upright.local;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * When the launcher restarts a service that died, and when it stops trying. Pure logic over crash times, so it is
 * tested without processes; one instance per service, because each service's crash history is its own.
 *
 * <p>The delay doubles with every crash still inside the window (1 s, 2 s, 4 s, ... up to the cap): a service
 * that dies at once on start is not restarted in a tight loop, and one that crashed long ago starts again from
 * the short delay. Reaching {@code maxCrashes} inside the window means something is wrong that a restart will not
 * fix (a bad build, a broken configuration, a database that is gone), so the supervisor gives up.
 */
final class RestartPolicy {

    /** 1 s doubling up to 30 s; giving up at the fifth crash within two minutes. */
    static RestartPolicy standard() {
        return new RestartPolicy(Duration.ofSeconds(1), Duration.ofSeconds(30), 5, Duration.ofMinutes(2));
    }

    /** What to do about one crash. */
    record Decision(boolean giveUp, Duration delay, int crashesInWindow) {
    }

    private final Duration initialDelay;
    private final Duration maxDelay;
    private final int maxCrashes;
    private final Duration window;
    private final Deque<Instant> crashes = new ArrayDeque<>();

    RestartPolicy(Duration initialDelay, Duration maxDelay, int maxCrashes, Duration window) {
        if (initialDelay.isNegative() || maxDelay.compareTo(initialDelay) < 0 || maxCrashes < 1 || window.isNegative()) {
            throw new IllegalArgumentException("Not a usable restart policy");
        }
        this.initialDelay = initialDelay;
        this.maxDelay = maxDelay;
        this.maxCrashes = maxCrashes;
        this.window = window;
    }

    /** Records a crash at {@code at} and decides. */
    synchronized Decision crashed(Instant at) {
        crashes.addLast(at);
        Instant oldestCounted = at.minus(window);
        while (!crashes.isEmpty() && !crashes.peekFirst().isAfter(oldestCounted)) {
            crashes.removeFirst();
        }
        int recent = crashes.size();
        if (recent >= maxCrashes) {
            return new Decision(true, Duration.ZERO, recent);
        }
        return new Decision(false, backoff(recent), recent);
    }

    private Duration backoff(int crashesInWindow) {
        Duration delay = initialDelay;
        for (int i = 1; i < crashesInWindow && delay.compareTo(maxDelay) < 0; i++) {
            delay = delay.multipliedBy(2);
        }
        return delay.compareTo(maxDelay) > 0 ? maxDelay : delay;
    }

    int maxCrashes() {
        return maxCrashes;
    }

    Duration window() {
        return window;
    }
}
