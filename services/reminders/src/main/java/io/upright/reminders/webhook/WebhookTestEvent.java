package io.upright.reminders.webhook;

import java.time.Instant;
import java.util.UUID;

/**
 * The body of a test-send: which tenant's Upright sent it, and when. It is about the endpoint, so it names no person,
 * no reminder and nothing of anyone's health; a receiver can tell it from a reminder by its {@code type}.
 *
 * @param messageId also the {@code webhook-id} header; fresh for every test
 */
public record WebhookTestEvent(String type, UUID messageId, String tenant, Instant sentAt, String message) {

    public static final String TYPE = "webhook.test";

    static final String TEXT = "A test event from Upright, sent by an admin: this endpoint receives signed events. "
            + "It is not a reminder; there is nothing to do.";

    public static WebhookTestEvent of(UUID messageId, String tenant, Instant sentAt) {
        return new WebhookTestEvent(TYPE, messageId, tenant, sentAt, TEXT);
    }
}
