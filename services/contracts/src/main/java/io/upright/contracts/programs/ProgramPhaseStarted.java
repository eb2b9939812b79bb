package io.upright.contracts.programs;

import io.upright.contracts.IntegrationEvent;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** A program entered a phase (emitted on schedule, on the phase's first day): the new cadence and daily target. */
public record ProgramPhaseStarted(
        UUID programId,
        List<UUID> teamIds,
        int phaseNumber,
        int breakEveryMinutes,
        int dailyActiveMinutesTarget,
        int minBreakEveryMinutes,
        int maxBreakEveryMinutes,
        LocalDate startedOn,
        Instant startedAt) implements IntegrationEvent {

    @Override
    public String subject() {
        return programId.toString();
    }

    @Override
    public String key() {
        return programId.toString();
    }
}
