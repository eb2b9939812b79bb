package io.upright.reminders.teams;

import java.time.Instant;
import java.util.UUID;

/** What happened to a tenant's Teams channel. The incoming-webhook URL is a credential: only ever stored sealed. */
public sealed interface TeamsChannelEvent {

    /** {@code teamId} null: the channel receives the reminders of every employee of the tenant. */
    record TeamsChannelRegistered(UUID channelId, String sealedUrl, String urlHint, UUID teamId, Instant registeredAt)
            implements TeamsChannelEvent {
    }

    /** Deliveries stopped on their own: the workflow answered 410 Gone (the workflow was deleted or its URL revoked). */
    record TeamsChannelDisabled(UUID channelId, String reason, Instant disabledAt) implements TeamsChannelEvent {
    }

    record TeamsChannelRemoved(UUID channelId, Instant removedAt) implements TeamsChannelEvent {
    }
}
