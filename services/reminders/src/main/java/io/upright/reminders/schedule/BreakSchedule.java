package io.upright.reminders.schedule;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * When an employee's break reminders fall (pure): every {@code cadence} of real time, but only inside the working
 * hours of that weekday in their IANA zone, never inside a blocked window (lunch, quiet windows) and never before
 * a pause ends. A slot that would fall outside moves to the next allowed instant: the end of the blocked window,
 * or the start of the next working window.
 *
 * <p>Slots are instants, so a cadence is always the same amount of real time even across a DST change; windows are
 * resolved per local date with {@link ZonedDateTime#of}, which moves a time that falls into a spring-forward gap
 * to the first valid local time after it and, in a fall-back overlap, takes the first occurrence of the repeated
 * time.
 */
public final class BreakSchedule {

    /** A reminder is worth sending for half a cadence after its slot, but never for longer than this. */
    static final Duration MAX_TIME_TO_LIVE = Duration.ofMinutes(10);

    private final ZoneId zone;
    private final Map<DayOfWeek, LocalTime[]> hours;
    private final List<LocalTime[]> blocked;
    private final Duration cadence;
    private final Instant notBefore;

    /** The same working window every day, nothing blocked, no pause. */
    public BreakSchedule(ZoneId zone, LocalTime start, LocalTime end, Duration cadence) {
        this(zone, everyDay(start, end), List.of(), cadence, null);
    }

    /**
     * @param hours     the working window per weekday; a day without one has no reminders
     * @param blocked   local windows without reminders on every day (lunch, quiet windows)
     * @param notBefore no slot before this instant (a pause), or null
     */
    public BreakSchedule(ZoneId zone, Map<DayOfWeek, LocalTime[]> hours, List<LocalTime[]> blocked, Duration cadence,
                         Instant notBefore) {
        this.zone = Objects.requireNonNull(zone, "zone");
        this.cadence = Objects.requireNonNull(cadence, "cadence");
        if (cadence.isNegative() || cadence.isZero()) {
            throw new IllegalArgumentException("the cadence must be positive");
        }
        if (hours.isEmpty()) {
            throw new IllegalArgumentException("at least one working day is needed");
        }
        for (LocalTime[] window : hours.values()) {
            requireOrdered(window, "the working day must end after it starts");
        }
        for (LocalTime[] window : blocked) {
            requireOrdered(window, "a blocked window must end after it starts");
        }
        this.hours = new EnumMap<>(hours);
        this.blocked = blocked.stream().sorted(Comparator.comparing(w -> w[0])).toList();
        this.notBefore = notBefore;
    }

    /** Parses the wire form of a working day: IANA zone and {@code HH:mm} local times. */
    public static BreakSchedule of(String zone, String start, String end, Duration cadence) {
        return new BreakSchedule(ZoneId.of(zone), LocalTime.parse(start), LocalTime.parse(end), cadence);
    }

    /** The same schedule with a different cadence, blocked windows or pause; used while assembling one. */
    public BreakSchedule with(Map<DayOfWeek, LocalTime[]> newHours, List<LocalTime[]> newBlocked, Duration newCadence, Instant newNotBefore) {
        return new BreakSchedule(zone, newHours == null ? hours : newHours, newBlocked == null ? blocked : newBlocked,
                newCadence == null ? cadence : newCadence, newNotBefore);
    }

    public static Map<DayOfWeek, LocalTime[]> everyDay(LocalTime start, LocalTime end) {
        Map<DayOfWeek, LocalTime[]> all = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek day : DayOfWeek.values()) {
            all.put(day, new LocalTime[]{start, end});
        }
        return all;
    }

    /** The first slot after {@code previous}: one cadence later (not before a pause's end), moved to the next allowed instant. */
    public Instant nextSlotAfter(Instant previous) {
        Instant candidate = previous.plus(cadence);
        if (notBefore != null && candidate.isBefore(notBefore)) {
            candidate = notBefore;
        }
        return firstAllowedFrom(candidate);
    }

    /** Whether a reminder may fall at this instant: working hours, no blocked window, no pause. */
    public boolean allows(Instant instant) {
        return (notBefore == null || !instant.isBefore(notBefore)) && firstAllowedFrom(instant).equals(instant);
    }

    /** The first instant at or after {@code candidate} (and a pause's end) inside working hours and outside every blocked window. */
    public Instant firstAllowed(Instant candidate) {
        return firstAllowedFrom(notBefore != null && candidate.isBefore(notBefore) ? notBefore : candidate);
    }

    /** The first instant at or after {@code candidate} inside working hours and outside every blocked window. */
    Instant firstAllowedFrom(Instant candidate) {
        LocalDate day = candidate.atZone(zone).toLocalDate().minusDays(1); // a window may start the day before (zone shifts)
        for (int i = 0; i < 9; i++, day = day.plusDays(1)) {
            LocalTime[] window = hours.get(day.getDayOfWeek());
            if (window == null) {
                continue;
            }
            for (Instant[] open : openIntervals(day, window)) {
                if (candidate.isBefore(open[1])) {
                    return candidate.isAfter(open[0]) ? candidate : open[0];
                }
            }
        }
        throw new IllegalStateException("no working time within a week"); // unreachable: at least one day has hours
    }

    /** The day's working window minus the blocked windows, as instants, in order. */
    private List<Instant[]> openIntervals(LocalDate day, LocalTime[] window) {
        List<Instant[]> open = new ArrayList<>();
        Instant from = ZonedDateTime.of(day, window[0], zone).toInstant();
        Instant end = ZonedDateTime.of(day, window[1], zone).toInstant();
        for (LocalTime[] block : blocked) {
            Instant blockStart = ZonedDateTime.of(day, block[0], zone).toInstant();
            Instant blockEnd = ZonedDateTime.of(day, block[1], zone).toInstant();
            if (!blockEnd.isAfter(from) || !blockStart.isBefore(end)) {
                continue; // outside what is left of the working window
            }
            if (blockStart.isAfter(from)) {
                open.add(new Instant[]{from, blockStart});
            }
            from = blockEnd.isAfter(from) ? blockEnd : from;
        }
        if (from.isBefore(end)) {
            open.add(new Instant[]{from, end});
        }
        return open;
    }

    /** After this instant a reminder for {@code slot} is stale and is dropped instead of sent. */
    public Instant expiresAt(Instant slot) {
        Duration half = cadence.dividedBy(2);
        return slot.plus(half.compareTo(MAX_TIME_TO_LIVE) < 0 ? half : MAX_TIME_TO_LIVE);
    }

    public Duration cadence() {
        return cadence;
    }

    public ZoneId zone() {
        return zone;
    }

    private static void requireOrdered(LocalTime[] window, String message) {
        if (window == null || window.length != 2 || window[0] == null || window[1] == null || !window[0].isBefore(window[1])) {
            throw new IllegalArgumentException(message);
        }
    }
}
