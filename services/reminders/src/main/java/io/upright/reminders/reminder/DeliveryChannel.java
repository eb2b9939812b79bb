package io.upright.reminders.reminder;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

/**
 * One way a reminder reaches people (tenant webhooks, Slack, Teams …). The engine calls every channel's targets
 * for a reminder in parallel and settles it from the outcomes; it knows no channel by name.
 */
public interface DeliveryChannel {

    /** The channel's name in the reminders contract ({@code BreakReminderSent.channel}: webhook, slack, teams). */
    String kind();

    /** Whether the employee can answer there: such a channel is named when several took the reminder. */
    boolean answerable();

    /** The order channels are called in (and preferred in, among equally answerable ones): lower first. */
    int order();

    /** Starts one call per target of this channel that serves the reminder (none: it has no target). Never throws. */
    List<Call> deliver(OutgoingReminder reminder);

    /** A target answered 410 Gone: it is not called again. */
    void disable(String tenant, UUID targetId);

    /** The instant before which a throttled target asked not to be called, if it did and that is still ahead. */
    default Optional<Instant> pausedUntil(UUID targetId) {
        return Optional.empty();
    }

    /** One call under way to one target. */
    record Call(UUID targetId, CompletableFuture<DeliveryOutcome> outcome) {

        /** A call that could not even start (its message could not be written, say). */
        public static Call failed(UUID targetId) {
            return new Call(targetId, CompletableFuture.completedFuture(DeliveryOutcome.FAILED));
        }
    }

    /**
     * A claimed reminder as channels see it: who it is for (their team picks team chat channels), the message, and the
     * engine's "now" (for links that expire). Deliberately not what it suggests to the employee: every channel here
     * reaches an employer system, and nothing a channel sends may depend on the employee's health.
     */
    record OutgoingReminder(String tenant, UUID id, UUID employeeId, UUID teamId, ReminderMessage message, Instant now) {
    }
}
