package io.upright.reminders.webhook;

import io.quarkus.panache.common.Page;
import io.upright.platform.eventstore.AggregateStore;
import io.upright.platform.eventstore.Decision;
import io.upright.platform.problem.ProblemException;
import io.upright.reminders.RemindersConfig;
import io.upright.reminders.webhook.WebhookEndpointEvent.WebhookEndpointRegistered;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.util.List;
import java.util.OptionalLong;
import java.util.UUID;

/** Application service for webhook endpoints: event store and read model in one transaction. */
@ApplicationScoped
public class WebhookEndpoints {

    private static final Logger LOG = Logger.getLogger(WebhookEndpoints.class);
    static final String STREAM_TYPE = "webhook-endpoint";

    private final WebhookEndpointDecider decider = new WebhookEndpointDecider();
    private WebhookUrlGuard guard;

    @Inject
    AggregateStore aggregates;

    @Inject
    WebhookSecrets secrets;

    @Inject
    RemindersConfig config;

    @PostConstruct
    void init() {
        guard = new WebhookUrlGuard(config.allowPrivateWebhooks());
    }

    /** What registering returns: the only moment the plaintext secret leaves the service. */
    public record Registered(WebhookEndpointRecord endpoint, String secret) {
    }

    @Transactional
    public Registered register(String tenant, String url) {
        String checked = guard.check(url).toString();
        String secret = secrets.generate();
        UUID id = UUID.randomUUID();
        Decision<WebhookEndpointDecider.Endpoint, WebhookEndpointEvent> decision = aggregates.handle(tenant, STREAM_TYPE, id,
                WebhookEndpointEvent.class, decider,
                new WebhookEndpointDecider.Register(id, checked, secrets.seal(secret), Instant.now()), OptionalLong.empty());
        WebhookEndpointRegistered registered = (WebhookEndpointRegistered) decision.newEvents().get(0);
        WebhookEndpointRecord endpoint = new WebhookEndpointRecord();
        endpoint.tenantId = tenant;
        endpoint.id = id;
        endpoint.url = registered.url();
        endpoint.sealedSecret = registered.sealedSecret();
        endpoint.status = WebhookEndpointRecord.ACTIVE;
        endpoint.createdAt = registered.registeredAt();
        endpoint.version = decision.version();
        endpoint.persist();
        return new Registered(endpoint, secret);
    }

    @Transactional
    public void remove(String tenant, UUID id) {
        WebhookEndpointRecord endpoint = get(tenant, id);
        aggregates.handle(tenant, STREAM_TYPE, id, WebhookEndpointEvent.class, decider,
                new WebhookEndpointDecider.Remove(Instant.now()), OptionalLong.empty());
        endpoint.delete();
    }

    /** Stops deliveries to an endpoint whose receiver said it is gone for good. */
    @Transactional
    public void disable(String tenant, UUID id, String reason) {
        WebhookEndpointRecord endpoint = WebhookEndpointRecord.of(tenant, id);
        if (endpoint == null || !WebhookEndpointRecord.ACTIVE.equals(endpoint.status)) {
            return; // removed or already disabled meanwhile
        }
        Decision<WebhookEndpointDecider.Endpoint, WebhookEndpointEvent> decision = aggregates.handle(tenant, STREAM_TYPE, id,
                WebhookEndpointEvent.class, decider, new WebhookEndpointDecider.Disable(reason, Instant.now()), OptionalLong.empty());
        endpoint.status = WebhookEndpointRecord.DISABLED;
        endpoint.disabledAt = Instant.now();
        endpoint.version = decision.version();
        LOG.infof("Disabled webhook endpoint %s: %s", id, reason);
    }

    public WebhookEndpointRecord get(String tenant, UUID id) {
        WebhookEndpointRecord endpoint = WebhookEndpointRecord.of(tenant, id);
        if (endpoint == null) {
            throw ProblemException.notFound("Webhook endpoint " + id);
        }
        return endpoint;
    }

    public List<WebhookEndpointRecord> list(String tenant, int page, int size) {
        return WebhookEndpointRecord.find("tenantId = ?1 order by createdAt, id", tenant).page(Page.of(page, size)).list();
    }

    public long count(String tenant) {
        return WebhookEndpointRecord.count("tenantId", tenant);
    }

    /** The guard deliveries use to re-check a URL just before calling it. */
    public WebhookUrlGuard guard() {
        return guard;
    }
}
