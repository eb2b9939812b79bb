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

    @EventName("WebhookEndpointRemoved")
    record WebhookEndpointRemoved(UUID endpointId, Instant removedAt) implements WebhookEndpointEvent {
    }
}
