package io.upright.reminders.slack;

import io.quarkus.panache.common.Page;
import io.upright.platform.eventstore.AggregateStore;
import io.upright.platform.eventstore.Decision;
import io.upright.platform.problem.ProblemException;
import io.upright.reminders.slack.SlackChannelEvent.SlackChannelRegistered;
import io.upright.reminders.webhook.WebhookEndpoints;
import io.upright.reminders.webhook.WebhookSecrets;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.OptionalLong;
import java.util.UUID;

/** Application service for Slack channels: event store and read model in one transaction. */
@ApplicationScoped
public class SlackChannels {

    private static final Logger LOG = Logger.getLogger(SlackChannels.class);
    static final String STREAM_TYPE = "slack-channel";
    static final String FIELD = "webhookUrl";

    private final SlackChannelDecider decider = new SlackChannelDecider();

    @Inject
    AggregateStore aggregates;

    @Inject
    WebhookSecrets secrets;

    @Inject
    WebhookEndpoints endpoints;

    @Transactional
    public SlackChannelRecord register(String tenant, String webhookUrl, UUID teamId) {
        URI checked = endpoints.guard().check(webhookUrl, FIELD);
        UUID id = UUID.randomUUID();
        Decision<SlackChannelDecider.Channel, SlackChannelEvent> decision = aggregates.handle(tenant, STREAM_TYPE, id,
                SlackChannelEvent.class, decider, new SlackChannelDecider.Register(id, secrets.seal(checked.toString()),
                        hint(checked), teamId, Instant.now()), OptionalLong.empty());
        SlackChannelRegistered registered = (SlackChannelRegistered) decision.newEvents().get(0);
        SlackChannelRecord channel = new SlackChannelRecord();
        channel.tenantId = tenant;
        channel.id = id;
        channel.sealedUrl = registered.sealedUrl();
        channel.urlHint = registered.urlHint();
        channel.teamId = registered.teamId();
        channel.status = SlackChannelRecord.ACTIVE;
        channel.createdAt = registered.registeredAt();
        channel.version = decision.version();
        channel.persist();
        return channel;
    }

    @Transactional
    public void remove(String tenant, UUID id) {
        SlackChannelRecord channel = get(tenant, id);
        aggregates.handle(tenant, STREAM_TYPE, id, SlackChannelEvent.class, decider,
                new SlackChannelDecider.Remove(Instant.now()), OptionalLong.empty());
        channel.delete();
    }

    /** Stops posting to a channel Slack says is gone (archived channel, revoked hook). */
    @Transactional
    public void disable(String tenant, UUID id, String reason) {
        SlackChannelRecord channel = SlackChannelRecord.of(tenant, id);
        if (channel == null || !SlackChannelRecord.ACTIVE.equals(channel.status)) {
            return;
        }
        Decision<SlackChannelDecider.Channel, SlackChannelEvent> decision = aggregates.handle(tenant, STREAM_TYPE, id,
                SlackChannelEvent.class, decider, new SlackChannelDecider.Disable(reason, Instant.now()), OptionalLong.empty());
        channel.status = SlackChannelRecord.DISABLED;
        channel.disabledAt = Instant.now();
        channel.version = decision.version();
        LOG.infof("Disabled Slack channel %s: %s", id, reason);
    }

    public SlackChannelRecord get(String tenant, UUID id) {
        SlackChannelRecord channel = SlackChannelRecord.of(tenant, id);
        if (channel == null) {
            throw ProblemException.notFound("Slack channel " + id);
        }
        return channel;
    }

    public List<SlackChannelRecord> list(String tenant, int page, int size) {
        return SlackChannelRecord.find("tenantId = ?1 order by createdAt, id", tenant).page(Page.of(page, size)).list();
    }

    public long count(String tenant) {
        return SlackChannelRecord.count("tenantId", tenant);
    }

    /** {@code https://hooks.slack.com/…AbCd}: the host and the last four characters of the path. */
    static String hint(URI url) {
        String path = url.getRawPath() == null ? "" : url.getRawPath();
        String tail = path.length() > 4 ? path.substring(path.length() - 4) : "";
        return url.getScheme() + "://" + url.getRawAuthority() + "/…" + tail;
    }
}
