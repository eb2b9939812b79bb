package io.upright.contracts.programs;

import io.upright.contracts.IntegrationEvent;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** HR paused the program: no reminders or nudges for its teams until it is resumed. */
public record ProgramPaused(UUID programId, List<UUID> teamIds, Instant pausedAt) implements IntegrationEvent {

    @Override
    public String subject() {
        return programId.toString();
    }

    @Override
    public String key() {
        return programId.toString();
    }
}
