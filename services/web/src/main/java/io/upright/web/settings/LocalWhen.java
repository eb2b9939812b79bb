package io.upright.web.settings;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;

/**
 * An instant as the person reads it in their own zone: "14:30" today, tomorrow, or on a date. Times are shown in the
 * zone of their reminder settings, not the server's, because that is where their breaks fall.
 */
@io.quarkus.qute.TemplateData
public record LocalWhen(String time, String date, boolean today, boolean tomorrow) {

    private static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm");

    public static LocalWhen of(Instant instant, ZoneId zone, Instant now) {
        ZonedDateTime at = instant.atZone(zone);
        LocalDate day = at.toLocalDate();
        LocalDate todayThere = now.atZone(zone).toLocalDate();
        return new LocalWhen(at.format(HH_MM), day.toString(), day.equals(todayThere), day.equals(todayThere.plusDays(1)));
    }

    /** A zone to show times in: the person's, or UTC when the service named none it knows. */
    public static ZoneId zoneOr(String zone) {
        try {
            return zone == null ? ZoneId.of("UTC") : ZoneId.of(zone);
        } catch (java.time.DateTimeException e) {
            return ZoneId.of("UTC");
        }
    }
}
