package io.upright.contracts.programs;

import io.upright.contracts.IntegrationEvent;

import java.time.Instant;
import java.util.UUID;

/** A team was set up in a tenant; its name is an organisational label, not personal data. */
public record TeamCreated(UUID teamId, String name, Instant createdAt) implements IntegrationEvent {

    @Override
    public String subject() {
        return teamId.toString();
    }

    @Override
    public String key() {
        return teamId.toString();
    }
}
