package io.upright.reminders.chat;

import java.util.UUID;

/** A chat channel as the engine hands it over: its URL still sealed; {@code teamId} null for a tenant-wide channel. */
public record ChatTarget(ChatChannelKind kind, UUID channelId, String sealedUrl, UUID teamId) {

    /** Whether an employee of {@code employeeTeam} (null if unknown) is reminded in this channel. */
    public boolean serves(UUID employeeTeam) {
        return teamId == null || teamId.equals(employeeTeam);
    }
}
