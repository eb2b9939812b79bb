package io.upright.programs.team;

import io.upright.platform.persistence.TenantScopedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** Read model of a team, kept in step with the team's stream in the same transaction. */
@Entity
@Table(name = "team")
public class TeamRecord extends TenantScopedEntity {

    public String name;

    public long version;

    @Column(name = "created_at")
    public Instant createdAt;

    public static TeamRecord of(String tenant, UUID id) {
        return find("tenantId = ?1 and id = ?2", tenant, id).firstResult();
    }

    public static boolean nameTaken(String tenant, String name) {
        return count("tenantId = ?1 and lower(name) = lower(?2)", tenant, name) > 0;
    }
}
