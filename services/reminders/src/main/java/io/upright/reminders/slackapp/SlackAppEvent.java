package io.upright.reminders.slackapp;

import io.upright.platform.eventstore.EventName;

import java.time.Instant;
import java.util.UUID;

/** What happened to a tenant's installation of the Slack app. The bot token is a credential: only ever stored sealed. */
public sealed interface SlackAppEvent {

    UUID installationId();

    /** An admin of the tenant added the app to their Slack workspace ({@code oauth.v2.access} answered). */
    @EventName("SlackAppInstalled")
    record SlackAppInstalled(UUID installationId, String slackTeamId, String slackTeamName, String botUserId,
                             String sealedBotToken, Instant installedAt) implements SlackAppEvent {
    }

    /** The same bot token sealed again under the service's current secret key, after that key was replaced. */
    @EventName("SlackAppTokenResealed")
    record SlackAppTokenResealed(UUID installationId, String sealedBotToken, Instant resealedAt) implements SlackAppEvent {
    }

    /**
     * No more direct messages through this installation: Slack said it was uninstalled or its token revoked, an admin
     * removed it, or a newer installation replaced it.
     */
    @EventName("SlackAppDisabled")
    record SlackAppDisabled(UUID installationId, String reason, Instant disabledAt) implements SlackAppEvent {
    }
}
