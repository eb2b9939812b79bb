package io.upright.reminders.webhook;

import io.upright.platform.persistence.TenantScopedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Read model of a tenant's webhook endpoints; a removed endpoint's row is deleted. */
@Entity
@Table(name = "webhook_endpoint")
public class WebhookEndpointRecord extends TenantScopedEntity {

    public static final String ACTIVE = "active";
    public static final String DISABLED = "disabled";

    public String url;

    /** AES-GCM sealed; opened only to sign a delivery. */
    @Column(name = "sealed_secret")
    public String sealedSecret;

    /** The secret a rotation replaced, sealed; it still signs until {@link #previousSecretUntil}. */
    @Column(name = "sealed_previous_secret")
    public String sealedPreviousSecret;

    @Column(name = "previous_secret_until")
    public Instant previousSecretUntil;

    public String status;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "disabled_at")
    public Instant disabledAt;

    public long version;

    public WebhookDelivery.Target target() {
        return new WebhookDelivery.Target(id, url, sealedSecret, sealedPreviousSecret, previousSecretUntil);
    }

    public static WebhookEndpointRecord of(String tenant, UUID id) {
        return find("tenantId = ?1 and id = ?2", tenant, id).firstResult();
    }

    public static List<WebhookEndpointRecord> active(String tenant) {
        return list("tenantId = ?1 and status = ?2 order by createdAt, id", tenant, ACTIVE);
    }
}
