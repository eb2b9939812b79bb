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

import javax.sql.DataSource;
import java.time.Clock;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Application service for webhook endpoints: event store and read model in one transaction. */
@ApplicationScoped
public class WebhookEndpoints {

    @Inject
    Clock clock;

    private static final Logger LOG = Logger.getLogger(WebhookEndpoints.class);

    private WebhookUrlGuard guard;

    @Inject
    AggregateStore aggregates;

    @Inject
    WebhookSecrets secrets;

    @Inject
    RemindersConfig config;

    @Inject
    DataSource dataSource;

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
        Decision<WebhookEndpointDecider.Endpoint, WebhookEndpointEvent> decision = aggregates.handle(tenant, WebhookEndpointDecider.ENDPOINT, id,
                new WebhookEndpointDecider.Register(id, checked, secrets.seal(secret), Instant.now(clock)));
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

    /** What rotating returns: the only moment the new plaintext secret leaves the service. */
    public record Rotated(WebhookEndpointRecord endpoint, String secret) {
    }

    /**
     * A new signing secret for an endpoint. The one it replaces keeps signing next to it for
     * {@code upright.reminders.webhook-secret-overlap}; a secret that was itself being replaced stops at once, so at
     * most two ever sign. One that can no longer be opened stops at once too.
     */
    @Transactional
    public Rotated rotateSecret(String tenant, UUID id) {
        WebhookEndpointRecord endpoint = get(tenant, id);
        String secret = secrets.generate();
        // to the microsecond, as the read model keeps it, so the answer and every later read give the same instant
        Instant now = Instant.now(clock).truncatedTo(ChronoUnit.MICROS);
        // an old secret that no longer opens (its key lost) cannot sign: the new one then signs alone, at once
        boolean oldSigns = opens(endpoint.sealedSecret);
        Decision<WebhookEndpointDecider.Endpoint, WebhookEndpointEvent> decision = aggregates.handle(tenant, WebhookEndpointDecider.ENDPOINT, id,
                new WebhookEndpointDecider.RotateSecret(secrets.seal(secret), oldSigns ? endpoint.sealedSecret : null,
                        oldSigns ? now.plus(config.webhookSecretOverlap()) : null, now));
        WebhookEndpointEvent.WebhookSecretRotated rotated = (WebhookEndpointEvent.WebhookSecretRotated) decision.newEvents().get(0);
        endpoint.sealedSecret = rotated.sealedSecret();
        endpoint.sealedPreviousSecret = rotated.sealedPreviousSecret();
        endpoint.previousSecretUntil = rotated.previousSecretValidUntil();
        endpoint.version = decision.version();
        return new Rotated(endpoint, secret);
    }

    private boolean opens(String sealed) {
        try {
            secrets.open(sealed);
            return true;
        } catch (IllegalStateException | IllegalArgumentException e) {
            return false;
        }
    }

    /**
     * Seals an endpoint's secrets again under the current secret key when either was sealed under a previous one
     * (the secret key was replaced); an old secret whose overlap has ended is dropped instead. Whether it did.
     */
    @Transactional
    public boolean resealIfNeeded(String tenant, UUID id) {
        WebhookEndpointRecord endpoint = WebhookEndpointRecord.of(tenant, id);
        if (endpoint == null) {
            return false; // removed meanwhile
        }
        Instant now = Instant.now(clock);
        boolean previousStillSigns = endpoint.sealedPreviousSecret != null && endpoint.previousSecretUntil != null
                && now.isBefore(endpoint.previousSecretUntil);
        SecretBox.Opened current = secrets.openAndTell(endpoint.sealedSecret);
        SecretBox.Opened previous = null;
        if (endpoint.sealedPreviousSecret != null && opens(endpoint.sealedPreviousSecret)) {
            previous = secrets.openAndTell(endpoint.sealedPreviousSecret);
        } else {
            previousStillSigns = false; // none, or one that cannot sign any more: dropped
        }
        boolean stale = current.underPrevious() || (endpoint.sealedPreviousSecret != null
                && (previous == null || previous.underPrevious() || !previousStillSigns));
        if (!stale) {
            return false;
        }
        String sealedPrevious = previousStillSigns ? secrets.seal(previous.plaintext()) : null;
        Decision<WebhookEndpointDecider.Endpoint, WebhookEndpointEvent> decision = aggregates.handle(tenant, WebhookEndpointDecider.ENDPOINT, id,
                new WebhookEndpointDecider.Reseal(secrets.seal(current.plaintext()), sealedPrevious, now));
        endpoint.sealedSecret = ((WebhookEndpointEvent.WebhookSecretResealed) decision.newEvents().get(0)).sealedSecret();
        endpoint.sealedPreviousSecret = sealedPrevious;
        endpoint.previousSecretUntil = sealedPrevious == null ? null : endpoint.previousSecretUntil;
        endpoint.version = decision.version();
        return true;
    }

    /** Every endpoint of every tenant, for {@code secretkey.SecretKeyRotation}: tenant and id, in a stable order. */
    public List<Map.Entry<String, UUID>> allIds() {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("select tenant_id, id from webhook_endpoint order by tenant_id, id");
             ResultSet rs = ps.executeQuery()) {
            List<Map.Entry<String, UUID>> ids = new ArrayList<>();
            while (rs.next()) {
                ids.add(Map.entry(rs.getString(1), rs.getObject(2, UUID.class)));
            }
            return ids;
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read webhook endpoints", e);
        }
    }

    @Transactional
    public void remove(String tenant, UUID id) {
        WebhookEndpointRecord endpoint = get(tenant, id);
        aggregates.handle(tenant, WebhookEndpointDecider.ENDPOINT, id,
                new WebhookEndpointDecider.Remove(Instant.now(clock)));
        endpoint.delete();
    }

    /** Stops deliveries to an endpoint whose receiver said it is gone for good. */
    @Transactional
    public void disable(String tenant, UUID id, String reason) {
        WebhookEndpointRecord endpoint = WebhookEndpointRecord.of(tenant, id);
        if (endpoint == null || !WebhookEndpointRecord.ACTIVE.equals(endpoint.status)) {
            return; // removed or already disabled meanwhile
        }
        Decision<WebhookEndpointDecider.Endpoint, WebhookEndpointEvent> decision = aggregates.handle(tenant, WebhookEndpointDecider.ENDPOINT, id,
                new WebhookEndpointDecider.Disable(reason, Instant.now(clock)));
        endpoint.status = WebhookEndpointRecord.DISABLED;
        endpoint.disabledAt = Instant.now(clock);
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

    /**
     * The tenant's active endpoints, oldest first, for the engine: plain SQL, since it runs on its own thread with
     * neither a transaction nor a request context.
     */
    public List<WebhookDelivery.Target> active(String tenant) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("select id, url, sealed_secret, sealed_previous_secret, previous_secret_until from webhook_endpoint "
                     + "where tenant_id = ? and status = 'active' order by created_at, id")) {
            ps.setString(1, tenant);
            List<WebhookDelivery.Target> targets = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    java.sql.Timestamp until = rs.getTimestamp("previous_secret_until");
                    targets.add(new WebhookDelivery.Target(rs.getObject("id", UUID.class), rs.getString("url"),
                            rs.getString("sealed_secret"), rs.getString("sealed_previous_secret"),
                            until == null ? null : until.toInstant()));
                }
            }
            return targets;
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read webhook endpoints", e);
        }
    }
}
