package io.upright.reminders.chat;

import io.upright.platform.eventstore.EventName;

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
    @EventName("ChatChannelRegistered")
    record ChatChannelRegistered(ChatChannelKind kind, UUID channelId, String sealedUrl, String urlHint, UUID teamId,
                                 Instant registeredAt) implements ChatChannelEvent {
    }

    /**
     * Deliveries stopped on their own: the webhook answered 410 Gone (Slack: channel archived or hook revoked;
     * Teams: workflow deleted or its URL revoked).
     */
    @EventName("ChatChannelDisabled")
    record ChatChannelDisabled(ChatChannelKind kind, UUID channelId, String reason, Instant disabledAt)
            implements ChatChannelEvent {
    }

    /** The same URL sealed again under the service's current secret key, after that key was replaced. */
    @EventName("ChatChannelResealed")
    record ChatChannelResealed(ChatChannelKind kind, UUID channelId, String sealedUrl, Instant resealedAt)
            implements ChatChannelEvent {
    }

    @EventName("ChatChannelRemoved")
    record ChatChannelRemoved(ChatChannelKind kind, UUID channelId, Instant removedAt) implements ChatChannelEvent {
    }
}
