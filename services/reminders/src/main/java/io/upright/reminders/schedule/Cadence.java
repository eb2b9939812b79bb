package io.upright.reminders.schedule;

import java.time.Duration;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The cadence rule (pure). Under a program: start from the employee's preferred interval if they chose one, else
 * the current phase's {@code breakEveryMinutes}; a high-risk assessment tightens it to three quarters, rounded to
 * the nearest 5 minutes (halves up); the result is clamped to the program's {@code [min, max]}, so tightening never
 * goes below the program minimum. With no program (a team no launch named yet) the service default applies, or the
 * employee's preference; risk does not change it, since there are no bounds to tighten within.
 */
public final class Cadence {

    /** Bounds a preferred cadence must respect when no program sets any. */
    public static final int NO_PROGRAM_MIN_MINUTES = 5;
    public static final int NO_PROGRAM_MAX_MINUTES = 240;

    private Cadence() {
    }

    /** A program's cadence as it applies now. */
    public record Program(int breakEveryMinutes, int minBreakEveryMinutes, int maxBreakEveryMinutes) {
    }

    /** One phase of a launch: from {@code startWeek} (1 = the week of startsOn) on, a break every so many minutes. */
    public record Phase(int number, int startWeek, int breakEveryMinutes, int dailyActiveMinutesTarget) {
    }

    /**
     * @param program        null when the employee's team is in no program
     * @param preferred      the employee's preferred interval in minutes, or null
     * @param highRisk       the latest assessment was high risk
     * @param defaultCadence the service default, used with no program
     */
    public static Duration effective(Program program, Integer preferred, boolean highRisk, Duration defaultCadence) {
        if (program == null) {
            return preferred == null ? defaultCadence : Duration.ofMinutes(preferred);
        }
        int minutes = preferred == null ? program.breakEveryMinutes() : preferred;
        if (highRisk) {
            minutes = tighten(minutes);
        }
        return Duration.ofMinutes(clamp(minutes, program.minBreakEveryMinutes(), program.maxBreakEveryMinutes()));
    }

    /** Three quarters, to the nearest 5 minutes (halves up), never under 5. */
    public static int tighten(int minutes) {
        int rounded = (int) Math.round(minutes * 0.75 / 5.0) * 5;
        // Math.round rounds halves up, e.g. 30 -> 22.5 -> 25
        return Math.max(5, rounded);
    }

    public static int clamp(int minutes, int min, int max) {
        return Math.max(min, Math.min(max, minutes));
    }

    /**
     * The phase in force on {@code day} for a program whose week 1 begins {@code startsOn}: the one with the highest
     * {@code startWeek} not after the day's week. Before the start: the first phase.
     */
    public static Optional<Phase> phaseOn(LocalDate startsOn, List<Phase> phases, LocalDate day) {
        if (phases == null || phases.isEmpty()) {
            return Optional.empty();
        }
        long week = day.isBefore(startsOn) ? 1 : ChronoUnit.DAYS.between(startsOn, day) / 7 + 1;
        List<Phase> ordered = phases.stream().sorted(Comparator.comparingInt(Phase::startWeek)).toList();
        Phase current = ordered.get(0);
        for (Phase phase : ordered) {
            if (phase.startWeek() <= week) {
                current = phase;
            }
        }
        return Optional.of(current);
    }
}
