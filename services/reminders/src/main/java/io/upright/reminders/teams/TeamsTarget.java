package io.upright.reminders.teams;

import java.util.UUID;

/** A Teams channel as the engine hands it over: its URL still sealed; {@code teamId} null for a tenant-wide channel. */
public record TeamsTarget(UUID channelId, String sealedUrl, UUID teamId) {

    /** Whether an employee of {@code employeeTeam} (null if unknown) is reminded in this channel. */
    public boolean serves(UUID employeeTeam) {
        return teamId == null || teamId.equals(employeeTeam);
    }
}
