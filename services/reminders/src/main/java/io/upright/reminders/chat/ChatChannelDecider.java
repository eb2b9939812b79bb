package io.upright.reminders.chat;

import io.upright.platform.eventstore.Aggregate;
import io.upright.platform.eventstore.Decider;
import io.upright.platform.domain.Rejection;
import io.upright.reminders.chat.ChatChannelEvent.ChatChannelDisabled;
import io.upright.reminders.chat.ChatChannelEvent.ChatChannelRegistered;
import io.upright.reminders.chat.ChatChannelEvent.ChatChannelRemoved;
import io.upright.reminders.chat.ChatChannelEvent.ChatChannelResealed;

import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * Lifecycle of one kind of chat channel: registered, possibly disabled when the tool says the webhook is gone,
 * removed by an admin. One decider per kind, so its events and problems name that kind.
 */
public class ChatChannelDecider implements Decider<ChatChannelDecider.Command, ChatChannelDecider.Channel, ChatChannelEvent> {

    /** Each kind's channels: their own stream type ({@link ChatChannelKind#streamType()}) and decider. */
    private static final Map<ChatChannelKind, Aggregate<Command, Channel, ChatChannelEvent>> AGGREGATES = aggregates();

    public static Aggregate<Command, Channel, ChatChannelEvent> of(ChatChannelKind kind) {
        return AGGREGATES.get(kind);
    }

    private static Map<ChatChannelKind, Aggregate<Command, Channel, ChatChannelEvent>> aggregates() {
        Map<ChatChannelKind, Aggregate<Command, Channel, ChatChannelEvent>> aggregates = new EnumMap<>(ChatChannelKind.class);
        for (ChatChannelKind kind : ChatChannelKind.values()) {
            aggregates.put(kind, Aggregate.of(kind.streamType(), ChatChannelEvent.class, new ChatChannelDecider(kind)));
        }
        return aggregates;
    }

    public sealed interface Command {
    }

    /** The URL has passed the SSRF guard and arrives sealed. */
    public record Register(UUID channelId, String sealedUrl, String urlHint, UUID teamId, Instant at) implements Command {
    }

    public record Disable(String reason, Instant at) implements Command {
    }

    public record Remove(Instant at) implements Command {
    }

    /** The secret key was replaced: the same URL, sealed again under the current one. */
    public record Reseal(String sealedUrl, Instant at) implements Command {
    }

    public enum Status { NONE, ACTIVE, DISABLED, REMOVED }

    public record Channel(UUID id, Status status) {
    }

    private final ChatChannelKind kind;

    public ChatChannelDecider(ChatChannelKind kind) {
        this.kind = Objects.requireNonNull(kind);
    }

    @Override
    public Channel initialState() {
        return new Channel(null, Status.NONE);
    }

    @Override
    public List<ChatChannelEvent> decide(Command command, Channel channel) {
        if (command instanceof Register register) {
            if (channel.status() != Status.NONE) {
                throw Rejection.conflict(kind.displayName() + " channel " + register.channelId() + " already exists");
            }
            return List.of(new ChatChannelRegistered(kind, register.channelId(), register.sealedUrl(), register.urlHint(),
                    register.teamId(), register.at()));
        }
        if (channel.status() == Status.NONE || channel.status() == Status.REMOVED) {
            throw Rejection.notFound(kind.displayName() + " channel");
        }
        if (command instanceof Disable disable) {
            return channel.status() == Status.ACTIVE
                    ? List.of(new ChatChannelDisabled(kind, channel.id(), disable.reason(), disable.at()))
                    : List.of();
        }
        if (command instanceof Remove remove) {
            return List.of(new ChatChannelRemoved(kind, channel.id(), remove.at()));
        }
        if (command instanceof Reseal reseal) {
            return List.of(new ChatChannelResealed(kind, channel.id(), reseal.sealedUrl(), reseal.at()));
        }
        throw new IllegalArgumentException("Unknown command " + command);
    }

    @Override
    public Channel evolve(Channel channel, ChatChannelEvent event) {
        if (event instanceof ChatChannelRegistered registered) {
            return new Channel(registered.channelId(), Status.ACTIVE);
        }
        if (event instanceof ChatChannelDisabled) {
            return new Channel(channel.id(), Status.DISABLED);
        }
        if (event instanceof ChatChannelRemoved) {
            return new Channel(channel.id(), Status.REMOVED);
        }
        return channel;
    }
}
