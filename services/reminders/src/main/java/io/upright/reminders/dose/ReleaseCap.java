package io.upright.reminders.dose;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;

/**
 * Soft-tissue (psoas, iliacus) release: 2–3 times a week is enough for most (the seed), and pressing on those muscles
 * daily from a reminder is more than anyone asked for. So a release routine is suggested at most
 * {@link #PER_ISO_WEEK} times per ISO week (Monday to Sunday in the employee's zone); past that, a micro-break.
 */
public final class ReleaseCap {

    public static final int PER_ISO_WEEK = 3;

    private ReleaseCap() {
    }

    /** The ISO week holding {@code at} in {@code zone}: its Monday's start, inclusive, and the next Monday's, exclusive. */
    public static Week weekOf(Instant at, ZoneId zone) {
        LocalDate monday = at.atZone(zone).toLocalDate().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        return new Week(monday.atStartOfDay(zone).toInstant(), monday.plusWeeks(1).atStartOfDay(zone).toInstant());
    }

    /** Whether one more may be suggested, given how many were this week. */
    public static boolean allowsAnother(int suggestedThisWeek) {
        return suggestedThisWeek < PER_ISO_WEEK;
    }

    public record Week(Instant from, Instant until) {
    }
}
