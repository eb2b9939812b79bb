package io.upright.reminders.chat;

import io.upright.platform.api.ETags;
import io.upright.platform.api.Page;
import io.upright.platform.identity.CurrentUser;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;

import java.net.URI;
import java.util.UUID;
import java.util.function.Function;

/**
 * What the chat-channel resources of every kind do ({@code /api/slack-channels}, {@code /api/teams-channels}): one
 * implementation over the kinds. Each kind keeps a thin resource of its own only because its OpenAPI text and schema
 * names differ (a path template would merge the two documented paths into one).
 */
@ApplicationScoped
public class ChatChannelEndpoints {

    @Inject
    ChatChannels channels;

    @Inject
    CurrentUser user;

    /** The collection's path: {@code /api/slack-channels}, {@code /api/teams-channels}. */
    public static String path(ChatChannelKind kind) {
        return "/api/" + kind.channel() + "-channels";
    }

    /** 201 with the new channel's location, version and view. */
    public Response register(ChatChannelKind kind, String webhookUrl, UUID teamId, Function<ChatChannelRecord, ?> view) {
        ChatChannelRecord c = channels.register(kind, user.tenant(), webhookUrl, teamId);
        return Response.created(URI.create(path(kind) + "/" + c.id)).tag(ETags.of(c.version)).entity(view.apply(c)).build();
    }

    /** The tenant's channels of the kind, oldest first. */
    public <V> Page<V> list(ChatChannelKind kind, int page, int size, Function<ChatChannelRecord, V> view) {
        String tenant = user.tenant();
        return new Page<>(channels.list(kind, tenant, page, size).stream().map(view).toList(), page, size,
                channels.count(kind, tenant));
    }

    /** One channel with its version; 404 when the tenant has no such channel of the kind. */
    public Response get(ChatChannelKind kind, UUID id, Function<ChatChannelRecord, ?> view) {
        ChatChannelRecord c = channels.get(kind, user.tenant(), id);
        return Response.ok(view.apply(c)).tag(ETags.of(c.version)).build();
    }

    /** 204 once removed; 404 when the tenant has no such channel of the kind. */
    public Response remove(ChatChannelKind kind, UUID id) {
        channels.remove(kind, user.tenant(), id);
        return Response.noContent().build();
    }
}
