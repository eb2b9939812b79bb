package io.upright.reminders.reminder;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

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

    /**
     * The same within an engine round: a channel whose targets depend on the tenant alone looks them up once per round
     * through {@code round} (a profile of a burst found one query per reminder and channel, and an AES-GCM opening of
     * the same webhook secret per call). The round lasts well under a second, about as long as the reminders of one
     * round were always looked up apart.
     */
    default List<Call> deliver(OutgoingReminder reminder, Round round) {
        return deliver(reminder);
    }

    /** What one engine round looked up once for all its reminders; made per round and per engine thread, never shared. */
    final class Round {

        private final Map<Object, Object> looked;

        private Round(Map<Object, Object> looked) {
            this.looked = looked;
        }

        /** A new round's memo. */
        public static Round start() {
            return new Round(new HashMap<>());
        }

        /** No memo: every lookup runs (one delivery outside a round). */
        public static Round none() {
            return new Round(null);
        }

        /** What {@code lookup} gives for {@code key}, looked up at most once this round (not kept when it throws). */
        @SuppressWarnings("unchecked")
        public <T> T once(Object key, Supplier<T> lookup) {
            if (looked == null) {
                return lookup.get();
            }
            Object known = looked.get(key);
            if (known == null) {
                known = lookup.get();
                looked.put(key, known);
            }
            return (T) known;
        }
    }

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
