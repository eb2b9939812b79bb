package io.upright.programs.program;

import java.time.LocalDate;

/**
 * One phase of a program: from week {@code startWeek} (week 1 begins on the program's start date) a break is due
 * every {@code breakEveryMinutes} of sitting, and the daily target of standing or light activity is
 * {@code dailyActiveMinutesTarget}. Phases progress, as the 2015 expert statement suggests (2 hours a day, then 4).
 */
public record Phase(int number, int startWeek, int breakEveryMinutes, int dailyActiveMinutesTarget) {

    /** Week N starts on startsOn + 7 * (N - 1) days. */
    public LocalDate startsOn(LocalDate programStartsOn) {
        return programStartsOn.plusDays(7L * (startWeek - 1));
    }
}
