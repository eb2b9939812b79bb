package io.upright.contracts.programs;

import io.upright.contracts.IntegrationEvent;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * HR launched a sitting-reduction program for some teams. {@code title} is an organisational label. Cadence bounds
 * are what personal settings and risk-based tightening may move a reminder interval within.
 *
 * @param startsOn the Monday-or-later date week 1 begins (ISO {@code yyyy-MM-dd})
 */
public record ProgramLaunched(
        UUID programId,
        String title,
        List<UUID> teamIds,
        LocalDate startsOn,
        List<ProgramPhase> phases,
        int minBreakEveryMinutes,
        int maxBreakEveryMinutes,
        Instant launchedAt) implements IntegrationEvent {

    @Override
    public String subject() {
        return programId.toString();
    }

    @Override
    public String key() {
        return programId.toString();
    }
}
