package io.upright.reminders.slackapp;

import io.upright.platform.domain.Rejection;
import io.upright.platform.eventstore.Aggregate;
import io.upright.platform.eventstore.Decider;
import io.upright.reminders.slackapp.SlackAppEvent.SlackAppDisabled;
import io.upright.reminders.slackapp.SlackAppEvent.SlackAppInstalled;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** One installation of the Slack app: installed once, disabled at most once (a reinstall is a new installation). */
public class SlackAppDecider implements Decider<SlackAppDecider.Command, SlackAppDecider.Installation, SlackAppEvent> {

    public static final Aggregate<Command, Installation, SlackAppEvent> SLACK_APP =
            Aggregate.of("slack-app", SlackAppEvent.class, new SlackAppDecider());

    public sealed interface Command {
    }

    /** Slack handed over a bot token for the workspace; it arrives sealed. */
    public record Install(UUID installationId, String slackTeamId, String slackTeamName, String botUserId,
                          String sealedBotToken, Instant at) implements Command {
    }

    public record Disable(String reason, Instant at) implements Command {
    }

    /** The secret key was replaced: the same token, sealed again under the current one. */
    public record Reseal(String sealedBotToken, Instant at) implements Command {
    }

    public enum Status { NONE, ACTIVE, DISABLED }

    public record Installation(UUID id, Status status) {
    }

    @Override
    public Installation initialState() {
        return new Installation(null, Status.NONE);
    }

    @Override
    public List<SlackAppEvent> decide(Command command, Installation installation) {
        if (command instanceof Install install) {
            if (installation.status() != Status.NONE) {
                throw Rejection.conflict("Slack installation " + install.installationId() + " already exists");
            }
            return List.of(new SlackAppInstalled(install.installationId(), install.slackTeamId(), install.slackTeamName(),
                    install.botUserId(), install.sealedBotToken(), install.at()));
        }
        if (installation.status() == Status.NONE) {
            throw Rejection.notFound("Slack installation");
        }
        if (command instanceof Disable disable) {
            // Slack may tell us twice (app_uninstalled and tokens_revoked): the first one settles it
            return installation.status() == Status.ACTIVE
                    ? List.of(new SlackAppDisabled(installation.id(), disable.reason(), disable.at()))
                    : List.of();
        }
        if (command instanceof Reseal reseal) {
            return List.of(new SlackAppEvent.SlackAppTokenResealed(installation.id(), reseal.sealedBotToken(), reseal.at()));
        }
        throw new IllegalArgumentException("Unknown command " + command);
    }

    @Override
    public Installation evolve(Installation installation, SlackAppEvent event) {
        if (event instanceof SlackAppInstalled installed) {
            return new Installation(installed.installationId(), Status.ACTIVE);
        }
        if (event instanceof SlackAppDisabled) {
            return new Installation(installation.id(), Status.DISABLED);
        }
        return installation;
    }
}
