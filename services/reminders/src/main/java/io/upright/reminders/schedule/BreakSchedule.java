package io.upright.reminders.schedule;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Objects;

/**
 * When an employee's break reminders fall: every {@code cadence} of real time, but only inside the working
 * window {@code [start, end)} of their local day in their IANA zone (every day, for now).
 *
 * <p>Slots are instants, so a cadence is always the same amount of real time even across a DST change; the
 * window is resolved per local date with {@link ZonedDateTime#of}, which moves a start that falls into a
 * spring-forward gap to the first valid local time after it and, in a fall-back overlap, takes the first
 * occurrence of the repeated time.
 */
public final class BreakSchedule {

    /** A reminder is worth sending for half a cadence after its slot, but never for longer than this. */
    static final Duration MAX_TIME_TO_LIVE = Duration.ofMinutes(10);

    private final ZoneId zone;
    private final LocalTime start;
    private final LocalTime end;
    private final Duration cadence;

    public BreakSchedule(ZoneId zone, LocalTime start, LocalTime end, Duration cadence) {
        this.zone = Objects.requireNonNull(zone, "zone");
        this.start = Objects.requireNonNull(start, "start");
        this.end = Objects.requireNonNull(end, "end");
        this.cadence = Objects.requireNonNull(cadence, "cadence");
        if (!start.isBefore(end)) {
            throw new IllegalArgumentException("the working day must end after it starts");
        }
        if (cadence.isNegative() || cadence.isZero()) {
            throw new IllegalArgumentException("the cadence must be positive");
        }
    }

    /** Parses the wire form of a working day: IANA zone and {@code HH:mm} local times. */
    public static BreakSchedule of(String zone, String start, String end, Duration cadence) {
        return new BreakSchedule(ZoneId.of(zone), LocalTime.parse(start), LocalTime.parse(end), cadence);
    }

    /** The first slot after {@code previous}: one cadence later, moved to the next working window if outside one. */
    public Instant nextSlotAfter(Instant previous) {
        Instant candidate = previous.plus(cadence);
        LocalDate day = candidate.atZone(zone).toLocalDate();
        Instant windowStart = ZonedDateTime.of(day, start, zone).toInstant();
        Instant windowEnd = ZonedDateTime.of(day, end, zone).toInstant();
        if (candidate.isBefore(windowStart)) {
            return windowStart;
        }
        if (candidate.isBefore(windowEnd)) {
            return candidate;
        }
        return ZonedDateTime.of(day.plusDays(1), start, zone).toInstant();
    }

    /** After this instant a reminder for {@code slot} is stale and is dropped instead of sent. */
    public Instant expiresAt(Instant slot) {
        Duration half = cadence.dividedBy(2);
        return slot.plus(half.compareTo(MAX_TIME_TO_LIVE) < 0 ? half : MAX_TIME_TO_LIVE);
    }

    public Duration cadence() {
        return cadence;
    }
}
