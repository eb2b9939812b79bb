package io.upright.contracts.assessments;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * When each {@link SittingReported#period()} of a program opens: the one calendar the services share, so that the
 * period people are asked about (reminders), the one their answer is filed under (assessments) and the round HR is
 * shown (insights) are the same. {@code baseline} is asked at enrolment (or before the program starts); check-in n
 * opens 4·n weeks after the program's start day (00:00 UTC) while the program runs, at most 26 of them; {@code end}
 * opens when the program ends.
 */
public final class SittingCalendar {

    public static final String BASELINE = "baseline";
    public static final String END = "end";
    public static final int WEEKS_BETWEEN_CHECK_INS = 4;
    public static final int MAX_CHECK_INS = 26;

    /** A period and when it opened. */
    public record Opening(String period, Instant opensAt) {
    }

    private SittingCalendar() {
    }

    public static String checkIn(int n) {
        return "check-in-" + n;
    }

    /** When check-in {@code n} of a program starting on {@code startsOn} opens. */
    public static Instant checkInOpens(LocalDate startsOn, int n) {
        return startsOn.atStartOfDay(ZoneOffset.UTC).toInstant().plus(Duration.ofDays(7L * WEEKS_BETWEEN_CHECK_INS * n));
    }

    /** Every check-in opened by {@code now} (none at or after the end), then {@code end} once ended; in program order. */
    public static List<Opening> opened(LocalDate startsOn, Instant endedAt, Instant now) {
        List<Opening> opened = new ArrayList<>();
        for (int n = 1; n <= MAX_CHECK_INS; n++) {
            Instant opens = checkInOpens(startsOn, n);
            if (opens.isAfter(now) || (endedAt != null && !opens.isBefore(endedAt))) {
                break;
            }
            opened.add(new Opening(checkIn(n), opens));
        }
        if (endedAt != null && !endedAt.isAfter(now)) {
            opened.add(new Opening(END, endedAt));
        }
        return opened;
    }
}
