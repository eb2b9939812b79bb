package io.upright.reminders.slack;

import io.upright.platform.eventstore.Decider;
import io.upright.platform.problem.ProblemException;
import io.upright.reminders.slack.SlackChannelEvent.SlackChannelDisabled;
import io.upright.reminders.slack.SlackChannelEvent.SlackChannelRegistered;
import io.upright.reminders.slack.SlackChannelEvent.SlackChannelRemoved;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Lifecycle of a Slack channel: registered, possibly disabled when Slack says it is gone, removed by an admin. */
public class SlackChannelDecider implements Decider<SlackChannelDecider.Command, SlackChannelDecider.Channel, SlackChannelEvent> {

    public sealed interface Command {
    }

    /** The URL has passed the SSRF guard and arrives sealed. */
    public record Register(UUID channelId, String sealedUrl, String urlHint, UUID teamId, Instant at) implements Command {
    }

    public record Disable(String reason, Instant at) implements Command {
    }

    public record Remove(Instant at) implements Command {
    }

    public enum Status { NONE, ACTIVE, DISABLED, REMOVED }

    public record Channel(UUID id, Status status) {
    }

    @Override
    public Channel initialState() {
        return new Channel(null, Status.NONE);
    }

    @Override
    public List<SlackChannelEvent> decide(Command command, Channel channel) {
        if (command instanceof Register register) {
            if (channel.status() != Status.NONE) {
                throw ProblemException.conflict("Slack channel " + register.channelId() + " already exists");
            }
            return List.of(new SlackChannelRegistered(register.channelId(), register.sealedUrl(), register.urlHint(),
                    register.teamId(), register.at()));
        }
        if (channel.status() == Status.NONE || channel.status() == Status.REMOVED) {
            throw ProblemException.notFound("Slack channel");
        }
        if (command instanceof Disable disable) {
            return channel.status() == Status.ACTIVE
                    ? List.of(new SlackChannelDisabled(channel.id(), disable.reason(), disable.at()))
                    : List.of();
        }
        if (command instanceof Remove remove) {
            return List.of(new SlackChannelRemoved(channel.id(), remove.at()));
        }
        throw new IllegalArgumentException("Unknown command " + command);
    }

    @Override
    public Channel evolve(Channel channel, SlackChannelEvent event) {
        if (event instanceof SlackChannelRegistered registered) {
            return new Channel(registered.channelId(), Status.ACTIVE);
        }
        if (event instanceof SlackChannelDisabled) {
            return new Channel(channel.id(), Status.DISABLED);
        }
        if (event instanceof SlackChannelRemoved) {
            return new Channel(channel.id(), Status.REMOVED);
        }
        return channel;
    }
}
