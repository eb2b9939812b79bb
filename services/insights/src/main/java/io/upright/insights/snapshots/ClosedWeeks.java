package io.upright.insights.snapshots;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * When a week closes. An ISO week (Monday to Sunday) ends at Sunday 24:00 UTC; it is published {@code grace} later,
 * so that events of its last hours (still on their way through the topics, or in a time zone ahead of UTC) make it.
 * Weeks are named by their Monday.
 */
public final class ClosedWeeks {

    private static final Pattern ISO_WEEK = Pattern.compile("(\\d{4})-W(\\d{2})");

    private ClosedWeeks() {
    }

    public static LocalDate monday(LocalDate day) {
        return day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    }

    /** The instant from which the week starting {@code monday} is published. */
    public static Instant publishableFrom(LocalDate monday, Duration grace) {
        return monday.plusWeeks(1).atStartOfDay().toInstant(ZoneOffset.UTC).plus(grace);
    }

    /** The Monday of the latest week that may be published at {@code now}. */
    public static LocalDate lastClosed(Instant now, Duration grace) {
        return monday(now.minus(grace).atOffset(ZoneOffset.UTC).toLocalDate()).minusWeeks(1);
    }

    public static String isoWeek(LocalDate date) {
        return String.format(Locale.ROOT, "%d-W%02d", date.get(IsoFields.WEEK_BASED_YEAR), date.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
    }

    /** The Monday of {@code 2026-W40}; empty when the text is no ISO week. */
    public static Optional<LocalDate> parse(String isoWeek) {
        Matcher m = ISO_WEEK.matcher(isoWeek == null ? "" : isoWeek.trim());
        if (!m.matches()) {
            return Optional.empty();
        }
        int year = Integer.parseInt(m.group(1));
        int week = Integer.parseInt(m.group(2));
        LocalDate monday = LocalDate.of(year, 1, 4).with(IsoFields.WEEK_OF_WEEK_BASED_YEAR, 1)
                .with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        if (week < 1 || week > monday.range(IsoFields.WEEK_OF_WEEK_BASED_YEAR).getMaximum()) {
            return Optional.empty();
        }
        LocalDate result = monday.plusWeeks(week - 1L);
        return isoWeek(result).equals(isoWeek.trim()) ? Optional.of(result) : Optional.empty();
    }
}
