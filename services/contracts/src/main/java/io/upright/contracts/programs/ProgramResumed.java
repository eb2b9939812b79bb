package io.upright.contracts.programs;

import io.upright.contracts.IntegrationEvent;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** HR resumed a paused program: reminders start again at the current phase's cadence. */
public record ProgramResumed(UUID programId, List<UUID> teamIds, Instant resumedAt) implements IntegrationEvent {

    @Override
    public String subject() {
        return programId.toString();
    }

    @Override
    public String key() {
        return programId.toString();
    }
}
