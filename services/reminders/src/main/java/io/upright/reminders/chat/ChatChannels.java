package io.upright.reminders.chat;

import io.upright.platform.eventstore.AggregateStore;
import io.upright.platform.eventstore.Decision;
import io.upright.platform.problem.ProblemException;
import io.upright.reminders.chat.ChatChannelEvent.ChatChannelRegistered;
import io.upright.reminders.webhook.WebhookEndpoints;
import io.upright.reminders.webhook.SecretBox;
import io.upright.reminders.webhook.WebhookSecrets;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.ArrayList;
import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.UUID;

/**
 * Application service for chat channels (Slack and Teams): event store and read model in one transaction.
 * Every operation names the kind; each kind has its own stream type and table.
 */
@ApplicationScoped
public class ChatChannels {

    @Inject
    Clock clock;

    private static final Logger LOG = Logger.getLogger(ChatChannels.class);
    static final String FIELD = "webhookUrl";

    @Inject
    AggregateStore aggregates;

    @Inject
    WebhookSecrets secrets;

    @Inject
    WebhookEndpoints endpoints;

    @Inject
    EntityManager entityManager;

    @Inject
    DataSource dataSource;

    @Transactional
    public ChatChannelRecord register(ChatChannelKind kind, String tenant, String webhookUrl, UUID teamId) {
        URI checked = endpoints.guard().check(webhookUrl, FIELD);
        UUID id = UUID.randomUUID();
        Decision<ChatChannelDecider.Channel, ChatChannelEvent> decision = aggregates.handle(tenant, ChatChannelDecider.of(kind), id,
                new ChatChannelDecider.Register(id, secrets.seal(checked.toString()), kind.hint(checked), teamId, Instant.now(clock)));
        ChatChannelRegistered registered = (ChatChannelRegistered) decision.newEvents().get(0);
        ChatChannelRecord channel = ChatChannelRecord.create(kind);
        channel.tenantId = tenant;
        channel.id = id;
        channel.sealedUrl = registered.sealedUrl();
        channel.urlHint = registered.urlHint();
        channel.teamId = registered.teamId();
        channel.status = ChatChannelRecord.ACTIVE;
        channel.createdAt = registered.registeredAt();
        channel.version = decision.version();
        channel.persist();
        return channel;
    }

    @Transactional
    public void remove(ChatChannelKind kind, String tenant, UUID id) {
        ChatChannelRecord channel = get(kind, tenant, id);
        aggregates.handle(tenant, ChatChannelDecider.of(kind), id, new ChatChannelDecider.Remove(Instant.now(clock)));
        channel.delete();
    }

    /** Stops posting to a channel the tool says is gone (Slack: archived channel, revoked hook; Teams: deleted workflow). */
    @Transactional
    public void disable(ChatChannelKind kind, String tenant, UUID id, String reason) {
        ChatChannelRecord channel = find(kind, tenant, id);
        if (channel == null || !ChatChannelRecord.ACTIVE.equals(channel.status)) {
            return;
        }
        Decision<ChatChannelDecider.Channel, ChatChannelEvent> decision = aggregates.handle(tenant, ChatChannelDecider.of(kind), id,
                new ChatChannelDecider.Disable(reason, Instant.now(clock)));
        channel.markDisabled(Instant.now(clock), decision.version());
        LOG.infof("Disabled %s channel %s: %s", kind.displayName(), id, reason);
    }

    /**
     * Seals a channel's URL again under the current secret key when it was sealed under a previous one (the secret
     * key was replaced). Whether it did.
     */
    @Transactional
    public boolean resealIfNeeded(ChatChannelKind kind, String tenant, UUID id) {
        ChatChannelRecord channel = find(kind, tenant, id);
        if (channel == null) {
            return false; // removed meanwhile
        }
        SecretBox.Opened url = secrets.openAndTell(channel.sealedUrl);
        if (!url.underPrevious()) {
            return false;
        }
        Decision<ChatChannelDecider.Channel, ChatChannelEvent> decision = aggregates.handle(tenant, ChatChannelDecider.of(kind), id,
                new ChatChannelDecider.Reseal(secrets.seal(url.plaintext()), Instant.now(clock)));
        channel.sealedUrl = ((ChatChannelEvent.ChatChannelResealed) decision.newEvents().get(0)).sealedUrl();
        channel.version = decision.version();
        return true;
    }

    /** Every channel of the kind, of every tenant, for {@link io.upright.reminders.secretkey.SecretKeyRotation}. */
    public List<Map.Entry<String, UUID>> allIds(ChatChannelKind kind) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("select tenant_id, id from " + ChatChannelRecord.table(kind)
                     + " order by tenant_id, id");
             ResultSet rs = ps.executeQuery()) {
            List<Map.Entry<String, UUID>> ids = new ArrayList<>();
            while (rs.next()) {
                ids.add(Map.entry(rs.getString(1), rs.getObject(2, UUID.class)));
            }
            return ids;
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read " + kind.displayName() + " channels", e);
        }
    }

    public ChatChannelRecord get(ChatChannelKind kind, String tenant, UUID id) {
        ChatChannelRecord channel = find(kind, tenant, id);
        if (channel == null) {
            throw ProblemException.notFound(kind.displayName() + " channel " + id);
        }
        return channel;
    }

    /** Oldest first ({@code createdAt}, then {@code id}). */
    public List<ChatChannelRecord> list(ChatChannelKind kind, String tenant, int page, int size) {
        return entityManager.createQuery("from " + entity(kind) + " where tenantId = ?1 order by createdAt, id",
                        ChatChannelRecord.class)
                .setParameter(1, tenant).setFirstResult(page * size).setMaxResults(size).getResultList();
    }

    public long count(ChatChannelKind kind, String tenant) {
        return entityManager.createQuery("select count(*) from " + entity(kind) + " where tenantId = ?1", Long.class)
                .setParameter(1, tenant).getSingleResult();
    }

    /**
     * The kind's active channels of the tenant, oldest first, for the engine: plain SQL, since it runs on its own
     * thread with neither a transaction nor a request context.
     */
    public List<ChatTarget> active(ChatChannelKind kind, String tenant) {
        List<ChatTarget> targets = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("select id, sealed_url, team_id from " + ChatChannelRecord.table(kind)
                     + " where tenant_id = ? and status = ? order by created_at, id")) {
            ps.setString(1, tenant);
            ps.setString(2, ChatChannelRecord.ACTIVE);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    targets.add(new ChatTarget(kind, rs.getObject("id", UUID.class), rs.getString("sealed_url"),
                            rs.getObject("team_id", UUID.class)));
                }
            }
            return targets;
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read " + kind.displayName() + " channels", e);
        }
    }

    private ChatChannelRecord find(ChatChannelKind kind, String tenant, UUID id) {
        return entityManager.createQuery("from " + entity(kind) + " where tenantId = ?1 and id = ?2", ChatChannelRecord.class)
                .setParameter(1, tenant).setParameter(2, id).getResultList().stream().findFirst().orElse(null);
    }

    /** The read model's entity name for the kind (its own table). */
    private static String entity(ChatChannelKind kind) {
        return ChatChannelRecord.type(kind).getSimpleName();
    }
}
