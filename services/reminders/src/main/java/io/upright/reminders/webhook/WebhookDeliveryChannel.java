package io.upright.reminders.webhook;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.upright.reminders.reminder.DeliveryChannel;
import io.upright.reminders.reminder.DeliveryOutcome;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

/** The tenant's webhook endpoints: each gets the reminder as signed JSON (Standard Webhooks). */
@ApplicationScoped
public class WebhookDeliveryChannel implements DeliveryChannel {

    public static final String KIND = "webhook";

    @Inject
    WebhookDelivery webhooks;

    @Inject
    WebhookEndpoints endpoints;

    @Inject
    ObjectMapper json;

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public boolean answerable() {
        return false;
    }

    @Override
    public int order() {
        return 0;
    }

    @Override
    public List<Call> deliver(OutgoingReminder reminder) {
        return deliver(reminder, Round.none());
    }

    @Override
    public List<Call> deliver(OutgoingReminder reminder, Round round) {
        List<WebhookDelivery.Target> targets = round.once(List.of(KIND, reminder.tenant()), () -> endpoints.active(reminder.tenant()));
        List<Call> calls = new ArrayList<>();
        if (targets.isEmpty()) {
            return calls;
        }
        String body;
        try {
            body = json.writeValueAsString(reminder.message());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write a reminder body", e);
        }
        for (WebhookDelivery.Target target : targets) {
            CompletableFuture<DeliveryOutcome> outcome;
            try {
                outcome = webhooks.send(target, reminder.id(), body, round);
            } catch (RuntimeException e) {
                outcome = CompletableFuture.completedFuture(DeliveryOutcome.FAILED);
            }
            calls.add(new Call(target.endpointId(), outcome));
        }
        return calls;
    }

    @Override
    public void disable(String tenant, UUID targetId) {
        endpoints.disable(tenant, targetId, "receiver answered 410 Gone");
    }

    @Override
    public Optional<Instant> pausedUntil(UUID targetId) {
        return webhooks.pausedUntil(targetId);
    }
}
