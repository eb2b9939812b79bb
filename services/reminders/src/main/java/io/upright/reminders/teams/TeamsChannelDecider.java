package io.upright.reminders.teams;

import io.upright.platform.eventstore.Decider;
import io.upright.platform.problem.ProblemException;
import io.upright.reminders.teams.TeamsChannelEvent.TeamsChannelDisabled;
import io.upright.reminders.teams.TeamsChannelEvent.TeamsChannelRegistered;
import io.upright.reminders.teams.TeamsChannelEvent.TeamsChannelRemoved;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Lifecycle of a Teams channel: registered, possibly disabled when Teams says it is gone, removed by an admin. */
public class TeamsChannelDecider implements Decider<TeamsChannelDecider.Command, TeamsChannelDecider.Channel, TeamsChannelEvent> {

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
    public List<TeamsChannelEvent> decide(Command command, Channel channel) {
        if (command instanceof Register register) {
            if (channel.status() != Status.NONE) {
                throw ProblemException.conflict("Teams channel " + register.channelId() + " already exists");
            }
            return List.of(new TeamsChannelRegistered(register.channelId(), register.sealedUrl(), register.urlHint(),
                    register.teamId(), register.at()));
        }
        if (channel.status() == Status.NONE || channel.status() == Status.REMOVED) {
            throw ProblemException.notFound("Teams channel");
        }
        if (command instanceof Disable disable) {
            return channel.status() == Status.ACTIVE
                    ? List.of(new TeamsChannelDisabled(channel.id(), disable.reason(), disable.at()))
                    : List.of();
        }
        if (command instanceof Remove remove) {
            return List.of(new TeamsChannelRemoved(channel.id(), remove.at()));
        }
        throw new IllegalArgumentException("Unknown command " + command);
    }

    @Override
    public Channel evolve(Channel channel, TeamsChannelEvent event) {
        if (event instanceof TeamsChannelRegistered registered) {
            return new Channel(registered.channelId(), Status.ACTIVE);
        }
        if (event instanceof TeamsChannelDisabled) {
            return new Channel(channel.id(), Status.DISABLED);
        }
        if (event instanceof TeamsChannelRemoved) {
            return new Channel(channel.id(), Status.REMOVED);
        }
        return channel;
    }
}
