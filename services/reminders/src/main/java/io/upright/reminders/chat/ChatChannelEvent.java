package io.upright.reminders.chat;

import java.time.Instant;
import java.util.UUID;

/**
 * What happened to a tenant's chat channel (Slack or Teams, by {@code kind}). The incoming-webhook URL is a
 * credential: only ever stored sealed.
 */
public sealed interface ChatChannelEvent {

    ChatChannelKind kind();

    UUID channelId();

    /** {@code teamId} null: the channel receives the reminders of every employee of the tenant. */
    record ChatChannelRegistered(ChatChannelKind kind, UUID channelId, String sealedUrl, String urlHint, UUID teamId,
                                 Instant registeredAt) implements ChatChannelEvent {
    }

    /**
     * Deliveries stopped on their own: the webhook answered 410 Gone (Slack: channel archived or hook revoked;
     * Teams: workflow deleted or its URL revoked).
     */
    record ChatChannelDisabled(ChatChannelKind kind, UUID channelId, String reason, Instant disabledAt)
            implements ChatChannelEvent {
    }

    record ChatChannelRemoved(ChatChannelKind kind, UUID channelId, Instant removedAt) implements ChatChannelEvent {
    }
}
