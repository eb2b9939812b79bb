package io.upright.reminders.teams;

import io.upright.platform.persistence.TenantScopedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** Read model of a tenant's Teams channels; a removed channel's row is deleted. */
@Entity
@Table(name = "teams_channel")
public class TeamsChannelRecord extends TenantScopedEntity {

    public static final String ACTIVE = "active";
    public static final String DISABLED = "disabled";

    /** AES-GCM sealed; opened only to post a reminder. */
    @Column(name = "sealed_url")
    public String sealedUrl;

    /** Enough of the URL to tell channels apart, not enough to post to one. */
    @Column(name = "url_hint")
    public String urlHint;

    @Column(name = "team_id")
    public UUID teamId;

    public String status;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "disabled_at")
    public Instant disabledAt;

    public long version;

    public static TeamsChannelRecord of(String tenant, UUID id) {
        return find("tenantId = ?1 and id = ?2", tenant, id).firstResult();
    }
}
