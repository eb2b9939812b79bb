package io.upright.insights.outcomes;

import io.upright.contracts.assessments.SittingCalendar;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * When each round of a program's sitting check-ins is published. The periods open on the shared
 * {@link SittingCalendar} (check-in n 4·n weeks after the start day, {@code end} when the program ends). A round is published
 * once its answer window has passed ({@code window}, 4 weeks by default, so a check-in is published as the next one
 * opens), with whatever answers for its period arrived by then; it never changes afterwards. An answer after that
 * still counts for its period in the employee's own view, not in figures already published.
 */
public final class SittingRounds {

    public static final int WEEKS_BETWEEN_CHECK_INS = SittingCalendar.WEEKS_BETWEEN_CHECK_INS;
    public static final int MAX_CHECK_INS = SittingCalendar.MAX_CHECK_INS;

    /** One round: its period, when answers for it are first asked for, and when its figures are published. */
    public record Round(SittingPeriod period, Instant opensAt, Instant closesAt) {
    }

    private SittingRounds() {
    }

    /** Every round of a program that has opened by {@code now}, in program order ({@link SittingCalendar}). */
    public static List<Round> opened(LocalDate startsOn, Instant endedAt, Instant now, Duration window) {
        List<Round> rounds = new ArrayList<>();
        for (SittingCalendar.Opening opening : SittingCalendar.opened(startsOn, endedAt, now)) {
            rounds.add(new Round(SittingPeriod.parse(opening.period()).orElseThrow(), opening.opensAt(), opening.opensAt().plus(window)));
        }
        return rounds;
    }

    /** The opened rounds whose window has passed by {@code now}: the ones to publish. */
    public static List<Round> closed(LocalDate startsOn, Instant endedAt, Instant now, Duration window) {
        return opened(startsOn, endedAt, now, window).stream().filter(r -> !r.closesAt().isAfter(now)).toList();
    }
}
