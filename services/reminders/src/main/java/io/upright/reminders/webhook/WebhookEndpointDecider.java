package io.upright.reminders.webhook;

import io.upright.platform.eventstore.Aggregate;
import io.upright.platform.eventstore.Decider;
import io.upright.platform.domain.Rejection;
import io.upright.reminders.webhook.WebhookEndpointEvent.WebhookEndpointDisabled;
import io.upright.reminders.webhook.WebhookEndpointEvent.WebhookEndpointRegistered;
import io.upright.reminders.webhook.WebhookEndpointEvent.WebhookEndpointRemoved;
import io.upright.reminders.webhook.WebhookEndpointEvent.WebhookSecretResealed;
import io.upright.reminders.webhook.WebhookEndpointEvent.WebhookSecretRotated;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Lifecycle of a webhook endpoint: registered, possibly disabled by its receiver, its signing secret rotated by an admin
 * (or sealed again after the service's secret key was replaced), removed by an admin.
 */
public class WebhookEndpointDecider implements Decider<WebhookEndpointDecider.Command, WebhookEndpointDecider.Endpoint, WebhookEndpointEvent> {

    /** A tenant's webhook endpoint: one stream per endpoint. */
    public static final Aggregate<Command, Endpoint, WebhookEndpointEvent> ENDPOINT =
            Aggregate.of("webhook-endpoint", WebhookEndpointEvent.class, new WebhookEndpointDecider());

    public sealed interface Command {
    }

    /** {@code url} has passed the {@link WebhookUrlGuard}; the secret arrives already sealed. */
    public record Register(UUID endpointId, String url, String sealedSecret, Instant at) implements Command {
    }

    public record Disable(String reason, Instant at) implements Command {
    }

    public record Remove(Instant at) implements Command {
    }

    /**
     * Both secrets arrive sealed; the old one signs next to the new one until {@code previousValidUntil}. Both null when
     * the old one cannot sign any more (it no longer opens).
     */
    public record RotateSecret(String sealedSecret, String sealedPreviousSecret, Instant previousValidUntil, Instant at)
            implements Command {
    }

    /** The secret key was replaced: the same secrets, sealed again under the current one. */
    public record Reseal(String sealedSecret, String sealedPreviousSecret, Instant at) implements Command {
    }

    public enum Status { NONE, ACTIVE, DISABLED, REMOVED }

    public record Endpoint(UUID id, Status status) {
    }

    @Override
    public Endpoint initialState() {
        return new Endpoint(null, Status.NONE);
    }

    @Override
    public List<WebhookEndpointEvent> decide(Command command, Endpoint endpoint) {
        if (command instanceof Register register) {
            if (endpoint.status() != Status.NONE) {
                throw Rejection.conflict("Webhook endpoint " + register.endpointId() + " already exists");
            }
            return List.of(new WebhookEndpointRegistered(register.endpointId(), register.url(), register.sealedSecret(), register.at()));
        }
        if (endpoint.status() == Status.NONE || endpoint.status() == Status.REMOVED) {
            throw Rejection.notFound("Webhook endpoint");
        }
        if (command instanceof Disable disable) {
            // disabling twice (two deliveries saw 410 at once) changes nothing
            return endpoint.status() == Status.ACTIVE
                    ? List.of(new WebhookEndpointDisabled(endpoint.id(), disable.reason(), disable.at()))
                    : List.of();
        }
        if (command instanceof Remove remove) {
            return List.of(new WebhookEndpointRemoved(endpoint.id(), remove.at()));
        }
        if (command instanceof RotateSecret rotate) {
            if (rotate.sealedPreviousSecret() != null
                    && (rotate.previousValidUntil() == null || !rotate.previousValidUntil().isAfter(rotate.at()))) {
                throw new IllegalArgumentException("the old secret must sign for a while after the rotation");
            }
            return List.of(new WebhookSecretRotated(endpoint.id(), rotate.sealedSecret(), rotate.sealedPreviousSecret(),
                    rotate.previousValidUntil(), rotate.at()));
        }
        if (command instanceof Reseal reseal) {
            return List.of(new WebhookSecretResealed(endpoint.id(), reseal.sealedSecret(), reseal.sealedPreviousSecret(), reseal.at()));
        }
        throw new IllegalArgumentException("Unknown command " + command);
    }

    @Override
    public Endpoint evolve(Endpoint endpoint, WebhookEndpointEvent event) {
        if (event instanceof WebhookEndpointRegistered registered) {
            return new Endpoint(registered.endpointId(), Status.ACTIVE);
        }
        if (event instanceof WebhookEndpointDisabled) {
            return new Endpoint(endpoint.id(), Status.DISABLED);
        }
        if (event instanceof WebhookEndpointRemoved) {
            return new Endpoint(endpoint.id(), Status.REMOVED);
        }
        return endpoint;
    }
}
