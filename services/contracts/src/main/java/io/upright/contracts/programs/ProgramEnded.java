package io.upright.contracts.programs;

import io.upright.contracts.IntegrationEvent;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The program ended for good: its teams get no more reminders from it; its history stays in insights. */
public record ProgramEnded(UUID programId, List<UUID> teamIds, Instant endedAt) implements IntegrationEvent {

    @Override
    public String subject() {
        return programId.toString();
    }

    @Override
    public String key() {
        return programId.toString();
    }
}
