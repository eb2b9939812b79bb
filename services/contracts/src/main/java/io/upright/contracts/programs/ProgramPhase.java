package io.upright.contracts.programs;

/**
 * One phase of a program: from {@code startWeek} (1 = the launch week) a break is due every
 * {@code breakEveryMinutes} of sitting, and each employee aims for {@code dailyActiveMinutesTarget} minutes of
 * standing or light activity per working day.
 */
public record ProgramPhase(int number, int startWeek, int breakEveryMinutes, int dailyActiveMinutesTarget) {
}
