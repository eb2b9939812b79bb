package io.upright.contracts.reminders;

import io.upright.contracts.IntegrationEvent;

import java.time.Instant;
import java.util.UUID;

/**
 * A reminder could not be delivered and will not be retried. {@code reason} is one of {@code endpoint-gone} (410,
 * the endpoint is now disabled), {@code rejected} (another 4xx), {@code retries-exhausted} (the time-to-live ran out
 * while retrying), {@code address-refused} (the SSRF guard refused the target) or {@code no-channel} (then
 * {@code channel} is null).
 */
public record ReminderDeliveryFailed(
        UUID reminderId,
        UUID employeeId,
        String channel,
        String reason,
        Instant failedAt) implements IntegrationEvent {

    @Override
    public String subject() {
        return reminderId.toString();
    }

    @Override
    public String key() {
        return employeeId.toString();
    }
}
