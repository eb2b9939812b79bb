package io.upright.reminders.webhook;

import io.upright.platform.eventstore.EventName;

import java.time.Instant;
import java.util.UUID;

/** What happened to a tenant's webhook endpoint. The signing secret is only ever stored sealed. */
public sealed interface WebhookEndpointEvent {

    @EventName("WebhookEndpointRegistered")
    record WebhookEndpointRegistered(UUID endpointId, String url, String sealedSecret, Instant registeredAt)
            implements WebhookEndpointEvent {
    }

    /** Deliveries stopped on their own, e.g. because the receiver answered 410 Gone. */
    @EventName("WebhookEndpointDisabled")
    record WebhookEndpointDisabled(UUID endpointId, String reason, Instant disabledAt) implements WebhookEndpointEvent {
    }

    /**
     * An admin asked for a new signing secret. Until {@code previousSecretValidUntil} every delivery is signed with
     * both, so the receiver can switch to the new one in its own time. Both null when the old secret could not be
     * opened any more: the new one signs alone at once.
     */
    @EventName("WebhookSecretRotated")
    record WebhookSecretRotated(UUID endpointId, String sealedSecret, String sealedPreviousSecret,
                                Instant previousSecretValidUntil, Instant rotatedAt) implements WebhookEndpointEvent {
    }

    /**
     * The same secrets sealed again under the service's current secret key, after that key was replaced (the secrets
     * themselves did not change). {@code sealedPreviousSecret} is null when no old secret still signs.
     */
    @EventName("WebhookSecretResealed")
    record WebhookSecretResealed(UUID endpointId, String sealedSecret, String sealedPreviousSecret, Instant resealedAt)
            implements WebhookEndpointEvent {
    }

    @EventName("WebhookEndpointRemoved")
    record WebhookEndpointRemoved(UUID endpointId, Instant removedAt) implements WebhookEndpointEvent {
    }
}
