package io.upright.testsupport.time;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A clock a test sets and moves by hand, so that a test about time never sleeps and never depends on the time of day
 * it runs at. In a {@code @QuarkusTest}: {@code QuarkusMock.installMockForType(clock, Clock.class)} in a
 * {@code @BeforeEach}; in a unit test, pass it where the code takes a {@link Clock}.
 */
public final class AdjustableClock extends Clock {

    private final AtomicReference<Instant> now;
    private final ZoneId zone;

    private AdjustableClock(Instant start, ZoneId zone) {
        this.now = new AtomicReference<>(start);
        this.zone = zone;
    }

    public static AdjustableClock at(Instant start) {
        return new AdjustableClock(start, ZoneOffset.UTC);
    }

    /** Noon (UTC) of a fixed day far from any midnight or daylight-saving change. */
    public static AdjustableClock atNoon(LocalDate day) {
        return at(day.atTime(LocalTime.NOON).toInstant(ZoneOffset.UTC));
    }

    public void set(Instant instant) {
        now.set(instant);
    }

    public Instant advance(Duration by) {
        return now.updateAndGet(current -> current.plus(by));
    }

    @Override
    public Instant instant() {
        return now.get();
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    @Override
    public Clock withZone(ZoneId other) {
        AdjustableClock sameTime = new AdjustableClock(now.get(), other);
        return sameTime;
    }
}
