package io.upright.reminders.teams;

import io.quarkus.panache.common.Page;
import io.upright.platform.eventstore.AggregateStore;
import io.upright.platform.eventstore.Decision;
import io.upright.platform.problem.ProblemException;
import io.upright.reminders.teams.TeamsChannelEvent.TeamsChannelRegistered;
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

/** Application service for Teams channels: event store and read model in one transaction. */
@ApplicationScoped
public class TeamsChannels {

    private static final Logger LOG = Logger.getLogger(TeamsChannels.class);
    static final String STREAM_TYPE = "teams-channel";
    static final String FIELD = "webhookUrl";

    private final TeamsChannelDecider decider = new TeamsChannelDecider();

    @Inject
    AggregateStore aggregates;

    @Inject
    WebhookSecrets secrets;

    @Inject
    WebhookEndpoints endpoints;

    @Transactional
    public TeamsChannelRecord register(String tenant, String webhookUrl, UUID teamId) {
        URI checked = endpoints.guard().check(webhookUrl, FIELD);
        UUID id = UUID.randomUUID();
        Decision<TeamsChannelDecider.Channel, TeamsChannelEvent> decision = aggregates.handle(tenant, STREAM_TYPE, id,
                TeamsChannelEvent.class, decider, new TeamsChannelDecider.Register(id, secrets.seal(checked.toString()),
                        hint(checked), teamId, Instant.now()), OptionalLong.empty());
        TeamsChannelRegistered registered = (TeamsChannelRegistered) decision.newEvents().get(0);
        TeamsChannelRecord channel = new TeamsChannelRecord();
        channel.tenantId = tenant;
        channel.id = id;
        channel.sealedUrl = registered.sealedUrl();
        channel.urlHint = registered.urlHint();
        channel.teamId = registered.teamId();
        channel.status = TeamsChannelRecord.ACTIVE;
        channel.createdAt = registered.registeredAt();
        channel.version = decision.version();
        channel.persist();
        return channel;
    }

    @Transactional
    public void remove(String tenant, UUID id) {
        TeamsChannelRecord channel = get(tenant, id);
        aggregates.handle(tenant, STREAM_TYPE, id, TeamsChannelEvent.class, decider,
                new TeamsChannelDecider.Remove(Instant.now()), OptionalLong.empty());
        channel.delete();
    }

    /** Stops posting to a channel whose workflow is gone. */
    @Transactional
    public void disable(String tenant, UUID id, String reason) {
        TeamsChannelRecord channel = TeamsChannelRecord.of(tenant, id);
        if (channel == null || !TeamsChannelRecord.ACTIVE.equals(channel.status)) {
            return;
        }
        Decision<TeamsChannelDecider.Channel, TeamsChannelEvent> decision = aggregates.handle(tenant, STREAM_TYPE, id,
                TeamsChannelEvent.class, decider, new TeamsChannelDecider.Disable(reason, Instant.now()), OptionalLong.empty());
        channel.status = TeamsChannelRecord.DISABLED;
        channel.disabledAt = Instant.now();
        channel.version = decision.version();
        LOG.infof("Disabled Teams channel %s: %s", id, reason);
    }

    public TeamsChannelRecord get(String tenant, UUID id) {
        TeamsChannelRecord channel = TeamsChannelRecord.of(tenant, id);
        if (channel == null) {
            throw ProblemException.notFound("Teams channel " + id);
        }
        return channel;
    }

    public List<TeamsChannelRecord> list(String tenant, int page, int size) {
        return TeamsChannelRecord.find("tenantId = ?1 order by createdAt, id", tenant).page(Page.of(page, size)).list();
    }

    public long count(String tenant) {
        return TeamsChannelRecord.count("tenantId", tenant);
    }

    /** {@code https://prod-00.westeurope.logic.azure.com/…AbCd}: the host and the last four characters of the path. */
    static String hint(URI url) {
        // a workflow URL carries its signature in the query: four characters of it tell channels apart, no more
        String rest = (url.getRawPath() == null ? "" : url.getRawPath()) + (url.getRawQuery() == null ? "" : "?" + url.getRawQuery());
        String tail = rest.length() > 4 ? rest.substring(rest.length() - 4) : "";
        return url.getScheme() + "://" + url.getRawAuthority() + "/…" + tail;
    }
}
