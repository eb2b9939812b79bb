package io.upright.contracts.assessments;

import io.upright.contracts.SealedForEmployee;

import java.time.Instant;
import java.util.UUID;

/**
 * An employee answered the occupational sitting questionnaire (OSPAQ) for one period of their program, or corrected
 * their answer: the newest record per (employee, period) counts. It carries the minutes per workday derived from the
 * answers, never the answers themselves. {@code period} is {@code baseline}, {@code check-in-<n>} (n = 1..26) or
 * {@code end}. A report for a week without work has {@code daysWorked} 0 and every minute 0: it counts as answered
 * and is left out of minute averages. {@code teamId} is null when the assessments service had not yet learned the
 * employee's team.
 */
public record SittingReported(
        UUID employeeId,
        UUID teamId,
        String period,
        String questionnaireVersion,
        int minutesWorkedPerWorkday,
        int sittingMinutes,
        int standingMinutes,
        int walkingMinutes,
        int heavyLabourMinutes,
        int daysWorked,
        Instant reportedAt) implements SealedForEmployee {

    /** The aggregate is the employee's own set of sitting reports. */
    @Override
    public String subject() {
        return employeeId.toString();
    }

    @Override
    public String key() {
        return employeeId.toString();
    }
}
