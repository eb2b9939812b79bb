package io.upright.reminders.slack;

import java.time.Instant;
import java.util.UUID;

/** What happened to a tenant's Slack channel. The incoming-webhook URL is a credential: only ever stored sealed. */
public sealed interface SlackChannelEvent {

    /** {@code teamId} null: the channel receives the reminders of every employee of the tenant. */
    record SlackChannelRegistered(UUID channelId, String sealedUrl, String urlHint, UUID teamId, Instant registeredAt)
            implements SlackChannelEvent {
    }

    /** Deliveries stopped on their own: Slack answered 410 Gone (the channel was archived or the hook revoked). */
    record SlackChannelDisabled(UUID channelId, String reason, Instant disabledAt) implements SlackChannelEvent {
    }

    record SlackChannelRemoved(UUID channelId, Instant removedAt) implements SlackChannelEvent {
    }
}
