package io.upright.programs.team;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** Read model of a team, kept in step with the team's stream in the same transaction. */
@Entity
@Table(name = "team")
@IdClass(TeamRecord.Key.class)
public class TeamRecord extends PanacheEntityBase {

    @Id
    @Column(name = "tenant_id")
    public String tenantId;

    @Id
    public UUID id;

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

    public static class Key implements Serializable {
        public String tenantId;
        public UUID id;

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(tenantId, k.tenantId) && Objects.equals(id, k.id);
        }

        @Override
        public int hashCode() {
            return Objects.hash(tenantId, id);
        }
    }
}
